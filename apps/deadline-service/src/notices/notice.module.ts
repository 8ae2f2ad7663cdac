import { Module } from '@nestjs/common';
import { EscalationModule } from '../escalations/escalation.module';
import { ProcedureContactsRepository } from './procedure-contacts.repository';
import { ReminderRepository } from './reminder.repository';
import { ReminderService } from './reminder.service';
import { RungNoticeService } from './rung-notice.service';

@Module({
  imports: [EscalationModule],
  providers: [ReminderRepository, ReminderService, ProcedureContactsRepository, RungNoticeService],
  exports: [ReminderService, RungNoticeService],
})
export class NoticeModule {}
