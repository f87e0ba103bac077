import { expectStatus } from '../../support/http-client';
import { freshPhone } from '../support/world';
import { ANY, AuthzRow, ORG, ADMINS, every, perTarget, unique } from './shared';

/** System (public), authentication and staff administration rows of the authorisation table. */
export const SYSTEM_ACCOUNT_ROWS: readonly AuthzRow[] = [
  // —— system (public) ——
  {
    op: 'GET /api/health',
    resource: 'system',
    action: 'health',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
  },
  {
    op: 'GET /api/lifecycle',
    resource: 'system',
    action: 'lifecycle',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
  },
  {
    op: 'GET /api/directory',
    resource: 'system',
    action: 'directory',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
  },

  // —— authentication (public, or the caller's own account) ——
  {
    op: 'POST /api/auth/staff/sign-in',
    resource: 'session',
    action: 'sign-in',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
    call: (w) => ({ body: { username: w.spareLogin.username, password: w.spareLogin.password } }),
  },
  {
    op: 'POST /api/auth/otp',
    resource: 'session',
    action: 'request-code',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 202,
    call: () => ({ body: { phone: freshPhone('1377') } }),
  },
  {
    op: 'POST /api/auth/party/sign-in',
    resource: 'session',
    action: 'party-sign-in',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
    call: async (w) => {
      const phone = freshPhone('1378');
      expectStatus(await w.clients.anonymous.post('/auth/otp', { phone }), 202);
      return { body: { phone, code: w.t.sms.lastCode(phone) } };
    },
  },
  {
    op: 'POST /api/auth/refresh',
    resource: 'session',
    action: 'refresh',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 200,
    call: async (w) => ({
      body: {
        refreshToken: (
          await w.clients.anonymous.post('/auth/staff/sign-in', {
            username: w.spareLogin.username,
            password: w.spareLogin.password,
          })
        ).body.refreshToken,
      },
    }),
  },
  {
    op: 'POST /api/auth/sign-out',
    resource: 'session',
    action: 'sign-out',
    target: null,
    public: true,
    allow: every(ANY),
    ok: 204,
    call: async (w) => ({
      body: {
        refreshToken: (
          await w.clients.anonymous.post('/auth/staff/sign-in', {
            username: w.spareLogin.username,
            password: w.spareLogin.password,
          })
        ).body.refreshToken,
      },
    }),
  },
  // a wrong current password: the signed-in caller reaches the check (INVALID_CREDENTIALS), nobody's password changes
  {
    op: 'POST /api/auth/password',
    resource: 'account',
    action: 'change-password',
    target: null,
    allow: every(ANY),
    ok: [401, 'INVALID_CREDENTIALS'],
    call: () => ({ body: { currentPassword: 'not-my-password-1', newPassword: 'Changed2026pass' } }),
  },
  { op: 'GET /api/auth/me', resource: 'account', action: 'read', target: null, allow: every(ANY), ok: 200 },

  // —— staff administration ——
  { op: 'GET /api/staff', resource: 'staff', action: 'list', target: null, allow: ADMINS, ok: 200 },
  // asking for another body's staff: a body admin still gets only their own (the secret scan checks)
  {
    op: 'GET /api/staff',
    resource: 'staff',
    action: 'list-other-body',
    target: null,
    allow: ADMINS,
    ok: 200,
    call: (w) => ({ query: `?orgId=${w.orgs.B}` }),
  },
  ...perTarget(['orgA', 'orgB'], (t) => ({
    op: 'POST /api/staff',
    resource: 'staff',
    action: 'create',
    allow: { district_admin: ANY, body_admin: ORG },
    ok: 201,
    call: (w) => ({
      body: {
        username: unique('authz_new_'),
        displayName: '新调解员',
        role: 'mediator',
        orgId: t === 'orgA' ? w.orgs.A : w.orgs.B,
        password: 'Welcome2026ok',
        specialties: ['neighbour'],
      },
    }),
  })),
  {
    op: 'PATCH /api/staff/{id}',
    resource: 'staff',
    action: 'update',
    target: 'staffMemberA',
    allow: { district_admin: ANY, body_admin: ORG },
    ok: 200,
    call: () => ({ body: { displayName: '甲组织调解员' } }),
  },
];
