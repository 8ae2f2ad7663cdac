import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { shanghaiLocalDate } from '@banjie/domain';
import { ApiErrorResponses, IsLocalDate, Roles } from '@banjie/platform';
import { PortfolioSummaryDto } from './dto/portfolio-summary.response';
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
@ApiErrorResponses(401)
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('summary')
  @ApiOkResponse({ type: PortfolioSummaryDto })
  @ApiErrorResponses(400, 403)
  @Roles('admin', 'dispatch', 'supervisor', 'department', 'helper')
  summary(@Query() query: SummaryQuery) {
    return this.portfolio.summary(query.asOf ?? shanghaiLocalDate(new Date()));
  }
}
