export * from './common-fields';
export * from './envelope';
export * from './project-registered.v1';
export * from './topics';
export * from './escalation-raised.v1';
