import { ApiProperty } from '@nestjs/swagger';

class YearRangeDto {
  @ApiProperty({ example: 2023 })
  firstYear!: number;

  @ApiProperty({ example: 2027 })
  lastYear!: number;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2023-06-26' })
  date!: string;

  @ApiProperty({ enum: ['WORKING', 'REST'] })
  kind!: string;

  @ApiProperty({ example: '市政府通知：防汛调休' })
  note!: string;
}

/** The calendar in force: its version, the known years, the provisional ones, the local overrides. */
export class CalendarDto {
  @ApiProperty({ example: 7 })
  version!: number;

  @ApiProperty({ type: YearRangeDto, description: 'the years with an official arrangement' })
  knownYears!: YearRangeDto;

  @ApiProperty({ type: YearRangeDto, nullable: true, description: 'years after them, by the law only' })
  provisionalYears!: YearRangeDto | null;

  @ApiProperty({ type: [CalendarOverrideDto] })
  overrides!: CalendarOverrideDto[];
}

class PublicationDto {
  @ApiProperty({ example: 7 })
  version!: number;

  @ApiProperty({ example: 'admin:calendar-admin' })
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

/** A year as it is in force, and where it came from. */
export class CalendarYearDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ enum: ['PACKAGE', 'PUBLISHED', 'PROVISIONAL'] })
  source!: string;

  @ApiProperty({
    description: 'true until the year is published: its dates follow the law only and may move',
  })
  provisional!: boolean;

  @ApiProperty({ example: 7 })
  calendarVersion!: number;

  @ApiProperty({ type: String, nullable: true, example: '国办发明电〔2026〕1号' })
  reference!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'named holidays',
  })
  holidays!: Record<string, unknown>[];

  @ApiProperty({ type: [String], description: 'weekend days that are working days (调休)' })
  workingDays!: string[];

  @ApiProperty({ type: [CalendarOverrideDto] })
  overrides!: CalendarOverrideDto[];

  @ApiProperty({ type: PublicationDto, nullable: true })
  publication!: PublicationDto | null;
}

/** One version of the calendar: what changed, who, when, why. */
export class CalendarVersionDto {
  @ApiProperty({ example: 7 })
  version!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { kind: 'YEAR_PUBLISHED', year: 2027 },
  })
  change!: Record<string, unknown>;

  @ApiProperty({ example: 'admin:calendar-admin' })
  changedBy!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ example: 'sha256:…' })
  packageFingerprint!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt!: string;
}

/** An override as set, with the calendar version it made. */
export class CalendarOverrideSetDto extends CalendarOverrideDto {
  @ApiProperty({ example: 8 })
  version!: number;
}
