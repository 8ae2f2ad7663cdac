import { ApiProperty } from '@nestjs/swagger';
import { z } from 'zod';
import { flagBoardCard } from '@banjie/contracts';

/** The card exactly as the public contract (`FlagBoardCardChanged` v1) defines it. */
const CARD_SCHEMA = z.toJSONSchema(flagBoardCard, { target: 'openapi-3.0' }) as Record<string, unknown>;

const OBJECT = { type: 'object', additionalProperties: true } as const;

class BoardColumnDto {
  @ApiProperty({ example: 'EIA' })
  procedure!: string;

  @ApiProperty({ example: '环评' })
  nameZh!: string;

  @ApiProperty({ example: 'EEB' })
  department!: string;
}

class BoardSummaryDto {
  @ApiProperty({ example: 127, description: 'projects on the board (on the list, matching the filters)' })
  projects!: number;

  @ApiProperty({ ...OBJECT, description: '办结率: applicable, completed, rate, target' })
  completion!: Record<string, unknown>;

  @ApiProperty({ ...OBJECT, description: '复工率 of continuing projects: total, begun, rate' })
  resume!: Record<string, unknown>;

  @ApiProperty({ ...OBJECT, description: '开工率 of new projects: total, begun, rate' })
  start!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'how many procedures show each flag',
  })
  flags!: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { WAITING: 4, SUPPLEMENT_REQUESTED: 1, LAPSED: 1 },
    description:
      'of the GREY procedures, how many are submitted and wait for acceptance: WAITING, SUPPLEMENT_REQUESTED, LAPSED',
  })
  acceptance!: Record<string, number>;
}

/**
 * The public board: one document for one screen — header figures over every matching card, the
 * columns and the cards, and the change id the live stream resumes after. Not a paged list: the
 * figures and the stream's resume point belong to the whole board.
 */
export class BoardDto {
  @ApiProperty({ example: '2023-03-28', description: 'the day the flags are computed for (Asia/Shanghai)' })
  asOf!: string;

  @ApiProperty({ example: 3 })
  dueSoonWorkingDays!: number;

  @ApiProperty({ ...OBJECT, description: 'the filters applied' })
  filters!: Record<string, unknown>;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the stream resumes after it (null for a past day)',
  })
  lastChangeId!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;

  @ApiProperty({ type: [BoardColumnDto], description: 'the 11 procedures of the catalogue' })
  columns!: BoardColumnDto[];

  @ApiProperty({ type: BoardSummaryDto })
  summary!: BoardSummaryDto;

  @ApiProperty({ type: 'array', items: CARD_SCHEMA, description: 'the cards on the board' })
  projects!: unknown[];
}

/** One project's public card. */
export class ProjectCardDto {
  @ApiProperty({ example: '2023-03-28' })
  asOf!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'grows with every change (null for a past day)' })
  cardVersion!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  changedAt!: string | null;

  @ApiProperty({ ...CARD_SCHEMA })
  card!: unknown;
}
