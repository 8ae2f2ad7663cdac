import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PeriodicTask } from '@banjie/platform';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationService } from './escalation.service';

/** Every `ESCALATION_FOLLOW_UP_INTERVAL_MS`, escalates again (once) what nobody acknowledged within `ESCALATION_ACK_TIMEOUT_MS`. */
@Injectable()
export class EscalationFollowUpTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EscalationFollowUpTask.name);
  private readonly task: PeriodicTask;

  constructor(@Inject(DEADLINE_CONFIG) config: DeadlineConfig, escalations: EscalationService) {
    this.task = new PeriodicTask('escalation follow-up', config.escalations.followUpIntervalMs, async () => {
      const raised = await escalations.followUpUnacknowledged();
      if (raised > 0) this.logger.log(`${raised} unacknowledged escalations escalated again`);
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}
