import type { ProcedureAction } from '@banjie/contracts';
import type { Actor, Page } from '@banjie/platform';
import { apiClient, type ServiceTarget } from './api-client';

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

/** The approval API as one caller sees it, for tests. */
export function approvalClient(target: ServiceTarget, actor: Actor) {
  const request = apiClient(target, actor);
  return {
    request,
    list: (query = '') => request<{ items: ProcedureBody[]; total: number }>('GET', `/procedures${query}`),
    get: (procedureId: string, query = '') =>
      request<ProcedureBody>('GET', `/procedures/${procedureId}${query}`),
    /** The first 200 entries of the trail (its first page at the ceiling). */
    audit: (procedureId: string) =>
      request<Page<Record<string, unknown>>>('GET', `/procedures/${procedureId}/audit?pageSize=200`),
    ofProject: (code: string) => request<Page<ProcedureBody>>('GET', `/projects/${code}/procedures`),
    /** The first 200 entries of the project's trail. */
    projectAudit: (code: string) =>
      request<Page<Record<string, unknown>>>('GET', `/projects/${code}/audit?pageSize=200`),
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
