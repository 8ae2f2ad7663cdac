import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { RegisterProjectDto } from './register-project.dto';

/** Changes to a project's registered facts; type, state and listing date change by other means. */
export class UpdateProjectDto extends PartialType(
  OmitType(RegisterProjectDto, ['type', 'state', 'listedOn'] as const),
) {
  @ApiProperty({ example: '投资额调整', description: 'why the change is made (recorded in the history)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    description:
      'the version you read; a stale one gets 409. Alternatively send If-Match: "<version>" (stale: 412).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
