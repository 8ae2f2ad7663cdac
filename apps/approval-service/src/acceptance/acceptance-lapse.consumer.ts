import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AcceptanceWindowLapsedV1, Topics } from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext } from '@banjie/platform';
import { AcceptanceLapseService } from './acceptance-lapse.service';

export const ACCEPTANCE_LAPSE_CONSUMER = 'approval.acceptance-lapse';

/** Lapsed acceptance windows reported by the deadline service: each is deemed accepted if it still waits (art. 32). */
@Controller()
export class AcceptanceLapseConsumer {
  private readonly handlers = [
    handle(AcceptanceWindowLapsedV1, (envelope, tx) => this.lapses.apply(envelope, tx)),
  ];

  constructor(
    private readonly events: EventConsumer,
    private readonly lapses: AcceptanceLapseService,
  ) {}

  @EventPattern(Topics.DEADLINE_ACCEPTANCE)
  async onLapse(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, ACCEPTANCE_LAPSE_CONSUMER, this.handlers);
  }
}
