import { HttpClient, expectStatus } from './support/http-client';
import { appliedCase, staff } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** Authentication and account security: rotation, revocation, rate limits, password policy, audited reads. */
describe('authentication and accounts (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SIGN_IN_ATTEMPTS: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('rotates refresh tokens and revokes the whole family when a spent one is reused', async () => {
    const c = await staff(t, 'js_mediator');
    const first = c.refreshToken!;
    const rotated = await c.post('/auth/refresh', { refreshToken: first });
    expectStatus(rotated, 200);
    expect(rotated.body.refreshToken).not.toBe(first);
    const reuse = await c.post('/auth/refresh', { refreshToken: first });
    expectStatus(reuse, 401);
    // theft detection: the legitimately rotated token is now revoked too
    expectStatus(await c.post('/auth/refresh', { refreshToken: rotated.body.refreshToken }), 401);
  });

  it('revokes on sign-out', async () => {
    const c = await staff(t, 'js_mediator2');
    expectStatus(await c.post('/auth/sign-out', { refreshToken: c.refreshToken }), 204);
    expectStatus(await c.post('/auth/refresh', { refreshToken: c.refreshToken }), 401);
  });

  it('rate limits failed sign-ins per username', async () => {
    const anon = new HttpClient(t.url);
    for (let i = 0; i < 3; i++)
      expectStatus(
        await anon.post('/auth/staff/sign-in', { username: 'grid1', password: `wrong-${i}` }),
        401,
      );
    const limited = await anon.post('/auth/staff/sign-in', { username: 'grid1', password: 'Tiaojie2026' });
    expectStatus(limited, 429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // another user is not affected
    expectStatus(
      await anon.post('/auth/staff/sign-in', { username: 'hotline1', password: 'Tiaojie2026' }),
      200,
    );
  });

  it('rate limits one-time codes per phone', async () => {
    const anon = new HttpClient(t.url);
    const results: number[] = [];
    for (let i = 0; i < 6; i++) results.push((await anon.post('/auth/otp', { phone: '13700000001' })).status);
    expect(results.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(results[5]).toBe(429);
  });

  it('enforces the password policy and signs other sessions out on change', async () => {
    const c = await staff(t, 'official1');
    const other = await staff(t, 'official1');
    expectStatus(
      await c.post('/auth/password', { currentPassword: 'Tiaojie2026', newPassword: 'short1' }),
      400,
    );
    expectStatus(
      await c.post('/auth/password', { currentPassword: 'Tiaojie2026', newPassword: 'onlyletterslong' }),
      400,
    );
    expectStatus(
      await c.post('/auth/password', { currentPassword: 'wrong', newPassword: 'Mediation2026x' }),
      401,
    );
    expectStatus(
      await c.post('/auth/password', { currentPassword: 'Tiaojie2026', newPassword: 'Mediation2026x' }),
      204,
    );
    expectStatus(await other.post('/auth/refresh', { refreshToken: other.refreshToken }), 401);
    await new HttpClient(t.url).signInStaff('official1', 'Mediation2026x');
  });

  it('lets a body admin manage only its own mediators; deactivation signs them out', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const propAdmin = await staff(t, 'prop_admin');
    const me = (await jsAdmin.get('/auth/me')).body;
    const created = await jsAdmin.post('/staff', {
      username: 'js_new',
      displayName: '新调解员',
      role: 'mediator',
      orgId: me.orgId,
      password: 'Welcome2026ok',
      specialties: ['neighbour'],
    });
    expectStatus(created, 201);
    expectStatus(
      await jsAdmin.post('/staff', {
        username: 'js_weak',
        displayName: '弱密码',
        role: 'mediator',
        orgId: me.orgId,
        password: 'weak',
      }),
      400,
    );
    expectStatus(
      await jsAdmin.post('/staff', {
        username: 'js_boss',
        displayName: '越权',
        role: 'district_admin',
        orgId: me.orgId,
        password: 'Welcome2026ok',
      }),
      403,
    );
    expectStatus(await propAdmin.request('PATCH', `/staff/${created.body.id}`, { active: false }), 403);
    const newbie = await new HttpClient(t.url).signInStaff('js_new', 'Welcome2026ok');
    expectStatus(await jsAdmin.request('PATCH', `/staff/${created.body.id}`, { active: false }), 200);
    expectStatus(await newbie.post('/auth/refresh', { refreshToken: newbie.refreshToken }), 401);
    expectStatus(
      await new HttpClient(t.url).post('/auth/staff/sign-in', {
        username: 'js_new',
        password: 'Welcome2026ok',
      }),
      401,
    );
  });

  it('shows personal data masked, and audits every full read by staff', async () => {
    const { caseId } = await appliedCase(t, '13800000091', {
      applicant: { name: '陈一', idNumber: '320612199001011232' },
    });
    const jsAdmin = await staff(t, 'js_admin');
    const detail = (await jsAdmin.get(`/cases/${caseId}`)).body;
    const applicant = detail.parties.find((p: any) => p.role === 'applicant');
    expect(applicant.idNumber).toBe('3206**********1232');
    expect(applicant.phone).toBe('138****0091');
    const full = await jsAdmin.get(`/cases/${caseId}/parties/${applicant.id}/personal-data`);
    expectStatus(full, 200);
    expect(full.body.idNumber).toBe('320612199001011232');
    const audit = await t.db.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.entityId, applicant.id),
    });
    expect(audit.map((a) => a.action)).toContain('pii.read');
    const otherBody = await staff(t, 'med_mediator');
    expectStatus(await otherBody.get(`/cases/${caseId}/parties/${applicant.id}/personal-data`), 404);
  });
});

describe('production mode', () => {
  it('refuses demo accounts', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      const r = await new HttpClient(t.url).post('/auth/staff/sign-in', {
        username: 'admin',
        password: 'Tiaojie2026',
      });
      expectStatus(r, 403);
      expect(r.body.error.code).toBe('DEMO_DISABLED');
      // recorded as a refused attempt (it counts toward the sign-in limit), never as a successful sign-in
      const attempts = await t.db.db.query.signInAttempts.findMany({
        where: (a, { eq }) => eq(a.username, 'admin'),
      });
      expect(attempts.map((a) => a.ok)).toEqual([false]);
    } finally {
      await t.close();
    }
  });
});
