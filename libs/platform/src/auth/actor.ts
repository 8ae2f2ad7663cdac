import { DEPARTMENT_CODES, ROLES, type DepartmentCode, type Role } from '@banjie/contracts';
import { z } from 'zod';

/** Who is calling, as the verified token says. */
export interface Actor {
  sub: string;
  role: Role;
  department?: DepartmentCode;
  enterpriseId?: string;
}

/** The claims a Banjie token must carry; a department token names its department, an enterprise token its id. */
export const actorClaims = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(ROLES as [Role, ...Role[]]),
    department: z.enum(DEPARTMENT_CODES as [DepartmentCode, ...DepartmentCode[]]).optional(),
    enterpriseId: z.string().min(1).max(100).optional(),
  })
  .refine(
    (claims) => claims.role !== 'department' || claims.department !== undefined,
    'a department token must name its department',
  )
  .refine(
    (claims) => claims.role !== 'enterprise' || claims.enterpriseId !== undefined,
    'an enterprise token must name its enterprise',
  );
