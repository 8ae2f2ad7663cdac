export * from './enums';
export * from './events';
