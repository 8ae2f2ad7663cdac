import { Injectable, Logger } from '@nestjs/common';
import {
  ProcedureOpenedV1,
  ProcedureReplannedV1,
  ROLES,
  type EnvelopeOf,
  type ProcedurePlanChangedV1,
  type Role,
} from '@banjie/contracts';
import type { Tx } from '@banjie/platform';
import { AuditRepository } from '../audit/audit.repository';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { appendPlainEvent, internalFields } from '../procedures/procedure-events';
import { publicProcedureFields } from '../procedures/public-procedure-fields';
import { ProcedureRepository } from '../procedures/procedure.repository';
import { helperLogins, ProjectDirectoryRepository } from '../projects/project-directory.repository';
import { reconcilePlanItem } from './plan-reconciliation';

/** Intake records the plan's author as `<role>:<sub>` (its actorName); anything else counts as an admin's. */
export function planActor(actor: string): { sub: string; role: Role } {
  const separator = actor.indexOf(':');
  const role = actor.slice(0, separator);
  return separator > 0 && (ROLES as string[]).includes(role)
    ? { role: role as Role, sub: actor.slice(separator + 1) }
    : { role: 'admin', sub: actor };
}

@Injectable()
export class PlanSyncService {
  private readonly logger = new Logger(PlanSyncService.name);

  constructor(
    private readonly directory: ProjectDirectoryRepository,
    private readonly procedures: ProcedureRepository,
    private readonly audit: AuditRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /**
   * Applies a plan version to the project's procedures, in the consumer's transaction: created
   * ones publish ProcedureOpened, changed ones ProcedureReplanned. A version not newer than the
   * last one applied changes nothing (plans carry every item, so the newest one is enough).
   */
  async apply(
    envelope: EnvelopeOf<typeof ProcedurePlanChangedV1>,
    tx: Tx,
    now: Date = new Date(),
  ): Promise<void> {
    const { public: plan, internal } = envelope.payload;
    const project = await this.directory.upsertFromPlanAndLock(tx, {
      code: plan.projectCode,
      ownerEnterpriseId: internal.ownerEnterpriseId,
      helperLogins: helperLogins(internal.helpers),
    });
    if (plan.planVersion <= project.planVersion) {
      this.logger.log(
        `plan version ${plan.planVersion} of ${plan.projectCode} ignored: version ${project.planVersion} is already applied`,
      );
      return;
    }
    const existing = new Map(
      (await this.procedures.lockProjectProcedures(tx, plan.projectCode)).map((record) => [
        record.procedure,
        record,
      ]),
    );
    const calendar = await this.calendars.current(tx);
    const actor = planActor(internal.actor);
    const reason = internal.reason ?? null;
    for (const item of plan.items) {
      const before = existing.get(item.procedure);
      const outcome = reconcilePlanItem(before, item, {
        projectCode: plan.projectCode,
        planVersion: plan.planVersion,
        effectiveDate: plan.effectiveDate,
      });
      const { record } = outcome;
      await this.procedures.save(tx, record);
      const entry = {
        procedureId: record.procedureId,
        projectCode: record.projectCode,
        actor,
        fromStatus: before?.status ?? null,
        reason,
        note: `plan version ${plan.planVersion}`,
      };
      if (outcome.kind !== 'unchanged') {
        const definition = outcome.kind === 'opened' ? ProcedureOpenedV1 : ProcedureReplannedV1;
        await appendPlainEvent(
          tx,
          definition,
          publicProcedureFields(record, calendar),
          internalFields(actor, reason, project),
          now,
        );
        await this.audit.append(tx, {
          ...entry,
          action: outcome.kind === 'opened' ? 'open' : 'replan',
          outcome: 'APPLIED',
          toStatus: record.status,
          sequence: record.sequence,
          effectiveDate: record.effectiveDate,
          documentNumber: record.documentNumber,
        });
      }
      if (outcome.kind !== 'opened' && outcome.heldBack) {
        this.logger.warn(`${record.procedureId}: ${outcome.heldBack.message}`);
        await this.audit.append(tx, {
          ...entry,
          action: 'replan',
          outcome: 'REJECTED',
          toStatus: null,
          refusalCode: outcome.heldBack.code,
          refusalMessage: outcome.heldBack.message,
        });
      }
    }
    await this.directory.recordPlanVersion(tx, plan.projectCode, plan.planVersion);
  }
}
