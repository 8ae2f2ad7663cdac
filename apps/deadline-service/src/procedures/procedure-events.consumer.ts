import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { PROCEDURE_EVENTS, Topics, type InternalProcedureFields, type PublicProcedureFields } from '@banjie/contracts';
import { EventConsumer, handle } from '@banjie/platform';
import { ProcedureDeadlineClient } from '../temporal/procedure-deadline.client';
import { ProcedureProjectionRepository } from './procedure-projection.repository';
import type { ProcedureSnapshot } from './procedure-snapshot';

export const PROCEDURE_PROJECTION_CONSUMER = 'deadline.procedures';

/**
 * Keeps the deadline service's procedure projection from the approval events (every event, incl.
 * ProcedureOpened, carries the whole snapshot; older sequences are ignored) and drives each
 * accepted application's clock workflow. The projection commits even when Temporal cannot be
 * reached: the reconciler then brings the workflow in line, so an outage never dead-letters news.
 */
@Controller()
export class ProcedureEventsConsumer {
  private readonly logger = new Logger(ProcedureEventsConsumer.name);
  private readonly handlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition, (envelope, manager) => this.apply(envelope.type, envelope.payload, envelope.correlationId, manager)),
  );

  constructor(
    private readonly events: EventConsumer,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
  ) {}

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, PROCEDURE_PROJECTION_CONSUMER, this.handlers);
  }

  private async apply(
    type: string,
    payload: { public: PublicProcedureFields; internal: InternalProcedureFields },
    correlationId: string,
    manager: EntityManager,
  ): Promise<void> {
    const snapshot: ProcedureSnapshot = { ...payload.public, helpers: payload.internal.helpers };
    if (!(await this.projection.upsert(manager, snapshot))) return;
    try {
      if (await this.clocks.follow(snapshot, type, correlationId)) await this.projection.markClockSynced(manager, snapshot.procedureId, snapshot.sequence);
    } catch (error) {
      this.logger.warn(`${type} ${snapshot.procedureId}#${snapshot.sequence}: clock not updated now (${(error as Error).message}); the reconciler will`);
    }
  }
}
