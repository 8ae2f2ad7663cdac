import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  PROCEDURE_EVENTS,
  Topics,
  type InternalProcedureFields,
  type PublicProcedureFields,
} from '@banjie/contracts';
import { mapConcurrently } from '@banjie/domain';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationService } from '../escalations/escalation.service';
import { ProcedureDeadlineClient } from './procedure-deadline.client';
import { ProcedureProjectionRepository } from './procedure-projection.repository';
import type { ProjectedProcedure } from './procedure-projection';

export const PROCEDURE_PROJECTION_CONSUMER = 'deadline.procedures';

/**
 * Keeps the deadline service's procedure projection from the approval events (every event, incl.
 * ProcedureOpened, carries the whole snapshot; older sequences are ignored) and drives each
 * accepted application's clock workflow. The projection commits even when Temporal cannot be
 * reached: the reconciler then brings the workflow in line, so an outage never dead-letters news.
 */
interface ClockNews {
  type: string;
  snapshot: ProjectedProcedure;
  correlationId: string;
}

@Controller()
export class ProcedureEventsConsumer {
  private readonly logger = new Logger(ProcedureEventsConsumer.name);
  private readonly handlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition, (envelope, tx) =>
      this.project(envelope.type, envelope.payload, envelope.correlationId, tx),
    ),
  );
  private readonly tellClocks = (news: (ClockNews | null)[], tx: Tx) => this.followAll(news, tx);

  constructor(
    private readonly events: EventConsumer,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    private readonly escalations: EscalationService,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PROCEDURE_PROJECTION_CONSUMER, this.handlers, this.tellClocks);
  }

  /**
   * Stores the snapshot, and withdraws the escalations a completion recorded late shows were raised
   * in error; returns it as news for its clock unless an equal or newer one was stored already.
   */
  private async project(
    type: string,
    payload: { public: PublicProcedureFields; internal: InternalProcedureFields },
    correlationId: string,
    tx: Tx,
  ): Promise<ClockNews | null> {
    const snapshot: ProjectedProcedure = { ...payload.public, helpers: payload.internal.helpers };
    if (!(await this.projection.upsert(tx, snapshot))) return null;
    await this.escalations.withdrawRaisedInError(tx, snapshot);
    return { type, snapshot, correlationId };
  }

  /** Procedures in parallel (Temporal round trips dominate), each procedure's news in order; the projection then records what Temporal heard. */
  private async followAll(news: (ClockNews | null)[], tx: Tx): Promise<void> {
    const byProcedure = new Map<string, ClockNews[]>();
    for (const item of news) {
      if (!item) continue;
      const items = byProcedure.get(item.snapshot.procedureId);
      if (items) items.push(item);
      else byProcedure.set(item.snapshot.procedureId, [item]);
    }
    const synced = (
      await mapConcurrently([...byProcedure.values()], this.config.temporal.callsInFlight, (items) =>
        this.followInOrder(items),
      )
    ).flat();
    await this.projection.markClocksSynced(tx, synced);
  }

  private async followInOrder(items: ClockNews[]): Promise<ProjectedProcedure[]> {
    const synced: ProjectedProcedure[] = [];
    for (const { type, snapshot, correlationId } of items) {
      try {
        if (await this.clocks.follow(snapshot, type, correlationId)) synced.push(snapshot);
      } catch (error) {
        this.logger.warn(
          `${type} ${snapshot.procedureId}#${snapshot.sequence}: clock not updated now (${(error as Error).message}); the reconciler will`,
        );
        return synced;
      }
    }
    return synced;
  }
}
