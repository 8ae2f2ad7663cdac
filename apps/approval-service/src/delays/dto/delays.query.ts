import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@banjie/platform';
import { AsOfQuery } from '../../procedures/dto/list-procedures.query';
import { DELAY_GROUPINGS, type DelayGrouping } from '../delay-report';

/** `GET /reports/delays`: as of a day, grouped one way, paged like every list. */
export class DelaysQuery extends IntersectionType(AsOfQuery, PageQuery) {
  @ApiPropertyOptional({ enum: DELAY_GROUPINGS, default: 'department' })
  @IsOptional()
  @IsIn(DELAY_GROUPINGS, { message: `groupBy must be one of ${DELAY_GROUPINGS.join(', ')}` })
  groupBy?: DelayGrouping;
}
