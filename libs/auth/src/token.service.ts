import { Inject, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, Actor, DomainError, ErrorCode, Role } from '@tiaojie/core';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
}

@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  signAccess(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.id!, role: actor.role, org: actor.orgId, name: actor.name };
    return jwt.sign(claims, this.config.jwtSecret, { algorithm: 'HS256', expiresIn: this.config.accessTokenTtlSeconds, issuer: 'tiaojie' });
  }

  /** Verifies an access token; throws UNAUTHENTICATED / TOKEN_EXPIRED. */
  verifyAccess(token: string): Actor {
    try {
      const c = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'tiaojie' }) as unknown as AccessClaims;
      return { id: c.sub, role: c.role, orgId: c.org, name: c.name };
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) throw new DomainError(ErrorCode.TOKEN_EXPIRED, 'Access token expired; refresh it');
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid access token');
    }
  }

  newOpaqueToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }
}
