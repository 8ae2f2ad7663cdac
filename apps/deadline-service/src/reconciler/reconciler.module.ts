import { Module } from '@nestjs/common';
import { CalendarChangesModule } from '../calendar/calendar-changes.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { TargetsModule } from '../targets/targets.module';
import { DeadlineReconciler } from './deadline.reconciler';

@Module({
  imports: [ProceduresModule, TargetsModule, CalendarChangesModule],
  providers: [DeadlineReconciler],
})
export class ReconcilerModule {}
