// The services as processes (`@banjie/testing/stack`): for the launcher, the operations commands
// and the tests; light enough for a launcher (no test framework, no service code).
export * from './migrate-all';
export * from './restart-policy';
export * from './run-command';
export * from './service-command';
export * from './service-stack';
export * from './service-supervisor';
export * from './services';
