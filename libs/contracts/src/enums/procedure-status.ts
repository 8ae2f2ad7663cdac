/** Where one procedure of one project stands (the approval service's state machine). */
export const ProcedureStatus = {
  /** To do: planned, no application yet. */
  PLANNED: 'PLANNED',
  /**
   * The applicant has submitted; the department has not accepted yet. Its acceptance window runs
   * (受理时限, art. 32) unless a supplement before acceptance (一次性告知) waits for the applicant.
   */
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
  /** The system only: the acceptance window lapsed with no decision, so the law deems the application accepted (art. 32). */
  DEEM_ACCEPT: 'deem-accept',
  /** A period the law leaves out of the limit begins (art. 45: expert review, hearing …); the clock pauses. */
  BEGIN_EXCLUDED_PERIOD: 'begin-excluded-period',
  END_EXCLUDED_PERIOD: 'end-excluded-period',
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

/**
 * Periods the law lets a department leave out of its limit (Administrative Licensing Law art. 45):
 * hearings, tendering, auctions, testing, inspection, quarantine, expert review. The applicant is
 * told of each in writing; the typed reason is public, like a supplement's.
 */
export const ExcludedPeriodReason = {
  EXPERT_REVIEW: 'EXPERT_REVIEW',
  HEARING: 'HEARING',
  TENDERING: 'TENDERING',
  AUCTION: 'AUCTION',
  TESTING: 'TESTING',
  INSPECTION: 'INSPECTION',
  QUARANTINE: 'QUARANTINE',
} as const;
export type ExcludedPeriodReason = (typeof ExcludedPeriodReason)[keyof typeof ExcludedPeriodReason];
export const EXCLUDED_PERIOD_REASONS = Object.values(ExcludedPeriodReason);
