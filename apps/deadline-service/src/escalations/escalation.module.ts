import { Module } from '@nestjs/common';
import { EscalationFollowUpTask } from './escalation-follow-up.task';
import { EscalationController } from './escalation.controller';
import { EscalationRepository } from './escalation.repository';
import { EscalationService } from './escalation.service';

@Module({
  controllers: [EscalationController],
  providers: [EscalationRepository, EscalationService, EscalationFollowUpTask],
  exports: [EscalationService],
})
export class EscalationModule {}
