export * from './workflow-safe';
// Loads the chinese-days holiday data; not for workflow code (see workflow-safe.ts).
export * from './calendar/chinese-working-day-calendar';
