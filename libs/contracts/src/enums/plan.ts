/** Whether a procedure of the catalogue is to be done for a project. */
export const Applicability = {
  REQUIRED: 'REQUIRED',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  ALREADY_HELD: 'ALREADY_HELD',
} as const;
export type Applicability = (typeof Applicability)[keyof typeof Applicability];
