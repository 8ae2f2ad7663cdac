import { Module } from '@nestjs/common';
import { EscalationFollowUpTask } from './escalation-follow-up.task';
import { EscalationController } from './escalation.controller';
import { EscalationService } from './escalation.service';

@Module({
  controllers: [EscalationController],
  providers: [EscalationService, EscalationFollowUpTask],
  exports: [EscalationService],
})
export class EscalationModule {}
