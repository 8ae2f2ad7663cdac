// What clients (the deadline service) import: signals, queries and types, not the workflow bodies.
export { constructionBeganSignal, startWatchStatusQuery, watchClosedSignal } from './project-start-watch.workflow';
export type { ProjectStartWatchInput, ProjectStartWatchOutcome } from './project-start-watch.workflow';
export type { DeadlineActivities, EscalationRequest } from './activities';
export const WORKFLOW_TYPES = { projectStartWatch: 'projectStartWatchWorkflow' } as const;
