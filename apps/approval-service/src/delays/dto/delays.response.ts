import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '@banjie/platform';
import { WorkingDaysByHolderDto, WorkingDaysByPhaseDto } from '../../timeline/dto/timeline.response';
import { DELAY_GROUPINGS } from '../delay-report';

/** One group of the delay report (or, as `totals`, the whole report). */
export class DelayGroupDto {
  @ApiProperty({
    example: 'EEB',
    description:
      'department code, project code, chain (NO_CHAIN: none on record), procedure code; ALL for totals',
  })
  key!: string;

  @ApiProperty({
    example: 'EEB',
    description: 'project name, chain, procedure name; the code for a department',
  })
  label!: string;

  @ApiProperty({ example: 12, description: 'procedures with an application submitted by asOf' })
  procedures!: number;

  @ApiProperty({ example: 3, description: 'their applications neither accepted nor ended on asOf' })
  awaitingAcceptance!: number;

  @ApiProperty({ example: 1, description: 'applications deemed accepted (art. 32)' })
  deemedAcceptances!: number;

  @ApiProperty({
    example: 0,
    description: 'procedures the calendar cannot count: in `procedures`, in no sum of days',
  })
  notCounted!: number;

  @ApiProperty({ example: 150 })
  committedWorkingDays!: number;

  @ApiProperty({ example: 5, description: 'granted by extensions' })
  extensionWorkingDays!: number;

  @ApiProperty({ example: 97, description: 'counted against the limits: processing, extension, overdue' })
  usedWorkingDays!: number;

  @ApiProperty({ example: 2, description: 'procedures whose application ran past its limit and extension' })
  overdueProcedures!: number;

  @ApiProperty({ example: 4 })
  overdueWorkingDays!: number;

  @ApiProperty({ type: WorkingDaysByHolderDto })
  byHolder!: WorkingDaysByHolderDto;

  @ApiProperty({ type: WorkingDaysByPhaseDto })
  byPhase!: WorkingDaysByPhaseDto;
}

/** `GET /reports/delays`: one page of groups, with the totals of the whole report beside it. */
export class DelayReportDto extends PageMetaDto {
  @ApiProperty({ example: '2023-03-31' })
  asOf!: string;

  @ApiProperty({ enum: DELAY_GROUPINGS })
  groupBy!: string;

  @ApiProperty({ example: 7, description: 'the working-day calendar version counted with' })
  calendarVersion!: number;

  @ApiProperty({ description: 'some day counted lies in a calendar year nobody has published yet (暂定)' })
  provisional!: boolean;

  @ApiProperty({ type: [DelayGroupDto], description: 'by working days the department held, most first' })
  items!: DelayGroupDto[];

  @ApiProperty({ type: DelayGroupDto, description: 'the whole report (key ALL), every page alike' })
  totals!: DelayGroupDto;
}
