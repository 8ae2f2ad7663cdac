import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  CurrentActor,
  PageQuery,
  Roles,
  type Actor,
} from '@banjie/platform';
import { ProjectDto } from '../projects/dto/project.response';
import { LifecycleMoveDto } from './dto/lifecycle-move.response';
import { ProjectCodeParam } from '../projects/dto/project-code.param';
import { projectView } from '../projects/project.mapper';
import { ProjectService } from '../projects/project.service';
import { TransitionDto } from './dto/transition.dto';
import { LifecycleService } from './lifecycle.service';

@ApiTags('lifecycle')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('projects/:code/transitions')
export class LifecycleController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly projects: ProjectService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ProjectDto, description: 'the project in its new state' })
  @ApiErrorResponses(400, 403, 404, 409)
  @Roles('admin', 'dispatch')
  async transition(
    @Param() { code }: ProjectCodeParam,
    @Body() body: TransitionDto,
    @CurrentActor() actor: Actor,
  ) {
    return projectView(await this.lifecycle.transition(code, body, actor), actor);
  }

  @Get()
  @ApiPageResponse(LifecycleMoveDto)
  @ApiErrorResponses(400, 404)
  async list(@Param() { code }: ProjectCodeParam, @Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.lifecycle.transitions(await this.projects.get(code, actor), query, actor);
  }
}
