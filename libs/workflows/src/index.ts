// The single entry the workflow bundler loads: export every workflow function by name.
export { projectStartWatchWorkflow } from './project-start-watch.workflow';
