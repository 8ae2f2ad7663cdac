// The single entry the workflow bundler loads: export every workflow function by name.
export { acceptanceWindowWorkflow } from './acceptance-window.workflow';
export { procedureDeadlineWorkflow } from './procedure-deadline.workflow';
export { projectStartWatchWorkflow } from './project-start-watch.workflow';
export { quarterTargetWorkflow } from './quarter-target.workflow';
