import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorResponses,
  ApiPageResponse,
  CurrentActor,
  PageQuery,
  Roles,
  type Actor,
} from '@banjie/platform';
import { PlanVersionDto } from './dto/plan-version.response';
import { ProjectCodeParam } from '../projects/dto/project-code.param';
import { ProjectService } from '../projects/project.service';
import { PutPlanDto } from './dto/put-plan.dto';
import { PlanService } from './plan.service';

@ApiTags('procedure plans')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('projects/:code/plan')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly projects: ProjectService,
  ) {}

  @Put()
  @ApiOkResponse({ type: PlanVersionDto, description: 'the new version, in force' })
  @ApiErrorResponses(400, 403, 404)
  @Roles('admin', 'dispatch')
  put(@Param() { code }: ProjectCodeParam, @Body() body: PutPlanDto, @CurrentActor() actor: Actor) {
    return this.plans.put(code, body, actor);
  }

  @Get()
  @ApiOkResponse({ type: PlanVersionDto, description: 'the plan in force' })
  @ApiErrorResponses(400, 404)
  async current(@Param() { code }: ProjectCodeParam, @CurrentActor() actor: Actor) {
    return this.plans.current(await this.projects.get(code, actor), actor);
  }

  @Get('versions')
  @ApiPageResponse(PlanVersionDto)
  @ApiErrorResponses(400, 404)
  async versions(
    @Param() { code }: ProjectCodeParam,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.plans.versions(await this.projects.get(code, actor), query, actor);
  }
}
