/** Where one procedure of one project stands (the approval service's state machine). */
export const ProcedureStatus = {
  /** To do: planned, no application yet. */
  PLANNED: 'PLANNED',
  /** The applicant has submitted; the department has not accepted yet. */
  SUBMITTED: 'SUBMITTED',
  /** Accepted (受理): the committed working-day clock runs. */
  ACCEPTED: 'ACCEPTED',
  /** Supplement requested (补正): the clock is paused. */
  SUPPLEMENT_REQUESTED: 'SUPPLEMENT_REQUESTED',
  /** Completed (办结) with an approval document. */
  APPROVED: 'APPROVED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  /** Held before the list was drawn up (with its document number). */
  ALREADY_HELD: 'ALREADY_HELD',
} as const;
export type ProcedureStatus = (typeof ProcedureStatus)[keyof typeof ProcedureStatus];
export const PROCEDURE_STATUSES = Object.values(ProcedureStatus);

export const ProcedureAction = {
  SUBMIT: 'submit',
  ACCEPT: 'accept',
  REQUEST_SUPPLEMENT: 'request-supplement',
  RESUBMIT: 'resubmit',
  APPROVE: 'approve',
  REFUSE: 'refuse',
  EXTEND: 'extend',
  MARK_NOT_APPLICABLE: 'mark-not-applicable',
  MARK_ALREADY_HELD: 'mark-already-held',
  WITHDRAW: 'withdraw',
} as const;
export type ProcedureAction = (typeof ProcedureAction)[keyof typeof ProcedureAction];
export const PROCEDURE_ACTIONS = Object.values(ProcedureAction);

/** Typed reasons for a supplement request (补正). */
export const SupplementReason = {
  MISSING_DOCUMENT: 'MISSING_DOCUMENT',
  INCOMPLETE_FORM: 'INCOMPLETE_FORM',
  INCONSISTENT_DATA: 'INCONSISTENT_DATA',
  EXPERT_REVIEW_COMMENTS: 'EXPERT_REVIEW_COMMENTS',
  OTHER: 'OTHER',
} as const;
export type SupplementReason = (typeof SupplementReason)[keyof typeof SupplementReason];
