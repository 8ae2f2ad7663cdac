import { Injectable, Logger } from '@nestjs/common';
import { ProcedureAction, Role, type AcceptanceWindowLapsedV1, type EnvelopeOf } from '@banjie/contracts';
import type { Actor, Tx } from '@banjie/platform';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { ProcedureActionService } from '../procedures/procedure-action.service';
import { ProcedureRepository } from '../procedures/procedure.repository';
import { DEEMED_ACCEPTANCE_REASON, whyLapseDoesNotApply } from './acceptance-lapse';

/** Banjie itself, acting where the law acts without a person. */
export const SYSTEM_ACTOR: Actor = { sub: 'system', role: Role.SYSTEM };

/** Turns a lapsed acceptance window into a deemed acceptance (art. 32), through the same action path as a person's. */
@Injectable()
export class AcceptanceLapseService {
  private readonly logger = new Logger(AcceptanceLapseService.name);

  constructor(
    private readonly procedures: ProcedureRepository,
    private readonly actions: ProcedureActionService,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /**
   * In the consumer's transaction: locks the procedure (a racing manual decision waits, or wins
   * and makes this a no-op), checks the lapse still applies and deems the application accepted —
   * state machine, audit row by the system, ProcedureAccepted through the outbox. A lapse that no
   * longer applies is logged and changes nothing.
   */
  async apply(
    envelope: EnvelopeOf<typeof AcceptanceWindowLapsedV1>,
    tx: Tx,
    now: Date = new Date(),
  ): Promise<void> {
    const lapse = envelope.payload;
    const record = await this.procedures.lockIfExists(tx, lapse.procedureId);
    if (record === null) {
      this.logger.warn(`lapse of ${lapse.procedureId} ignored: no such procedure`);
      return;
    }
    const today = this.calendars.today(now);
    const reason = whyLapseDoesNotApply(record, lapse, today, await this.calendars.current(tx));
    if (reason !== null) {
      this.logger.log(
        `lapse of ${lapse.procedureId} application ${lapse.applicationNumber} (received ${lapse.receivedOn}) changes nothing: ${reason}`,
      );
      return;
    }
    const outcome = await this.actions.performOnLocked(
      tx,
      record,
      {
        procedureId: record.procedureId,
        command: { action: ProcedureAction.DEEM_ACCEPT, reason: DEEMED_ACCEPTANCE_REASON },
        body: {},
        actor: SYSTEM_ACTOR,
      },
      now,
    );
    if (outcome.kind === 'refused')
      this.logger.warn(`deemed acceptance of ${record.procedureId} refused: ${outcome.error.message}`);
    else
      this.logger.log(
        `${record.procedureId} application ${record.applicationNumber} deemed accepted (art. 32)`,
      );
  }
}
