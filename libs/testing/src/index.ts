export * from './eventually';
export * from './service-harness';
export * from './test-infrastructure';
export * from './time-skipping';
export * from './time-skipping-suite';
export * from './simulated-clock';
export * from './fuzz';
export * from './event-recorder';
