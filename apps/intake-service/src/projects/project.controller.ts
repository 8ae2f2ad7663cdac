import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@banjie/platform';
import { RegisterProjectDto } from './dto/register-project.dto';
import { projectView } from './project.mapper';
import { ProjectService } from './project.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'dispatch')
  async register(@Body() body: RegisterProjectDto) {
    return projectView(await this.projects.register(body));
  }

  @Get(':code')
  async get(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return projectView(await this.projects.get(code, actor));
  }
}
