export * from './common-fields';
export * from './envelope';
export * from './project-registered.v1';
export * from './topics';
export * from './escalation-raised.v1';
export * from './procedure-plan-changed.v1';
export * from './project-lifecycle-changed.v1';
export * from './project-updated.v1';
