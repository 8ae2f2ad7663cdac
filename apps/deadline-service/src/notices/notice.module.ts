import { Module } from '@nestjs/common';
import { EscalationModule } from '../escalations/escalation.module';
import { ReminderService } from './reminder.service';
import { RungNoticeService } from './rung-notice.service';

@Module({
  imports: [EscalationModule],
  providers: [ReminderService, RungNoticeService],
  exports: [ReminderService, RungNoticeService],
})
export class NoticeModule {}
