import fc from 'fast-check';
import { createHmac } from 'node:crypto';

/** Authorization headers: the principal's own token, none, or a broken, expired or forged one. */

/** What the Authorization header carries: the principal's own token, or a broken / forged one. */
export type AuthKind =
  'own' | 'none' | 'garbage' | 'alg-none' | 'wrong-secret' | 'expired' | 'basic' | 'huge';

export function authArb(): fc.Arbitrary<AuthKind> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant<AuthKind>('own') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<AuthKind>(
        'none',
        'garbage',
        'alg-none',
        'wrong-secret',
        'expired',
        'basic',
        'huge',
      ),
    },
  );
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function hs256(payload: Record<string, unknown>, secret: string): string {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64(payload);
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

/** The Authorization header for a kind; `secret` is the test app's JWT secret (to forge an expired token). */
export function authHeader(kind: AuthKind, ownToken: string | null, secret: string): string | null {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: '00000000-0000-0000-0000-000000000001',
    role: 'district_admin',
    org: null,
    name: 'forged',
    iss: 'tiaojie',
  };
  switch (kind) {
    case 'own':
      return ownToken ? `Bearer ${ownToken}` : null;
    case 'none':
      return null;
    case 'garbage':
      return 'Bearer not.a.jwt';
    case 'alg-none':
      return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 600 })}.`;
    case 'wrong-secret':
      return `Bearer ${hs256({ ...claims, iat: now, exp: now + 600 }, 'not-the-secret-not-the-secret-not-the-secret')}`;
    case 'expired':
      return `Bearer ${hs256({ ...claims, iat: now - 7200, exp: now - 3600 }, secret)}`;
    case 'basic':
      return `Basic ${Buffer.from('admin:Tiaojie2026').toString('base64')}`;
    case 'huge':
      return `Bearer ${'a'.repeat(8000)}`;
  }
}
