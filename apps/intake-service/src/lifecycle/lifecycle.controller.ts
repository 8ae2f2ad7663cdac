import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, PageQuery, Roles, type Actor } from '@banjie/platform';
import { ProjectCodeParam } from '../projects/dto/project-code.param';
import { projectView } from '../projects/project.mapper';
import { ProjectService } from '../projects/project.service';
import { TransitionDto } from './dto/transition.dto';
import { LifecycleService } from './lifecycle.service';

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('projects/:code/transitions')
export class LifecycleController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly projects: ProjectService,
  ) {}

  @Post()
  @Roles('admin', 'dispatch')
  async transition(
    @Param() { code }: ProjectCodeParam,
    @Body() body: TransitionDto,
    @CurrentActor() actor: Actor,
  ) {
    return projectView(await this.lifecycle.transition(code, body, actor), actor);
  }

  @Get()
  async list(@Param() { code }: ProjectCodeParam, @Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.lifecycle.transitions(await this.projects.get(code, actor), query, actor);
  }
}
