import { ApiProperty } from '@nestjs/swagger';
import { z } from 'zod';
import { publicDepartmentRecord } from '@banjie/contracts';

/** One department's record exactly as the public contract defines it. */
const RECORD_SCHEMA = z.toJSONSchema(publicDepartmentRecord, { target: 'openapi-3.0' }) as Record<
  string,
  unknown
>;

/**
 * Every department's record of kept promises as of one day: six entries, one per department (not
 * a paged list — the list is fixed and short, like the board's columns).
 */
export class DepartmentRecordsDto {
  @ApiProperty({ example: '2023-03-28', description: 'the day the record is computed for (Asia/Shanghai)' })
  asOf!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the filters applied (cluster, chain)',
  })
  filters!: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: RECORD_SCHEMA, description: 'one record per department (6)' })
  departments!: unknown[];
}
