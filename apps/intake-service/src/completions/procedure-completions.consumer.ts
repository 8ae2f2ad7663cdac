import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { z } from 'zod';
import {
  PROCEDURE_EVENTS,
  Topics,
  type EventDefinition,
  type PublicProcedureFields,
} from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext } from '@banjie/platform';
import { ProcedureCompletionsRepository } from './procedure-completions.repository';

export const COMPLETIONS_CONSUMER = 'intake.procedure-completions';

/** What this consumer reads of every procedure event: the public snapshot. */
type SnapshotEvent = EventDefinition<string, z.ZodType<{ public: PublicProcedureFields }>>;

/** Follows every procedure event of the approval service (each carries the whole snapshot) into the completions the summary counts. */
@Controller()
export class ProcedureCompletionsConsumer {
  private readonly handlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition as SnapshotEvent, (envelope, tx) =>
      this.completions.record(tx, envelope.payload.public),
    ),
  );

  constructor(
    private readonly events: EventConsumer,
    private readonly completions: ProcedureCompletionsRepository,
  ) {}

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, COMPLETIONS_CONSUMER, this.handlers);
  }
}
