import type { INestApplication } from '@nestjs/common';
import type { ProcedureAction } from '@banjie/contracts';
import { freshDatabaseUrl, serviceEnvironment } from '@banjie/testing';
import { migrateApproval, startApprovalService } from '../approval-service';

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
  // The system's alone; no endpoint.
  'deem-accept': {},
  'begin-excluded-period': { excludedReason: 'EXPERT_REVIEW' },
  'end-excluded-period': {},
};

/**
 * A fresh approval service on its own database (or on the one given, e.g. shared with other
 * services of the test). Calendar overrides are re-read on every use.
 */
export async function startIsolatedApproval(
  databaseUrl?: string,
): Promise<{ app: INestApplication; databaseUrl: string }> {
  const url = databaseUrl ?? (await freshDatabaseUrl('approval'));
  const env = { ...(await serviceEnvironment(url, 'APPROVAL_PORT')), APPROVAL_CALENDAR_REFRESH_MS: '0' };
  await migrateApproval(env);
  return { app: await startApprovalService(env), databaseUrl: url };
}
