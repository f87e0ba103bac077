import { SetMetadata, applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Role, UserActor } from '@tiaojie/core';

export const PUBLIC_KEY = 'tiaojie:public';
export const ROLES_KEY = 'tiaojie:roles';
/** Marks public operations in the OpenAPI document; bootstrap turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

/** Route needs no access token. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));
/** Route is open only to these roles (relation checks happen in the domain). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in account (the auth guard has verified its token). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): UserActor => {
  return ctx.switchToHttp().getRequest().actor;
});
