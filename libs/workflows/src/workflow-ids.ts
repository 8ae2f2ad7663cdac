// Workflow ids: one workflow per procedure application (its clock, its acceptance window), per project's start watch, per quarter.
// Whoever starts, signals or inspects a workflow (the deadline service, the simulation, tests) uses these.

export const procedureDeadlineWorkflowId = (procedureId: string, applicationNumber: number): string =>
  `procedure-deadline:${procedureId}:${applicationNumber}`;

export const startWatchWorkflowId = (projectCode: string): string => `project-start-watch:${projectCode}`;

export const quarterTargetWorkflowId = (quarter: string): string => `quarter-target:${quarter}`;

export const acceptanceWindowWorkflowId = (procedureId: string, applicationNumber: number): string =>
  `acceptance-window:${procedureId}:${applicationNumber}`;
