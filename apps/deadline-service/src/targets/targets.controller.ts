import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { maxLocalDate, minLocalDate, parseQuarter, shanghaiLocalDate } from '@banjie/domain';
import { ApiErrorResponses, IsLocalDate, IsQuarter, Roles } from '@banjie/platform';
import { QuarterTargetDto } from './dto/quarter-target.response';
import { QuarterTargetService } from './quarter-target.service';

export class QuarterParam {
  @IsQuarter()
  quarter!: string;
}

export class TargetQuery {
  @ApiPropertyOptional({
    example: '2023-03-10',
    description: 'the day to read the target on (default: today, Asia/Shanghai, within the quarter)',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

@ApiTags('targets')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: QuarterTargetService) {}

  /** Actual and forecast completion rate against the target, the checkpoints so far and, after the quarter, the result. */
  @Get(':quarter')
  @ApiOkResponse({ type: QuarterTargetDto })
  @ApiErrorResponses(400, 403)
  @Roles('supervisor', 'dispatch', 'admin', 'department', 'helper')
  report(@Param() { quarter }: QuarterParam, @Query() query: TargetQuery) {
    const { firstDay, lastDay } = parseQuarter(quarter);
    const asOf = query.asOf ?? maxLocalDate(firstDay, minLocalDate(lastDay, shanghaiLocalDate(new Date())));
    return this.targets.report(quarter, asOf);
  }
}
