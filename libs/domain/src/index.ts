export * from './workflow-safe';
// Loads the chinese-days holiday data; not for workflow code (see workflow-safe.ts).
export * from './calendar/chinese-working-day-calendar';
// Loads tyme4ts (lunar dates, solar terms) for provisional years; not for workflow code either.
export * from './calendar/provisional-year';
// Small pure helpers the loaders, tools and tests share (they need no service platform).
export * from './concurrency/map-concurrently';
export * from './random/seeded-random';
