export const Role = {
  ADMIN: 'admin',
  DISPATCH: 'dispatch',
  DEPARTMENT: 'department',
  HELPER: 'helper',
  SUPERVISOR: 'supervisor',
  ENTERPRISE: 'enterprise',
  /**
   * Banjie itself, acting where the law acts without a person: a deemed acceptance (Administrative
   * Licensing Law art. 32). Never in a token.
   */
  SYSTEM: 'system',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
/** The roles a person holds, and a token may carry (not SYSTEM). */
export const ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.SYSTEM);
