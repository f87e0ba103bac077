import { Inject, Injectable } from '@nestjs/common';
import {
  KeyObject,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { APP_CONFIG, AppConfig, Actor, DomainError, ErrorCode, Role } from '@tiaojie/core';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
  iat: number;
  exp: number;
  iss: string;
}

const ISSUER = 'tiaojie';
/** The only header this service signs or accepts: HS256 (no "none", no key confusion with asymmetric algorithms). */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const VERIFIED_CACHE_SIZE = 20_000;

const invalid = () => new DomainError(ErrorCode.UNAUTHENTICATED, '登录凭证无效，请重新登录');

/**
 * Access tokens: compact JWTs (RFC 7519) signed with HMAC-SHA256 under a key built once at boot. Written here
 * rather than through jsonwebtoken, which rebuilt a key object (first trying a public key) on every request and
 * cost a quarter of an authenticated request's CPU (see BENCHMARKS.md, "Read route").
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;
  /** Tokens already verified (a client sends the same one on every request): actor and expiry, bounded. */
  private readonly verified = new Map<string, { actor: Actor; exp: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  signAccess(actor: Actor): string {
    const iat = Math.floor(Date.now() / 1000);
    const claims: AccessClaims = {
      sub: actor.id!,
      role: actor.role,
      org: actor.orgId,
      name: actor.name,
      iat,
      exp: iat + this.config.accessTokenTtlSeconds,
      iss: ISSUER,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  /** Verifies an access token; throws UNAUTHENTICATED / TOKEN_EXPIRED. */
  verifyAccess(token: string): Actor {
    const hit = this.verified.get(token);
    if (hit) {
      if (Date.now() / 1000 >= hit.exp) {
        this.verified.delete(token);
        throw new DomainError(ErrorCode.TOKEN_EXPIRED, '登录已过期，请刷新登录');
      }
      return { ...hit.actor };
    }
    const dot1 = token.indexOf('.');
    const dot2 = token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) !== -1 || token.length > 4096) throw invalid();
    if (token.slice(0, dot1) !== HEADER) throw invalid();
    const given = Buffer.from(token.slice(dot2 + 1), 'base64url');
    const expected = this.mac(token.slice(0, dot2));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let c: AccessClaims;
    try {
      c = JSON.parse(Buffer.from(token.slice(dot1 + 1, dot2), 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (
      !c ||
      typeof c !== 'object' ||
      c.iss !== ISSUER ||
      typeof c.sub !== 'string' ||
      typeof c.exp !== 'number'
    )
      throw invalid();
    if (Date.now() / 1000 >= c.exp) throw new DomainError(ErrorCode.TOKEN_EXPIRED, '登录已过期，请刷新登录');
    const actor: Actor = { id: c.sub, role: c.role, orgId: c.org, name: c.name };
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { actor, exp: c.exp });
    return { ...actor };
  }

  newOpaqueToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.key).update(data).digest();
  }
}
