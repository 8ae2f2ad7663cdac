import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EXCLUDED_PERIOD_REASONS, SupplementReason, type ExcludedPeriodReason } from '@banjie/contracts';
import { MAX_EXTENSION_WORKING_DAYS } from '@banjie/domain';
import { IsLocalDate } from '@banjie/platform';

/** A late entry (补录): an action older than the back-dating grace, recorded by an admin on behalf of its party. */
export class LateEntryDto {
  @ApiProperty({
    example: '系统上线前的纸质办理记录补录',
    description: 'why the action is recorded late (internal)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({
    example: '玉环审〔2023〕12号 批复扫描件',
    description: 'what the record rests on (internal)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  evidence?: string;

  @ApiPropertyOptional({
    example: 'helper-li',
    description:
      'for submit, resubmit, withdraw: the assigned helper who acted (default: the owner enterprise)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  helper?: string;
}

/** What every action may carry. */
export class ActionDto {
  @ApiPropertyOptional({
    example: '2023-02-10',
    description:
      "the day the action took effect (Asia/Shanghai); default today; never in the future, never before the procedure's last change, " +
      'and at most APPROVAL_BACKDATE_GRACE_WORKING_DAYS (default 2) working days back unless it is a late entry',
  })
  @IsOptional()
  @IsLocalDate()
  effectiveDate?: string;

  @ApiPropertyOptional({
    type: LateEntryDto,
    description:
      'admin only: records an action older than the grace on behalf of the party it belongs to; marked as a late entry',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LateEntryDto)
  lateEntry?: LateEntryDto;

  @ApiPropertyOptional({
    description:
      'the sequence you read (GET /procedures/:id); a stale one gets 409. Alternatively If-Match: "<sequence>" (stale: 412).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedSequence?: number;

  @ApiPropertyOptional({
    example: '材料齐全，予以受理',
    description: 'a remark for the audit trail (internal)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note?: string;
}

export class RequestSupplementDto extends ActionDto {
  @ApiProperty({
    enum: Object.values(SupplementReason),
    description:
      'why the file is incomplete (typed, public); before acceptance this is the one complete request (一次性告知)',
  })
  @IsIn(Object.values(SupplementReason))
  supplementReason!: SupplementReason;
}

export class ApproveDto extends ActionDto {
  @ApiProperty({
    example: '玉环审〔2023〕12号',
    description: 'the approval document number (批复文号), public',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber!: string;
}

/** Actions that must say why (internal). */
export class ReasonedActionDto extends ActionDto {
  @ApiProperty({ example: '选址不符合国土空间规划' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ExtendDto extends ReasonedActionDto {
  @ApiProperty({
    example: 5,
    description: 'working days added to the limit: once per application, 1 to the ceiling (10)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_EXTENSION_WORKING_DAYS)
  days!: number;
}

export class MarkAlreadyHeldDto extends ReasonedActionDto {
  @ApiProperty({
    example: '玉发改备〔2021〕8号',
    description: 'the number of the document the project already holds, public',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  documentNumber!: string;
}

export class BeginExcludedPeriodDto extends ActionDto {
  @ApiProperty({
    enum: EXCLUDED_PERIOD_REASONS,
    description:
      'the period the law leaves out of the limit (art. 45); the department states it to the applicant in writing, so it is public',
  })
  @IsIn(EXCLUDED_PERIOD_REASONS)
  excludedReason!: ExcludedPeriodReason;
}
