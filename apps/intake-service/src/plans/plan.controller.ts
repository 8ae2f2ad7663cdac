import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, PageQuery, Roles, type Actor } from '@banjie/platform';
import { ProjectCodeParam } from '../projects/dto/project-code.param';
import { ProjectService } from '../projects/project.service';
import { PutPlanDto } from './dto/put-plan.dto';
import { PlanService } from './plan.service';

@ApiTags('procedure plans')
@ApiBearerAuth()
@Controller('projects/:code/plan')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly projects: ProjectService,
  ) {}

  @Put()
  @Roles('admin', 'dispatch')
  put(@Param() { code }: ProjectCodeParam, @Body() body: PutPlanDto, @CurrentActor() actor: Actor) {
    return this.plans.put(code, body, actor);
  }

  @Get()
  async current(@Param() { code }: ProjectCodeParam, @CurrentActor() actor: Actor) {
    return this.plans.current(await this.projects.get(code, actor), actor);
  }

  @Get('versions')
  async versions(
    @Param() { code }: ProjectCodeParam,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.plans.versions(await this.projects.get(code, actor), query, actor);
  }
}
