/** The four services, each with the variable that holds its HTTP port. */
export const SERVICES = [
  { name: 'intake-service', portVariable: 'INTAKE_PORT' },
  { name: 'approval-service', portVariable: 'APPROVAL_PORT' },
  { name: 'notice-service', portVariable: 'NOTICE_PORT' },
  { name: 'deadline-service', portVariable: 'DEADLINE_PORT' },
] as const;
export type ServiceName = (typeof SERVICES)[number]['name'];
