/** Approving departments (审批部门), by the codes that tokens and APIs use. */
export const DepartmentCode = {
  DRC: 'DRC',
  NRB: 'NRB',
  EEB: 'EEB',
  EMB: 'EMB',
  WAB: 'WAB',
  HCB: 'HCB',
} as const;
export type DepartmentCode = (typeof DepartmentCode)[keyof typeof DepartmentCode];
export const DEPARTMENT_CODES = Object.values(DepartmentCode);
