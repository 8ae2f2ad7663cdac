import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DEPARTMENT_CODES } from '@banjie/contracts';
import {
  ApiErrorResponses,
  ApiPageResponse,
  CurrentActor,
  PageQuery,
  Roles,
  type Actor,
} from '@banjie/platform';
import { EscalationDto } from './dto/escalation.response';
import { EscalationService } from './escalation.service';

/** `GET /escalations`: the list's filters, paged like every list. */
export class EscalationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'acknowledged'] })
  @IsOptional()
  @IsIn(['open', 'acknowledged'])
  status?: 'open' | 'acknowledged';

  @ApiPropertyOptional({
    example: 'OVERDUE_SUPERVISOR',
    description: 'the ladder rung, e.g. OVERDUE_SUPERVISOR, OVERDUE_LEADING_OFFICIAL, START_OVERDUE',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:-]{1,80}$/, { message: 'rung must be a rung name such as OVERDUE_SUPERVISOR' })
  rung?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_CODES })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  department?: string;

  @ApiPropertyOptional({ example: 'BJ-2023-0001', description: 'a project code' })
  @IsOptional()
  @Matches(/^BJ-\d{4}-\d{4,}$/, { message: 'project must look like BJ-2023-0001' })
  project?: string;
}

export class EscalationIdParam {
  @IsUUID('all', { message: 'id must be an escalation id (UUID)' })
  id!: string;
}

@ApiTags('escalations')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('escalations')
export class EscalationController {
  constructor(private readonly escalations: EscalationService) {}

  @Get()
  @ApiPageResponse(EscalationDto, 'the escalations, oldest first')
  @ApiErrorResponses(400, 403)
  @Roles('supervisor', 'dispatch', 'admin')
  list(@Query() { status, rung, department, project, ...page }: EscalationQuery) {
    return this.escalations.list({ status, rung, department, project }, page);
  }

  /** A supervisor takes the escalation on: who and when are recorded; acknowledging twice is 409. */
  @Post(':id/ack')
  @ApiOkResponse({ type: EscalationDto, description: 'acknowledged: who and when' })
  @ApiErrorResponses(400, 403, 404, 409)
  @HttpCode(200)
  @Roles('supervisor')
  acknowledge(@Param() { id }: EscalationIdParam, @CurrentActor() actor: Actor) {
    return this.escalations.acknowledge(id, actor);
  }
}
