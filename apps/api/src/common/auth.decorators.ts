import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor, Role } from '@tiaojie/core';

export const PUBLIC_KEY = 'tiaojie:public';
export const ROLES_KEY = 'tiaojie:roles';

/** Route needs no access token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Route is open only to these roles (relation checks happen in the domain). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});
