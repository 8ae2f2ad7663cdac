// @banjie/portfolio: the 2023 key-project portfolio, its seeded first-quarter approval history, and
// the loaders that drive them through the services' HTTP APIs (README.md).
export * from './load-portfolio';
export * from './demo-dates';
export * from './data-set-marker';
export * from './seed';
export * from './approval-history';
export * from './history-replay';
export * from './intake-loader';
export * from './approval-player';
export * from './json-api';
export * from './token-signer';
