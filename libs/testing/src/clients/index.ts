export * from './api-client';
export * from './approval-client';
export * from './intake-fixtures';
