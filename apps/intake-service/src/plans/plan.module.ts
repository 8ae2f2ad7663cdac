import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

@Module({ imports: [ProjectModule], controllers: [PlanController], providers: [PlanService] })
export class PlanModule {}
