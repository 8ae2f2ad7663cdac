import type { INestApplication } from '@nestjs/common';
import { PROCEDURE_CODES, type ProcedureAction } from '@banjie/contracts';
import type { Actor } from '@banjie/platform';
import { freshDatabaseUrl, serviceEnvironment } from '@banjie/testing';
import { intakeClient } from '../../../intake-service/src/test/intake-api';
import { migrateApproval, startApprovalService } from '../approval-service';

export interface ActionOptions {
  idempotencyKey?: string;
  ifMatch?: string;
}

/** A procedure as the approval API returns it (the fields tests look at most). */
export interface ProcedureBody {
  procedureId: string;
  projectCode: string;
  procedure: string;
  department: string;
  status: string;
  sequence: number;
  dueDate: string | null;
  deadlineStatus: string;
  remainingWorkingDays: number | null;
  allowedActions: string[];
  permittedActions: string[];
  [field: string]: unknown;
}

/**
 * The approval API as one caller sees it, for tests (and for end-to-end tests that start several
 * services). The HTTP transport is the intake test client's, which is generic.
 */
export function approvalClient(app: INestApplication, actor: Actor) {
  const request = intakeClient(app, actor);
  return {
    request,
    list: (query = '') => request<{ items: ProcedureBody[]; total: number }>('GET', `/procedures${query}`),
    get: (procedureId: string, query = '') =>
      request<ProcedureBody>('GET', `/procedures/${procedureId}${query}`),
    audit: (procedureId: string) =>
      request<Record<string, unknown>[]>('GET', `/procedures/${procedureId}/audit`),
    ofProject: (code: string) => request<ProcedureBody[]>('GET', `/projects/${code}/procedures`),
    projectAudit: (code: string) => request<Record<string, unknown>[]>('GET', `/projects/${code}/audit`),
    act: (
      procedureId: string,
      action: ProcedureAction,
      body: Record<string, unknown> = {},
      options: ActionOptions = {},
    ) =>
      request<ProcedureBody & { allowed?: string[]; code?: string; message?: string | string[] }>(
        'POST',
        `/procedures/${procedureId}/${action}`,
        body,
        {
          ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
          ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
        },
      ),
  };
}
export type ApprovalClient = ReturnType<typeof approvalClient>;

/** A valid body for each action, so a test can call any action on any procedure. */
export const VALID_ACTION_BODIES: Record<ProcedureAction, Record<string, unknown>> = {
  submit: {},
  accept: {},
  'request-supplement': { supplementReason: 'MISSING_DOCUMENT', note: '缺少监测报告' },
  resubmit: {},
  approve: { documentNumber: '玉环审〔2023〕12号' },
  refuse: { reason: '选址不符合规划' },
  extend: { days: 5, reason: '需专家论证' },
  'mark-not-applicable': { reason: '项目不涉及' },
  'mark-already-held': { documentNumber: '玉发改备〔2021〕8号', reason: '此前已取得' },
  withdraw: { reason: '重新编制材料' },
};

/** A plan for intake's `PUT /projects/:code/plan`: every procedure REQUIRED with one target, except the ones given. */
export function planItems(targetDate: string, exceptions: Record<string, Record<string, unknown>> = {}) {
  return PROCEDURE_CODES.map(
    (procedure) => exceptions[procedure] ?? { procedure, applicability: 'REQUIRED', targetDate },
  );
}

/**
 * A fresh approval service on its own database (or on the one given, e.g. shared with an intake
 * service started by `startIsolatedIntake`). Calendar overrides are re-read on every use.
 */
export async function startIsolatedApproval(
  databaseUrl?: string,
): Promise<{ app: INestApplication; databaseUrl: string }> {
  const url = databaseUrl ?? (await freshDatabaseUrl('approval'));
  const env = { ...(await serviceEnvironment(url, 'APPROVAL_PORT')), APPROVAL_CALENDAR_REFRESH_MS: '0' };
  await migrateApproval(env);
  return { app: await startApprovalService(env), databaseUrl: url };
}
