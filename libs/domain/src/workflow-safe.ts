// Everything in the domain library that is safe inside Temporal workflow code: pure functions and
// data, no chinese-days or tyme4ts. Workflows import it as '@banjie/domain/workflow-safe' and use a
// CalendarSnapshot (calendarFromSnapshot) instead of createChineseWorkingDayCalendar.
export * from './calendar/local-date';
export * from './calendar/date-bounds';
export * from './calendar/working-day-calendar';
export * from './calendar/calendar-override';
export * from './calendar/calendar-snapshot';
export * from './calendar/snapshot-calendar';
export * from './calendar/calendar-definition';
export * from './calendar/definition-calendar';
export * from './calendar/year-arrangement-validation';
export * from './calendar/calendar-horizon';
export * from './procedures/procedure-catalogue';
export * from './procedures/extension-rule';
export * from './procedures/procedure-lifecycle';
export * from './procedures/procedure-state-machine';
export * from './procedures/procedure-permissions';
export * from './procedures/procedure-clock';
export * from './procedures/acceptance-window';
export * from './procedures/procedure-timeline';
export * from './procedures/application-history';
export * from './projects/project-lifecycle';
export * from './portfolio/rates';
export * from './portfolio/quarter';
export * from './portfolio/forecast';
export * from './board/flags';
