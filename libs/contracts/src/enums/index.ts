export * from './department-code';
export * from './procedure-code';
export * from './procedure-status';
export * from './project';
export * from './role';
export * from './plan';
