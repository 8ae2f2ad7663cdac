import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProcedureModule } from '../procedures/procedure.module';
import { ProjectDirectoryModule } from '../projects/project-directory.module';
import { PlanConsumer } from './plan.consumer';
import { PlanSyncService } from './plan-sync.service';

@Module({
  imports: [CalendarModule, ProcedureModule, ProjectDirectoryModule],
  controllers: [PlanConsumer],
  providers: [PlanSyncService],
})
export class PlanModule {}
