export const Role = {
  ADMIN: 'admin',
  DISPATCH: 'dispatch',
  DEPARTMENT: 'department',
  HELPER: 'helper',
  SUPERVISOR: 'supervisor',
  ENTERPRISE: 'enterprise',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);
