import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CALENDAR_LAST_YEAR } from '@banjie/domain';

/** The first year of the chinese-days data; the calendar covers it up to CALENDAR_LAST_YEAR. */
export const CALENDAR_FIRST_YEAR = 2004;

export class CalendarYearParam {
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole year, e.g. 2027' })
  @Min(CALENDAR_FIRST_YEAR, { message: `year must be from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}` })
  @Max(CALENDAR_LAST_YEAR, { message: `year must be from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}` })
  year!: number;
}

export class PublishedHolidayDto {
  @ApiProperty({ example: '2027-02-06' })
  @IsString()
  date!: string;

  @ApiProperty({ example: '春节' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;
}

/** A year's official arrangement (放假安排通知), as the State Council publishes it. Dates are checked against the year and each other. */
export class PublishCalendarYearDto {
  @ApiProperty({ example: '国办发明电〔2026〕9号', description: 'the notice the arrangement comes from' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;

  @ApiProperty({
    type: [PublishedHolidayDto],
    description: 'every rest day of the holidays, weekend days inside a holiday period included or not',
  })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => PublishedHolidayDto)
  holidays!: PublishedHolidayDto[];

  @ApiProperty({ example: ['2027-02-20'], description: 'weekend days that are working days (调休)' })
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  workingDays!: string[];

  @ApiPropertyOptional({ example: '国务院办公厅通知发布' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
