import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SupplementReason } from '@banjie/contracts';
import { MAX_EXTENSION_WORKING_DAYS } from '@banjie/domain';
import { IsLocalDate } from '@banjie/platform';

/** What every action may carry. */
export class ActionDto {
  @ApiPropertyOptional({
    example: '2023-02-10',
    description: 'the day the action took effect (Asia/Shanghai); default today; never in the future, never before the procedure\'s last change',
  })
  @IsOptional() @IsLocalDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'the sequence you read (GET /procedures/:id); a stale one gets 409. Alternatively If-Match: "<sequence>" (stale: 412).' })
  @IsOptional() @IsInt() @Min(1)
  expectedSequence?: number;

  @ApiPropertyOptional({ example: '材料齐全，予以受理', description: 'a remark for the audit trail (internal)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000)
  note?: string;
}

export class RequestSupplementDto extends ActionDto {
  @ApiProperty({ enum: Object.values(SupplementReason), description: 'why the file is incomplete (typed, public)' })
  @IsIn(Object.values(SupplementReason))
  supplementReason!: SupplementReason;
}

export class ApproveDto extends ActionDto {
  @ApiProperty({ example: '玉环审〔2023〕12号', description: 'the approval document number (批复文号), public' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  documentNumber!: string;
}

/** Actions that must say why (internal). */
export class ReasonedActionDto extends ActionDto {
  @ApiProperty({ example: '选址不符合国土空间规划' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reason!: string;
}

export class ExtendDto extends ReasonedActionDto {
  @ApiProperty({ example: 5, description: 'working days added to the limit: once per application, 1 to the ceiling (10)' })
  @IsInt() @Min(1) @Max(MAX_EXTENSION_WORKING_DAYS)
  days!: number;
}

export class MarkAlreadyHeldDto extends ReasonedActionDto {
  @ApiProperty({ example: '玉发改备〔2021〕8号', description: 'the number of the document the project already holds, public' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  documentNumber!: string;
}
