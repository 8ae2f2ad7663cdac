import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiErrorResponses,
  ApiPageResponse,
  CurrentActor,
  DomainException,
  mapPage,
  PageQuery,
  Roles,
  type Actor,
} from '@banjie/platform';
import { ProjectChangeDto, ProjectDto } from './dto/project.response';
import { ListProjectsQuery } from './dto/list-projects.query';
import { RegisterProjectDto } from './dto/register-project.dto';
import { UpdateProjectDto } from './dto/update-project.dto';
import { projectView } from './project.mapper';
import { ProjectService, type ExpectedVersion } from './project.service';
import { ProjectCodeParam } from './dto/project-code.param';

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw new DomainException(
      'bad-request',
      'BAD_IF_MATCH',
      'If-Match must be the project version, e.g. "3"',
    );
  return Number(match[1]);
}

@ApiTags('projects')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post()
  @ApiCreatedResponse({ type: ProjectDto, description: 'the registered project with its code' })
  @ApiErrorResponses(400, 403)
  @HttpCode(201)
  @Roles('admin', 'dispatch')
  async register(@Body() body: RegisterProjectDto, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.register(body, actor), actor);
  }

  @Get()
  @ApiPageResponse(ProjectDto)
  @ApiErrorResponses(400)
  async list(@Query() query: ListProjectsQuery, @CurrentActor() actor: Actor) {
    return mapPage(await this.projects.list(query, actor), (project) => projectView(project, actor));
  }

  @Get(':code')
  @ApiOkResponse({ type: ProjectDto, description: 'with `ETag: "<version>"`' })
  @ApiErrorResponses(400, 404)
  async get(
    @Param() { code }: ProjectCodeParam,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const project = await this.projects.get(code, actor);
    response.setHeader('ETag', `"${project.version}"`);
    return projectView(project, actor);
  }

  @Patch(':code')
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrorResponses(400, 403, 404, 409, 412)
  @Roles('admin', 'dispatch')
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version you read, e.g. "3"' })
  async update(
    @Param() { code }: ProjectCodeParam,
    @Body() body: UpdateProjectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const headerVersion = parseIfMatch(ifMatch);
    const expected: ExpectedVersion | undefined =
      headerVersion !== undefined
        ? { source: 'if-match', version: headerVersion }
        : body.expectedVersion !== undefined
          ? { source: 'body', version: body.expectedVersion }
          : undefined;
    const project = await this.projects.update(code, body, expected, actor);
    response.setHeader('ETag', `"${project.version}"`);
    return projectView(project, actor);
  }

  @Get(':code/history')
  @ApiPageResponse(ProjectChangeDto)
  @ApiErrorResponses(400, 404)
  history(@Param() { code }: ProjectCodeParam, @Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.projects.history(code, query, actor);
  }
}
