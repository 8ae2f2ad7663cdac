import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '@banjie/platform';

export class CalendarOverrideDateParam {
  @IsLocalDate()
  date!: string;
}

export class PutCalendarOverrideDto {
  @ApiProperty({
    enum: ['WORKING', 'REST'],
    description: 'WORKING: a day worked although the national calendar rests; REST: the reverse',
  })
  @IsIn(['WORKING', 'REST'])
  kind!: 'WORKING' | 'REST';

  @ApiProperty({ example: '玉门市政府通知：2023年4月3日调休上班' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note!: string;
}
