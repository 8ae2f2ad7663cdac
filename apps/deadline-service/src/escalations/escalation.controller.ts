import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@banjie/platform';
import { EscalationService } from './escalation.service';

export class EscalationQuery {
  @IsOptional()
  @IsIn(['open', 'acknowledged'])
  status?: 'open' | 'acknowledged';
}

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationController {
  constructor(private readonly escalations: EscalationService) {}

  @Get()
  @Roles('supervisor', 'dispatch', 'admin')
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'acknowledged'] })
  list(@Query() query: EscalationQuery) {
    return this.escalations.list(query.status);
  }
}
