/**
 * The activities workflows call. Only types live here: the deadline service implements them as
 * Nest providers, and workflow code imports this file with `import type`.
 */
export interface EscalationRequest {
  /** Ledger key: one escalation per subject and rung, however often an activity is retried. */
  subject: string;
  rung: string;
  projectCode: string;
  procedureId?: string;
  reason: string;
  correlationId: string;
}

export interface DeadlineActivities {
  /** Milliseconds from now until an instant (0 if past); time is read here, never in workflow code. */
  millisecondsUntil(instant: string): Promise<number>;
  raiseEscalation(request: EscalationRequest): Promise<void>;
}
