import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { TokenError, createSigner, createVerifier } from 'fast-jwt';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode, Role, UserActor } from '@tiaojie/core';

interface AccessClaims {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
}

const ISSUER = 'tiaojie';
const VERIFIED_CACHE_SIZE = 20_000;
/** Longer than any JWT we sign; longer input is refused before it is hashed or decoded. */
const MAX_TOKEN_LENGTH = 4096;

const invalid = () => new DomainError(ErrorCode.UNAUTHENTICATED, '登录凭证无效，请重新登录');

/**
 * Access tokens: compact JWTs (RFC 7519), HS256 only (no "none", no key confusion with asymmetric algorithms),
 * through fast-jwt with the signer and verifier built once at boot and verified tokens cached (a client sends the
 * same token on every request; the cache honours each token's expiry).
 */
@Injectable()
export class TokenService {
  private readonly sign: (claims: AccessClaims) => string;
  private readonly verify: (token: string) => AccessClaims & { exp: number };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = config.jwtSecret;
    this.sign = createSigner({
      key,
      algorithm: 'HS256',
      iss: ISSUER,
      expiresIn: config.accessTokenTtlSeconds * 1000,
    });
    this.verify = createVerifier({
      key,
      algorithms: ['HS256'],
      allowedIss: ISSUER,
      requiredClaims: ['sub', 'exp', 'iss'],
      cache: VERIFIED_CACHE_SIZE,
    });
  }

  signAccess(actor: UserActor): string {
    return this.sign({ sub: actor.id, role: actor.role, org: actor.orgId, name: actor.name });
  }

  /** Verifies an access token; throws UNAUTHENTICATED / TOKEN_EXPIRED. */
  verifyAccess(token: string): UserActor {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalid();
    let c: AccessClaims;
    try {
      c = this.verify(token);
    } catch (err) {
      if ((err as TokenError).code === TokenError.codes.expired)
        throw new DomainError(ErrorCode.TOKEN_EXPIRED, '登录已过期，请刷新登录状态');
      throw invalid();
    }
    if (typeof c.sub !== 'string') throw invalid();
    return { id: c.sub, role: c.role, orgId: c.org, name: c.name };
  }

  newOpaqueToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(value: string): string {
    return createHash('sha256').update(value).digest('hex');
  }
}
