import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  EscalationRaisedV1,
  EscalationWithdrawalGround,
  EscalationWithdrawnV1,
  EscalationWithdrawnV2,
  type AtRiskProcedure,
  type DeadlineRecipient,
  type DepartmentCode,
} from '@banjie/contracts';
import {
  appendToOutbox,
  DomainException,
  type Actor,
  faultPoint,
  FaultPoints,
  Transactions,
  type Page,
  type PageQuery,
  type Tx,
} from '@banjie/platform';
import { shanghaiLocalDate, type LocalDate } from '@banjie/domain';
import { deadlineSubject, planRungs } from '@banjie/workflows';
import { DeadlineCalendar } from '../calendar/deadline-calendar';
import { DEADLINE_CONFIG, type DeadlineConfig } from '../config';
import { describeFollowUp } from './escalation-text';
import {
  completionDayOf,
  describeWithdrawal,
  withdrawalGround,
  type WithdrawalFacts,
  type WithdrawalGround,
} from './escalation-withdrawal';
import { EscalationRepository, type EscalationFilter, type EscalationRow } from './escalation.repository';

/** What an escalation says; with (subject, rung) as its ledger key. */
export interface EscalationRecord {
  subject: string;
  rung: string;
  projectCode: string;
  procedureId?: string;
  applicationNumber?: number;
  department?: string;
  dueDate?: string;
  /** The due date is provisional (暂定). */
  provisional?: boolean;
  recipients: DeadlineRecipient[];
  reason: string;
  atRisk?: AtRiskProcedure[];
  followUpOf?: string;
}

/** The suffix of the rung that follows up an escalation nobody acknowledged in time. */
export const UNACKNOWLEDGED_SUFFIX = ':UNACKNOWLEDGED';

@Injectable()
export class EscalationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly ledger: EscalationRepository,
    private readonly calendar: DeadlineCalendar,
    @Inject(DEADLINE_CONFIG) private readonly config: DeadlineConfig,
  ) {}

  /**
   * Raises an escalation once per (subject, rung): the ledger's unique key makes a retried
   * activity harmless. The row and its event commit together. Returns the new id, or null if it
   * had already been raised.
   */
  async raise(record: EscalationRecord, raisedAt: Date = new Date()): Promise<string | null> {
    return this.transactions.run(async (tx) => {
      const id = randomUUID();
      const inserted = await this.ledger.insertOnce(tx, {
        id,
        subject: record.subject,
        rung: record.rung,
        projectCode: record.projectCode,
        procedureId: record.procedureId ?? null,
        applicationNumber: record.applicationNumber ?? null,
        department: record.department ?? null,
        dueDate: record.dueDate ?? null,
        recipients: record.recipients,
        reason: record.reason,
        atRisk: record.atRisk ?? null,
        followUpOf: record.followUpOf ?? null,
        raisedAt,
      });
      if (!inserted) return null;
      const { department } = record;
      await appendToOutbox(
        tx,
        EscalationRaisedV1,
        record.projectCode === 'PORTFOLIO' ? record.subject : record.projectCode,
        {
          escalationId: id,
          subject: record.subject,
          rung: record.rung,
          projectCode: record.projectCode,
          reason: record.reason,
          raisedAt: raisedAt.toISOString(),
          recipients: record.recipients,
          ...(record.procedureId ? { procedureId: record.procedureId } : {}),
          ...(record.applicationNumber !== undefined ? { applicationNumber: record.applicationNumber } : {}),
          ...(department ? { department: department as DepartmentCode } : {}),
          ...(record.dueDate ? { dueDate: record.dueDate } : {}),
          ...(record.provisional !== undefined ? { provisional: record.provisional } : {}),
          ...(record.atRisk ? { atRisk: record.atRisk } : {}),
          ...(record.followUpOf ? { followUpOf: record.followUpOf } : {}),
        },
      );
      faultPoint(FaultPoints.BEFORE_COMMIT);
      return id;
    });
  }

  list(filter: EscalationFilter, query: PageQuery): Promise<Page<EscalationRow>> {
    return this.ledger.list(filter, query);
  }

  /** Records who acknowledged an escalation and when; a second acknowledgement is a conflict. */
  async acknowledge(id: string, actor: Actor, at: Date = new Date()): Promise<EscalationRow> {
    return this.transactions.run(async (tx) => {
      const escalation = await this.ledger.findForUpdate(tx, id);
      if (!escalation) throw new DomainException('not-found', 'ESCALATION_NOT_FOUND', `no escalation ${id}`);
      if (escalation.status === 'withdrawn') {
        throw new DomainException(
          'conflict',
          'ESCALATION_WITHDRAWN',
          `escalation ${id} was withdrawn at ${escalation.withdrawnAt?.toISOString()}: ${escalation.withdrawnReason}`,
          { withdrawnAt: escalation.withdrawnAt, withdrawnReason: escalation.withdrawnReason },
        );
      }
      if (escalation.status === 'acknowledged') {
        throw new DomainException(
          'conflict',
          'ALREADY_ACKNOWLEDGED',
          `escalation ${id} was already acknowledged by ${escalation.acknowledgedBy} at ${escalation.acknowledgedAt?.toISOString()}`,
          {
            acknowledgedBy: escalation.acknowledgedBy,
            acknowledgedAt: escalation.acknowledgedAt,
          },
        );
      }
      return this.ledger.markAcknowledged(tx, id, actor.sub, at);
    });
  }

  /**
   * In the caller's transaction (the projection of the procedure's news): withdraws the escalations
   * of the procedure's application that it turns out to have been raised in error for — completed in
   * time, or its due date since moved past their rung (`withdrawalGround`) — each with its
   * `EscalationWithdrawn` event (v1 for a completion in time, as before; v2 for a moved due date,
   * which v1 cannot say). Returns how many were withdrawn.
   */
  async withdrawRaisedInError(tx: Tx, procedure: WithdrawalFacts, at: Date = new Date()): Promise<number> {
    if (procedure.dueDate === null && completionDayOf(procedure) === null) return 0;
    const standing = await this.ledger.findStandingForUpdate(
      tx,
      deadlineSubject(procedure.procedureId, procedure.applicationNumber),
    );
    const today = shanghaiLocalDate(at);
    let withdrawn = 0;
    for (const escalation of standing) {
      const ground = withdrawalGround(escalation, procedure, today, this.rungDateBy);
      if (ground === null) continue;
      const reason = describeWithdrawal(escalation, ground);
      await this.ledger.markWithdrawn(tx, escalation.id, at, reason);
      await this.publishWithdrawal(tx, escalation, ground, reason, at);
      withdrawn += 1;
    }
    return withdrawn;
  }

  /** The day a procedure escalation's rung (or the follow-up of one) falls on by `dueDate`; null if not a ladder rung or the calendar does not cover it. */
  private readonly rungDateBy = (rung: string, dueDate: string): string | null => {
    const ladderRung = rung.endsWith(UNACKNOWLEDGED_SUFFIX)
      ? rung.slice(0, -UNACKNOWLEDGED_SUFFIX.length)
      : rung;
    try {
      return (
        planRungs(dueDate as LocalDate, this.calendar.calendar, this.config.ladder).find(
          (planned) => planned.rung === ladderRung,
        )?.date ?? null
      );
    } catch {
      return null;
    }
  };

  private async publishWithdrawal(
    tx: Tx,
    escalation: EscalationRow,
    ground: WithdrawalGround,
    reason: string,
    at: Date,
  ): Promise<void> {
    const common = {
      escalationId: escalation.id,
      subject: escalation.subject,
      rung: escalation.rung,
      projectCode: escalation.projectCode,
      ...(escalation.procedureId ? { procedureId: escalation.procedureId } : {}),
      ...(escalation.applicationNumber !== null ? { applicationNumber: escalation.applicationNumber } : {}),
      ...(escalation.department ? { department: escalation.department as DepartmentCode } : {}),
      ...(escalation.dueDate ? { dueDate: escalation.dueDate } : {}),
      withdrawnAt: at.toISOString(),
      reason,
      recipients: escalation.recipients,
    };
    if (ground.kind === 'COMPLETED_IN_TIME') {
      await appendToOutbox(tx, EscalationWithdrawnV1, escalation.projectCode, {
        ...common,
        completedOn: ground.completedOn,
      });
      return;
    }
    await appendToOutbox(tx, EscalationWithdrawnV2, escalation.projectCode, {
      ...common,
      ground: EscalationWithdrawalGround.DUE_DATE_MOVED,
      currentDueDate: ground.currentDueDate,
      rungDate: ground.rungDate,
      ...(ground.completedOn !== null ? { completedOn: ground.completedOn } : {}),
    });
  }

  /**
   * Escalates again, once, every escalation still open `ackTimeoutMs` after it was raised: the
   * follow-up (rung `<rung>:UNACKNOWLEDGED`) goes to the same people and to the project's leading
   * official. Follow-ups themselves are not followed up. Returns how many were raised.
   */
  async followUpUnacknowledged(now: Date = new Date()): Promise<number> {
    const overdue = await this.ledger.findUnacknowledged(
      new Date(now.getTime() - this.config.escalations.ackTimeoutMs),
    );
    let raised = 0;
    for (const escalation of overdue) {
      const official: DeadlineRecipient[] = escalation.leadingOfficial
        ? [{ kind: 'LEADING_OFFICIAL', id: escalation.leadingOfficial }]
        : [];
      const recipients = [
        ...escalation.recipients,
        ...official.filter((o) => !escalation.recipients.some((r) => r.kind === o.kind && r.id === o.id)),
      ];
      const id = await this.raise(
        {
          subject: escalation.subject,
          rung: `${escalation.rung}${UNACKNOWLEDGED_SUFFIX}`,
          projectCode: escalation.projectCode,
          ...(escalation.procedureId ? { procedureId: escalation.procedureId } : {}),
          ...(escalation.applicationNumber !== null
            ? { applicationNumber: escalation.applicationNumber }
            : {}),
          ...(escalation.department ? { department: escalation.department } : {}),
          ...(escalation.dueDate ? { dueDate: escalation.dueDate } : {}),
          recipients,
          reason: describeFollowUp(escalation, this.config.escalations.ackTimeoutMs),
          followUpOf: escalation.id,
        },
        now,
      );
      if (id) raised += 1;
    }
    return raised;
  }
}
