import { Inject, Injectable } from '@nestjs/common';
import { ProcedureAction } from '@banjie/contracts';
import { checkExtensionDays, decide, mayAct, type ProcedureDecision } from '@banjie/domain';
import {
  DomainException,
  faultPoint,
  FaultPoints,
  fieldError,
  Transactions,
  type Actor,
  type Tx,
} from '@banjie/platform';
import { AuditRepository, type AuditEntry, type AuditLateEntry } from '../audit/audit.repository';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';
import { callerOf, fingerprintOf, replay, type StoredResponse } from '../idempotency/idempotency';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { ProjectDirectoryRepository } from '../projects/project-directory.repository';
import { SecurityEvent, SecurityLogRepository } from '../security/security-log.repository';
import {
  checkBackDatingGrace,
  lateEntryParty,
  lateEntryRefusal,
  recordedLateEntry,
  type LateEntry,
} from './back-dating';
import { applyAction, reasonOf, type ActionCommand } from './procedure-action';
import { appendActionEvent, internalFields } from './procedure-events';
import { publicProcedureFields } from './public-procedure-fields';
import { procedureView } from './procedure-view';
import { canSee, visibilityOf } from './procedure-visibility';
import type { ProcedureRecord } from './procedure.record';
import { procedureNotFound, ProcedureRepository } from './procedure.repository';

export interface ActionRequest {
  procedureId: string;
  command: ActionCommand;
  /** The request body as sent, for the idempotency fingerprint. */
  body: object;
  effectiveDate?: string;
  /** An admin recording an action older than the back-dating grace on behalf of its party. */
  lateEntry?: LateEntry;
  /** The sequence the caller read: in the body (stale → 409) or If-Match (stale → 412). */
  expected?: { source: 'body' | 'if-match'; sequence: number };
  idempotencyKey?: string;
  actor: Actor;
}

export interface ActionResponse {
  statusCode: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** The outcome of the transaction; refusals are committed (their audit or security-log row stays) and thrown afterwards. */
export type ActionOutcome =
  | { kind: 'applied'; response: ActionResponse }
  | { kind: 'replay'; stored: StoredResponse }
  | { kind: 'refused'; error: DomainException };

@Injectable()
export class ProcedureActionService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
    private readonly procedures: ProcedureRepository,
    private readonly projects: ProjectDirectoryRepository,
    private readonly audit: AuditRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly securityLog: SecurityLogRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /**
   * Performs one action on one procedure: the row is locked (concurrent actions queue and see each
   * other's result); a procedure the caller cannot see is absent (404, written to the security log,
   * not to its trail); then the caller's idempotency key is looked up (scoped to the caller and
   * the procedure), the permission checked (a refusal is audited), the state machine consulted,
   * and the change, its audit row, its event (outbox) and the idempotency record commit together.
   */
  async perform(request: ActionRequest, now: Date = new Date()): Promise<ActionResponse> {
    const outcome = await this.transactions.run(async (tx) =>
      this.performOnLocked(tx, await this.procedures.lockForChange(tx, request.procedureId), request, now),
    );
    switch (outcome.kind) {
      case 'refused':
        throw outcome.error;
      case 'replay':
        return replay(outcome.stored, fingerprintOfRequest(request));
      case 'applied':
        return outcome.response;
    }
  }

  /**
   * `perform` in the caller's transaction, on the procedure the caller has just locked
   * (`ProcedureRepository.lockForChange`): also how the system acts where the law acts without a
   * person (a deemed acceptance, from the lapse consumer's transaction). Refusals are returned.
   */
  async performOnLocked(
    tx: Tx,
    record: ProcedureRecord,
    request: ActionRequest,
    now: Date,
  ): Promise<ActionOutcome> {
    const { command, actor } = request;
    const project = await this.projects.scope(tx, record.projectCode);
    if (!canSee(visibilityOf(actor), { department: record.department, ...project })) {
      await this.securityLog.append(tx, {
        event: SecurityEvent.ACTION_ON_HIDDEN_PROCEDURE,
        procedureId: record.procedureId,
        action: command.action,
        actor,
      });
      return { kind: 'refused', error: procedureNotFound(request.procedureId) };
    }
    const caller = callerOf(actor);
    if (request.idempotencyKey !== undefined) {
      // Under the lock: a concurrent request with the same key has committed by now.
      const stored = await this.idempotency.find(tx, caller, record.procedureId, request.idempotencyKey);
      if (stored) return { kind: 'replay', stored };
    }
    let lateEntry: AuditLateEntry | null = null;
    const attempt = (outcome: AuditEntry['outcome'], extra: Partial<AuditEntry>): AuditEntry => ({
      procedureId: record.procedureId,
      projectCode: record.projectCode,
      action: command.action,
      outcome,
      actor,
      fromStatus: record.status,
      toStatus: null,
      reason: 'reason' in command ? command.reason : null,
      supplementReason: 'supplementReason' in command ? command.supplementReason : null,
      excludedReason: 'excludedReason' in command ? command.excludedReason : null,
      note: 'note' in command ? (command.note ?? null) : null,
      documentNumber: 'documentNumber' in command ? command.documentNumber : null,
      extensionDays: 'days' in command ? command.days : null,
      effectiveDate: request.effectiveDate ?? null,
      idempotencyKey: request.idempotencyKey ?? null,
      lateEntry,
      ...extra,
    });
    const refuse = async (error: DomainException, outcome: 'DENIED' | 'REJECTED'): Promise<ActionOutcome> => {
      await this.audit.append(
        tx,
        attempt(outcome, { refusalCode: error.code, refusalMessage: error.message }),
      );
      return { kind: 'refused', error };
    };

    // A late entry is checked against the party it is recorded for: the department, the owner, the assigned helper.
    let party: Actor = actor;
    if (request.lateEntry) {
      const refusal = lateEntryRefusal(actor);
      if (refusal) return refuse(refusal, 'DENIED');
      party = lateEntryParty(
        actor,
        request.lateEntry,
        command.action,
        record,
        project,
        request.effectiveDate,
      );
      lateEntry = recordedLateEntry(request.lateEntry, party);
    }
    const permission = mayAct(
      party,
      {
        department: record.department,
        projectEnterpriseId: project.ownerEnterpriseId,
        projectHelpers: project.helperLogins,
      },
      command.action,
    );
    if (!permission.allowed) {
      return refuse(
        new DomainException('forbidden', permission.reason, permission.message, {
          action: command.action,
          procedureId: record.procedureId,
        }),
        'DENIED',
      );
    }
    const stale = staleSequence(record, request.expected);
    if (stale) return refuse(stale, 'REJECTED');
    const decision = decide(record, command.action);
    if (!decision.ok) {
      return refuse(
        new DomainException('conflict', decision.reason, refusalMessage(decision, record, command), {
          status: record.status,
          allowed: decision.allowed,
        }),
        'REJECTED',
      );
    }
    const today = this.calendars.today(now);
    const calendar = await this.calendars.current(tx);
    const effectiveDate = checkedEffectiveDate(request.effectiveDate, record, today);
    if (!request.lateEntry)
      checkBackDatingGrace(effectiveDate, today, this.config.backdateGraceWorkingDays, calendar);
    if (command.action === ProcedureAction.EXTEND) {
      const extension = checkExtensionDays(command.days);
      if (!extension.ok) throw fieldError('days', extension.reason, 'EXTENSION_OUT_OF_RANGE');
    }

    const next = applyAction(record, decision, command, effectiveDate);
    await this.procedures.save(tx, next);
    const published = {
      ...publicProcedureFields(next, calendar),
      recordedOn: today,
      ...(lateEntry ? { lateEntry: true } : {}),
    };
    await appendActionEvent(tx, command, published, internalFields(actor, reasonOf(command), project), now);
    await this.audit.append(
      tx,
      attempt('APPLIED', { toStatus: next.status, sequence: next.sequence, effectiveDate }),
    );
    const body = procedureView(next, project, {
      asOf: today,
      dueSoonWorkingDays: this.config.dueSoonWorkingDays,
      acceptanceClosingSoonWorkingDays: this.config.acceptanceClosingSoonWorkingDays,
      calendar,
      actor,
    });
    const response: ActionResponse = { statusCode: 200, body, replayed: false };
    if (request.idempotencyKey !== undefined) {
      await this.idempotency.save(tx, {
        caller,
        key: request.idempotencyKey,
        procedureId: record.procedureId,
        action: command.action,
        fingerprint: fingerprintOfRequest(request),
        statusCode: 200,
        body,
      });
    }
    faultPoint(FaultPoints.BEFORE_COMMIT);
    return { kind: 'applied', response };
  }
}

/** What makes two requests with the same idempotency key the same request. */
function fingerprintOfRequest(request: ActionRequest): string {
  return fingerprintOf({
    procedureId: request.procedureId,
    action: request.command.action,
    body: request.body,
    ifMatch: request.expected?.source === 'if-match' ? request.expected.sequence : undefined,
  });
}

/** Why the state machine said no, in words the caller can act on. */
function refusalMessage(
  decision: Extract<ProcedureDecision, { ok: false }>,
  record: ProcedureRecord,
  command: ActionCommand,
): string {
  switch (decision.reason) {
    case 'EXTENSION_ALREADY_USED':
      return `the limit of application ${record.applicationNumber} has already been extended once`;
    case 'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED':
      return (
        `a supplement before acceptance was already requested for application ${record.applicationNumber} ` +
        `on ${record.preAcceptanceSupplement?.from}: what is missing is asked for once, completely (一次性告知); ` +
        (record.preAcceptanceSupplement?.to === null
          ? "the application waits for the applicant's resubmission"
          : 'accept or refuse the application')
      );
    case 'NOT_ALLOWED_FROM_STATUS':
      return `${command.action} is not allowed while the procedure is ${record.status}`;
  }
}

/** History may be recorded as it happened, but never in the future and never before the last change. */
function checkedEffectiveDate(requested: string | undefined, record: ProcedureRecord, today: string): string {
  const effectiveDate = requested ?? today;
  if (effectiveDate > today)
    throw fieldError(
      'effectiveDate',
      `${effectiveDate} is in the future (today is ${today}, Asia/Shanghai)`,
      'FUTURE_DATE',
    );
  if (effectiveDate < record.effectiveDate) {
    throw fieldError(
      'effectiveDate',
      `${effectiveDate} is before the procedure's last change (${record.effectiveDate})`,
      'DATE_BEFORE_HISTORY',
    );
  }
  return effectiveDate;
}

function staleSequence(record: ProcedureRecord, expected: ActionRequest['expected']): DomainException | null {
  if (!expected || expected.sequence === record.sequence) return null;
  return new DomainException(
    expected.source === 'if-match' ? 'precondition-failed' : 'conflict',
    'STALE_SEQUENCE',
    `procedure ${record.procedureId} is at sequence ${record.sequence}, not ${expected.sequence}: read it again`,
    { currentSequence: record.sequence, status: record.status },
  );
}
