/** Kafka topics, `<domain>.<entity>.v<major>`. Dead letters go to `<topic>.dlq`. */
export const Topics = {
  INTAKE_PROJECT: 'intake.project.v1',
  INTAKE_PROCEDURE_PLAN: 'intake.procedure-plan.v1',
  APPROVAL_PROCEDURE: 'approval.procedure.v1',
  DEADLINE_ESCALATION: 'deadline.escalation.v1',
  DEADLINE_REMINDER: 'deadline.reminder.v1',
  DEADLINE_QUARTER_TARGET: 'deadline.quarter-target.v1',
  PUBLIC_FLAG_BOARD: 'public.flag-board.v1',
  /** The working-day calendar, every version (one partition: one key, one order). */
  CALENDAR: 'calendar.v1',
  DEADLINE_DUE_DATE: 'deadline.due-date.v1',
  /** Lapsed acceptance windows, for the approval service to deem accepted (art. 32). */
  DEADLINE_ACCEPTANCE: 'deadline.acceptance.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Every topic with its partition count; services create missing ones at boot. */
export const ALL_TOPICS: readonly { name: Topic; partitions: number }[] = [
  { name: Topics.INTAKE_PROJECT, partitions: 6 },
  { name: Topics.INTAKE_PROCEDURE_PLAN, partitions: 6 },
  { name: Topics.APPROVAL_PROCEDURE, partitions: 6 },
  { name: Topics.DEADLINE_ESCALATION, partitions: 3 },
  { name: Topics.DEADLINE_REMINDER, partitions: 3 },
  { name: Topics.DEADLINE_QUARTER_TARGET, partitions: 1 },
  { name: Topics.PUBLIC_FLAG_BOARD, partitions: 3 },
  { name: Topics.CALENDAR, partitions: 1 },
  { name: Topics.DEADLINE_DUE_DATE, partitions: 3 },
  { name: Topics.DEADLINE_ACCEPTANCE, partitions: 3 },
];
