import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentActor, Roles, type Actor } from '@banjie/platform';
import { DelaysQuery } from './dto/delays.query';
import { DelayReportDto } from './dto/delays.response';
import { DelaysService } from './delays.service';

@ApiTags('reports')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('reports')
export class DelaysController {
  constructor(private readonly delays: DelaysService) {}

  @Get('delays')
  @Roles('supervisor', 'dispatch', 'admin', 'department')
  @ApiOkResponse({
    type: DelayReportDto,
    description:
      'one page of groups (a list), with the totals of the whole report; a department sees its own',
  })
  @ApiErrorResponses(400, 403)
  delaysReport(@Query() query: DelaysQuery, @CurrentActor() actor: Actor) {
    return this.delays.report(actor, query);
  }
}
