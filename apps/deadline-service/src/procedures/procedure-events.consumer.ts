import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  PROCEDURE_EVENTS,
  ProcedureAcceptedV1,
  Topics,
  type InternalProcedureFields,
  type PublicProcedureFields,
} from '@banjie/contracts';
import { mapConcurrently } from '@banjie/domain';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { AcceptanceWindowClient } from '../acceptance/acceptance-window.client';
import {
  receivedMaterialsOf,
  type AcceptanceWindowRow,
  type WindowTold,
} from '../acceptance/acceptance-window-news';
import { DeemedAcceptanceNotice, isDeemedAcceptance } from '../acceptance/deemed-acceptance.notice';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { EscalationService } from '../escalations/escalation.service';
import { ProcedureDeadlineClient } from './procedure-deadline.client';
import { ProcedureProjectionRepository } from './procedure-projection.repository';
import type { ProjectedProcedure } from './procedure-projection';

export const PROCEDURE_PROJECTION_CONSUMER = 'deadline.procedures';

/**
 * Keeps the deadline service's procedure projection from the approval events (every event, incl.
 * ProcedureOpened, carries the whole snapshot; older sequences are ignored) and drives each
 * submitted application's acceptance window workflow and each accepted application's clock
 * workflow; a deemed acceptance is told to the supervisors. The projection commits even when
 * Temporal cannot be reached: the reconciler then brings the workflows in line, so an outage never
 * dead-letters news.
 */
interface ClockNews {
  type: string;
  snapshot: ProjectedProcedure;
  window: AcceptanceWindowRow;
  deemedAccepted: boolean;
  correlationId: string;
}

/** What one procedure's news was told to Temporal: the snapshots its clock heard, and what its windows heard last. */
interface Followed {
  clocks: ProjectedProcedure[];
  window: WindowTold | null;
}

@Controller()
export class ProcedureEventsConsumer {
  private readonly logger = new Logger(ProcedureEventsConsumer.name);
  private readonly handlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition, (envelope, tx) =>
      this.project(envelope.type, envelope.payload, envelope.occurredAt, envelope.correlationId, tx),
    ),
  );
  private readonly tellClocks = (news: (ClockNews | null)[], tx: Tx) => this.followAll(news, tx);

  constructor(
    private readonly events: EventConsumer,
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    private readonly windows: AcceptanceWindowClient,
    private readonly deemed: DeemedAcceptanceNotice,
    private readonly escalations: EscalationService,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PROCEDURE_PROJECTION_CONSUMER, this.handlers, this.tellClocks);
  }

  /**
   * Stores the snapshot, withdraws the escalations a completion recorded late shows were raised in
   * error, and tells the supervisors of a deemed acceptance; returns it as news for its clock and
   * its acceptance window unless an equal or newer one was stored already.
   */
  private async project(
    type: string,
    payload: { public: PublicProcedureFields; internal: InternalProcedureFields },
    occurredAt: string,
    correlationId: string,
    tx: Tx,
  ): Promise<ClockNews | null> {
    const snapshot: ProjectedProcedure = { ...payload.public, helpers: payload.internal.helpers };
    const materials = receivedMaterialsOf(payload.public, occurredAt);
    const stored = await this.projection.upsert(tx, snapshot, materials);
    if (stored === null) return null;
    await this.escalations.withdrawRaisedInError(tx, snapshot);
    const deemed =
      type === ProcedureAcceptedV1.type && isDeemedAcceptance(payload.public) ? payload.public : null;
    if (deemed !== null) await this.deemed.tell(deemed, correlationId);
    const window: AcceptanceWindowRow = {
      ...snapshot,
      receivedOn: materials.receivedOn,
      acceptanceWorkingDays: materials.acceptanceWorkingDays,
      ...stored,
    };
    return { type, snapshot, window, deemedAccepted: deemed !== null, correlationId };
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
    const followed = await mapConcurrently(
      [...byProcedure.values()],
      this.config.temporal.callsInFlight,
      (items) => this.followInOrder(items),
    );
    await this.projection.markClocksSynced(
      tx,
      followed.flatMap((f) => f.clocks),
    );
    await this.projection.markWindowsTold(
      tx,
      followed.flatMap((f) => (f.window ? [f.window] : [])),
    );
  }

  /** One procedure's news in order, its clock then its acceptance window; after a failure the rest is the reconciler's. */
  private async followInOrder(items: ClockNews[]): Promise<Followed> {
    const followed: Followed = { clocks: [], window: null };
    // The window left open before this batch; each item then moves it on.
    let openApplication = items[0]!.window.openApplication;
    for (const { type, snapshot, window, deemedAccepted, correlationId } of items) {
      try {
        if (await this.clocks.follow(snapshot, type, correlationId)) followed.clocks.push(snapshot);
        openApplication = await this.windows.follow(
          { ...window, openApplication },
          correlationId,
          deemedAccepted,
        );
        followed.window = { procedureId: snapshot.procedureId, sequence: snapshot.sequence, openApplication };
      } catch (error) {
        this.logger.warn(
          `${type} ${snapshot.procedureId}#${snapshot.sequence}: workflows not updated now (${(error as Error).message}); the reconciler will`,
        );
        return followed;
      }
    }
    return followed;
  }
}
