import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { ErrorCode, Role, loadConfig } from '@tiaojie/core';
import { TokenService } from './token.service';

const SECRET = 's'.repeat(40);
const service = () =>
  new TokenService(loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET, ACCESS_TOKEN_TTL: '60' }));
const actor = {
  id: '5f1c0e1e-8a4e-4c55-9a5e-3c3f1c0e1e8a',
  role: Role.BodyAdmin,
  orgId: '0b7c9d4e-1f2a-4b3c-8d5e-6f7a8b9c0d1e',
  name: '王主任',
};
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e: any) {
    return e.code;
  }
};
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('TokenService (HS256 access tokens)', () => {
  it('round-trips an actor, and its tokens are standard JWTs another library verifies', () => {
    const t = service().signAccess(actor);
    expect(service().verifyAccess(t)).toEqual(actor);
    const claims = jwt.verify(t, SECRET, { algorithms: ['HS256'], issuer: 'tiaojie' }) as any;
    expect(claims).toMatchObject({ sub: actor.id, role: actor.role, org: actor.orgId, name: actor.name });
    expect(claims.exp - claims.iat).toBe(60);
  });

  it('accepts tokens signed by jsonwebtoken with the same claims (tokens issued before the switch)', () => {
    const t = jwt.sign({ sub: actor.id, role: actor.role, org: actor.orgId, name: actor.name }, SECRET, {
      algorithm: 'HS256',
      expiresIn: 60,
      issuer: 'tiaojie',
    });
    expect(service().verifyAccess(t)).toEqual(actor);
  });

  it('refuses tampered, re-signed, unsigned, foreign-issuer, malformed and expired tokens', () => {
    const s = service();
    const t = s.signAccess(actor);
    const [h, p, sig] = t.split('.');
    const forged = b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: Role.DistrictAdmin });
    expect(code(() => s.verifyAccess(`${h}.${forged}.${sig}`))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(
      code(() =>
        s.verifyAccess(
          jwt.sign({ sub: actor.id }, 'another-secret-another-secret-123', { issuer: 'tiaojie' }),
        ),
      ),
    ).toBe(ErrorCode.UNAUTHENTICATED);
    expect(code(() => s.verifyAccess(`${b64({ alg: 'none', typ: 'JWT' })}.${p}.`))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    const other = `${h}.${b64({ sub: actor.id, iss: 'someone-else', exp: Date.now() / 1000 + 60 })}`;
    expect(
      code(() =>
        s.verifyAccess(`${other}.${createHmac('sha256', SECRET).update(other).digest('base64url')}`),
      ),
    ).toBe(ErrorCode.UNAUTHENTICATED);
    for (const bad of ['', 'a', 'a.b', 'a.b.c.d', `${h}.${p}`, `${h}.!!!.${sig}`, `${t}x`])
      expect(code(() => s.verifyAccess(bad))).toBe(ErrorCode.UNAUTHENTICATED);
    const old = `${h}.${b64({ sub: actor.id, role: actor.role, org: null, name: 'x', iss: 'tiaojie', iat: 1, exp: 2 })}`;
    expect(
      code(() => s.verifyAccess(`${old}.${createHmac('sha256', SECRET).update(old).digest('base64url')}`)),
    ).toBe(ErrorCode.TOKEN_EXPIRED);
  });
});

describe('TokenService verified-token cache', () => {
  it('answers a repeated token from the cache but still refuses it once expired', () => {
    const s = service();
    const t = s.signAccess(actor);
    expect(s.verifyAccess(t)).toEqual(actor);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 61_000;
      expect(code(() => s.verifyAccess(t))).toBe(ErrorCode.TOKEN_EXPIRED);
    } finally {
      Date.now = realNow;
    }
  });

  it("returns a copy, so a caller changing its actor cannot change the next request's", () => {
    const s = service();
    const t = s.signAccess(actor);
    (s.verifyAccess(t) as any).role = Role.DistrictAdmin;
    expect(s.verifyAccess(t).role).toBe(Role.BodyAdmin);
  });
});
