import { Module } from '@nestjs/common';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { EscalationFollowUpTask } from './escalation-follow-up.task';
import { EscalationController } from './escalation.controller';
import { EscalationRepository } from './escalation.repository';
import { EscalationService } from './escalation.service';

@Module({
  imports: [DeadlineCalendarModule],
  controllers: [EscalationController],
  providers: [EscalationRepository, EscalationService, EscalationFollowUpTask],
  exports: [EscalationService],
})
export class EscalationModule {}
