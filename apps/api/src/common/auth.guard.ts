import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '@tiaojie/auth';
import { DomainError, ErrorCode, Role } from '@tiaojie/core';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** Every route is authenticated unless marked @Public; @Roles narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    if (!header?.startsWith('Bearer ')) throw new DomainError(ErrorCode.UNAUTHENTICATED, '请先登录');
    req.actor = { ...this.auth.verifyAccess(header.slice(7)), ip: req.ip };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.actor.role)) throw DomainError.forbidden(`该功能不对您的角色开放`);
    return true;
  }
}
