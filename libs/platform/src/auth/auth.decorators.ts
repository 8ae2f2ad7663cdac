import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@banjie/contracts';
import type { Actor } from './actor';

export const IS_PUBLIC = 'banjie:public';
export const ROLES_ALLOWED = 'banjie:roles';

/** No token needed (health, metrics, docs, the public board). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler (on top of authentication). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_ALLOWED, roles);

/** The verified caller. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
