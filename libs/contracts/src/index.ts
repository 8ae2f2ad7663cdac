export * from './enums';
export * from './events';
export * from './public/department-record';
