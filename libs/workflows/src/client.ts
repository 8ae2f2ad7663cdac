// What clients (the deadline service) import: signals, queries and types, not the workflow bodies.
export {
  constructionBeganSignal,
  startWatchStatusQuery,
  watchClosedSignal,
} from './project-start-watch.workflow';
export type { ProjectStartWatchInput, ProjectStartWatchOutcome } from './project-start-watch.workflow';
export {
  calendarChangedSignal,
  clockPausedSignal,
  clockResumedSignal,
  clockSyncedSignal,
  deadlineSubject,
  limitExtendedSignal,
  procedureDeadlineQuery,
  procedureEndedSignal,
} from './procedure-deadline.workflow';
export type {
  ClockFacts,
  ClockUpdate,
  ProcedureDeadlineInput,
  ProcedureDeadlineResult,
  ProcedureDeadlineView,
  ProcedureEnd,
  ProcedureEndOutcome,
} from './procedure-deadline.workflow';
export {
  acceptanceDecidedSignal,
  acceptanceSubject,
  acceptanceWindowChangedSignal,
  acceptanceWindowQuery,
} from './acceptance-window.workflow';
export type {
  AcceptanceDecision,
  AcceptanceOutcome,
  AcceptanceReminders,
  AcceptanceWindowFacts,
  AcceptanceWindowInput,
  AcceptanceWindowResult,
  AcceptanceWindowState,
  AcceptanceWindowView,
} from './acceptance-window.workflow';
export { quarterTargetQuery } from './quarter-target.workflow';
export type {
  CheckpointSummary,
  QuarterTargetInput,
  QuarterTargetResult,
  QuarterTargetView,
} from './quarter-target.workflow';
export { planRungs, validateLadder, type DeadlineLadder, type PlannedRung } from './deadline-ladder';
export { shanghaiInstant } from './shanghai-time';
export type {
  AcceptanceLapse,
  CompletionTallyView,
  DeadlineActivities,
  EscalationRequest,
  QuarterReading,
  QuarterReadingRequest,
  RungAudience,
  RungKind,
  RungNotice,
} from './activities';
export const WORKFLOW_TYPES = {
  projectStartWatch: 'projectStartWatchWorkflow',
  procedureDeadline: 'procedureDeadlineWorkflow',
  quarterTarget: 'quarterTargetWorkflow',
  acceptanceWindow: 'acceptanceWindowWorkflow',
} as const;
export * from './workflow-ids';
export { readQuarter, type ProcedureForTarget } from './quarter-reading';
