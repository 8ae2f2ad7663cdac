export * from './fuzz-cases';
export * from './fuzz-runner';
export * from './openapi-operations';
export * from './state-digest';
export * from './fuzz-tokens';
