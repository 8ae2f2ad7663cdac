import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { PlanController } from './plan.controller';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';

@Module({ imports: [ProjectModule], controllers: [PlanController], providers: [PlanService, PlanRepository] })
export class PlanModule {}
