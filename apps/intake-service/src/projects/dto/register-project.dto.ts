import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate, IsOneLine } from '@banjie/platform';
import { IndustryCluster, LifecycleState, ProjectType } from '@banjie/contracts';

export class EnterpriseDto {
  @ApiProperty({ example: 'ENT-SHAANXI-COAL' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'id must be 1–64 letters, digits, _ or -' })
  id!: string;

  @ApiProperty({ example: '陕煤集团甘肃投资有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsOneLine()
  name!: string;
}

export class HelperDto {
  @ApiProperty({ example: '李明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsOneLine()
  name!: string;

  @ApiPropertyOptional({ example: '13800000000', description: 'internal: never shown in public' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'phone must be 5–20 digits' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'helper-li-ming',
    description: "the login (token subject) of the helper: lets them act on the project's applications",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'userId must be 1–100 letters, digits or . _ @ -' })
  userId?: string;
}

const initialStates = [LifecycleState.SIGNED, LifecycleState.PREPARING] as const;

export class RegisterProjectDto {
  @ApiProperty({ example: '玉门抽水蓄能电站' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsOneLine()
  name!: string;

  @ApiProperty({ type: EnterpriseDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EnterpriseDto)
  ownerEnterprise!: EnterpriseDto;

  @ApiProperty({ example: '102', description: 'total investment in 亿元, an exact decimal string' })
  @IsString()
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, {
    message: 'totalInvestment must be a decimal string such as "102" or "26.35" (up to 4 decimals)',
  })
  totalInvestment!: string;

  @ApiProperty({ enum: IndustryCluster })
  @IsIn(Object.values(IndustryCluster))
  cluster!: IndustryCluster;

  @ApiProperty({ example: '新能源' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsOneLine()
  chain!: string;

  @ApiProperty({ enum: ProjectType })
  @IsIn(Object.values(ProjectType))
  type!: ProjectType;

  @ApiProperty({ example: '玉门市老市区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsOneLine()
  location!: string;

  @ApiProperty({ example: '2023-03-15' })
  @IsLocalDate()
  plannedStart!: string;

  @ApiProperty({ example: '玉门市发展和改革局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsOneLine()
  responsibleUnit!: string;

  @ApiProperty({ type: [HelperDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => HelperDto)
  helpers!: HelperDto[];

  @ApiProperty({ example: '王副市长' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @IsOneLine()
  leadingOfficial!: string;

  @ApiPropertyOptional({
    example: '2023-01-05',
    description: 'the day the project entered the key-project list (default: today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  listedOn?: string;

  @ApiPropertyOptional({ enum: initialStates, default: LifecycleState.SIGNED })
  @IsOptional()
  @IsIn(initialStates)
  state?: (typeof initialStates)[number];
}
