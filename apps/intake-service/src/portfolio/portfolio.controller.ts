import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { shanghaiLocalDate } from '@banjie/domain';
import { IsLocalDate, Roles } from '@banjie/platform';
import { PortfolioService } from './portfolio.service';

export class SummaryQuery {
  @ApiPropertyOptional({
    example: '2023-03-28',
    description: 'the day to report on (default today, Asia/Shanghai)',
  })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('summary')
  @Roles('admin', 'dispatch', 'supervisor', 'department', 'helper')
  summary(@Query() query: SummaryQuery) {
    return this.portfolio.summary(query.asOf ?? shanghaiLocalDate(new Date()));
  }
}
