import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, CurrentActor, type Actor } from '@banjie/platform';
import { AsOfQuery } from '../procedures/dto/list-procedures.query';
import { ProcedureIdParam } from '../procedures/dto/procedure-id.param';
import { ProcedureTimelineDto } from './dto/timeline.response';
import { ProcedureTimelineService } from './timeline.service';

@ApiTags('procedures')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('procedures')
export class ProcedureTimelineController {
  constructor(private readonly timelines: ProcedureTimelineService) {}

  @Get(':id/timeline')
  @ApiOkResponse({
    type: ProcedureTimelineDto,
    description: 'the current application as of `asOf`, its working days split by whose turn they were',
  })
  @ApiErrorResponses(400, 404)
  timeline(@Param() { id }: ProcedureIdParam, @Query() { asOf }: AsOfQuery, @CurrentActor() actor: Actor) {
    return this.timelines.timelineOf(actor, id, asOf);
  }
}
