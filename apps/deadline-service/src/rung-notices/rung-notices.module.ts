import { Module } from '@nestjs/common';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { EscalationModule } from '../escalations/escalation.module';
import { ProcedureProjectionModule } from '../procedures/procedure-projection.module';
import { ProcedureContactsRepository } from './procedure-contacts.repository';
import { ReminderRepository } from './reminder.repository';
import { ReminderService } from './reminder.service';
import { RungNoticeService } from './rung-notice.service';

/**
 * The rungs a clock workflow reaches, recorded and addressed: reminders and escalations in the
 * deadline service's ledgers (not the notice service, which keeps the public board).
 */
@Module({
  imports: [EscalationModule, DeadlineCalendarModule, ProcedureProjectionModule],
  providers: [ReminderRepository, ReminderService, ProcedureContactsRepository, RungNoticeService],
  exports: [ReminderService, RungNoticeService],
})
export class RungNoticesModule {}
