import { HttpClient, expectStatus } from './support/http-client';
import { APPLICATION, appliedCase, staff } from './support/factories';
import { connect, emitAck } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

/** Bad input and unauthorised access: each is a 4xx with a stable code and a readable message, never a 500. */
describe('bad input and access control (e2e)', () => {
  let t: TestApp;
  let party: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ party, caseId } = await appliedCase(t));
  });
  afterAll(async () => {
    await t.close();
  });

  const expectError = (r: { status: number; body: any }, status: number, code: string) => {
    expectStatus(r, status);
    expect(r.body.error.code).toBe(code);
    expect(typeof r.body.error.message).toBe('string');
    expect(r.body.error.message.length).toBeGreaterThan(3);
    // people read the message: Chinese, without an English gloss beside it
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.body.error.message).not.toMatch(/\([A-Za-z][A-Za-z ,'-]*\)/);
  };

  it('tells people in Chinese only that a code or password is wrong', async () => {
    const anon = new HttpClient(t.url);
    const wrongPassword = await anon.post('/auth/staff/sign-in', {
      username: 'js_mediator',
      password: 'Wrong2026x',
    });
    expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expect(wrongPassword.body.error.message).toBe('用户名或密码错误');
    expectStatus(await anon.post('/auth/otp', { phone: '13900001111' }), 202);
    const wrongCode = await anon.post('/auth/party/sign-in', { phone: '13900001111', code: '000000' });
    expectError(wrongCode, 401, 'OTP_INVALID');
    expect(wrongCode.body.error.message).toBe('验证码错误或已过期');
    const missing = await party.get('/cases/00000000-0000-4000-8000-000000000000');
    expectError(missing, 404, 'NOT_FOUND');
    expect(missing.body.error.message).toBe('案件不存在或无权查看');
  });

  it('refuses unknown fields', async () => {
    const r = await party.post('/cases', { ...APPLICATION, isAdmin: true });
    expectError(r, 400, 'VALIDATION_FAILED');
    expect(r.body.error.details.fields.map((f: any) => f.field)).toContain('isAdmin');
  });

  it('refuses wrong types and says which field', async () => {
    const r = await party.post('/cases', { ...APPLICATION, claimAmount: 'lots', respondents: 'nobody' });
    expectError(r, 400, 'VALIDATION_FAILED');
    const fields = r.body.error.details.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['claimAmount', 'respondents']));
  });

  it('refuses missing fields and nested errors', async () => {
    const { description: _d, ...rest } = APPLICATION;
    const r = await party.post('/cases', { ...rest, respondents: [{ phone: '123' }] });
    expectError(r, 400, 'VALIDATION_FAILED');
    const fields = r.body.error.details.fields.map((f: any) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['description', 'respondents.0.name', 'respondents.0.phone']),
    );
  });

  it('refuses unknown categories, streets and bad ID numbers with domain messages', async () => {
    expectError(await party.post('/cases', { ...APPLICATION, category: 'alien' }), 400, 'VALIDATION_FAILED');
    expectError(await party.post('/cases', { ...APPLICATION, streetCode: 'NOPE' }), 400, 'VALIDATION_FAILED');
    expectError(
      await party.post('/cases', {
        ...APPLICATION,
        applicant: { name: '张三', idNumber: '320612199001011234' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    // the import rejects these (right check character, impossible birth date or region); online refuses them too
    for (const idNumber of ['320612199302308128', '320612189912318121', '012345199001011232']) {
      const r = await party.post('/cases', { ...APPLICATION, applicant: { name: '张三', idNumber } });
      expectError(r, 400, 'VALIDATION_FAILED');
      expect(r.body.error.message).toBe('身份证号码校验失败：张三');
    }
  });

  it('refuses unpaired surrogates in text (not stored as U+FFFD) and files nothing', async () => {
    const before = (await party.get('/cases/mine')).body.length;
    // JSON may carry "\ud800"; JSON.stringify writes a lone surrogate as that escape
    const r = await party.post('/cases', {
      ...APPLICATION,
      description: `邻居噪音\ud800扰民，多次沟通无果。`,
    });
    expectError(r, 400, 'VALIDATION_FAILED');
    expect(r.body.error.message).toContain('无效的 Unicode 字符');
    expectError(await party.post('/cases', { ...APPLICATION, ['x\udc00']: 1 }), 400, 'VALIDATION_FAILED');
    expect((await party.get('/cases/mine')).body.length).toBe(before);
    // a character outside the BMP (a surrogate pair) is text and is kept as sent
    const ok = await party.post('/cases', {
      ...APPLICATION,
      description: '𩸽店门口的噪音持续到深夜，多次沟通无果。',
    });
    expectStatus(ok, 201);
    expect((await party.get(`/cases/${ok.body.id}`)).body.description).toBe(
      '𩸽店门口的噪音持续到深夜，多次沟通无果。',
    );
  });

  it('answers malformed JSON and wrong content types with 4xx', async () => {
    const bad = await party.request('POST', '/cases', '{"category": ', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const text = await party.request('POST', '/cases', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
  });

  it('refuses missing, forged and expired tokens', async () => {
    const anon = new HttpClient(t.url);
    expectError(await anon.get('/cases/mine'), 401, 'UNAUTHENTICATED');
    anon.token = 'forged.token.value';
    expectError(await anon.get('/cases/mine'), 401, 'UNAUTHENTICATED');
    expectError(
      await anon.post('/auth/staff/sign-in', { username: 'admin', password: 'wrong-password' }),
      401,
      'INVALID_CREDENTIALS',
    );
    expectError(
      await anon.post('/auth/party/sign-in', { phone: '13800000001', code: '000000' }),
      401,
      'OTP_INVALID',
    );
  });

  it('guards routes by role', async () => {
    const grid = await staff(t, 'grid1');
    expectError(await grid.post('/cases', APPLICATION), 403, 'FORBIDDEN');
    expectError(await party.get('/cases/queue'), 403, 'FORBIDDEN');
    expectError(await party.post(`/cases/${caseId}/accept`, { version: 1 }), 403, 'FORBIDDEN');
  });

  it('hides cases from other parties and other organisations (404, no existence oracle)', async () => {
    const stranger = await new HttpClient(t.url).signInParty('13900000009', (p) => t.sms.lastCode(p));
    expectError(await stranger.get(`/cases/${caseId}`), 404, 'NOT_FOUND');
    expectError(await stranger.get(`/cases/${caseId}/status`), 404, 'NOT_FOUND');
    const otherBody = await staff(t, 'med_mediator');
    expectError(await otherBody.get(`/cases/${caseId}`), 404, 'NOT_FOUND');
    expectError(await otherBody.post(`/cases/${caseId}/accept`, { version: 2 }), 404, 'NOT_FOUND');
    expectError(await party.get('/cases/not-a-uuid'), 400, 'BAD_REQUEST');
  });

  it('answers an illegal transition with 409, the current state and the allowed actions', async () => {
    const admin = await staff(t, 'js_admin');
    const detail = (await admin.get(`/cases/${caseId}`)).body;
    const r = await admin.post(`/cases/${caseId}/transitions/close`, { version: detail.version });
    expectError(r, 409, 'ILLEGAL_TRANSITION');
    expect(r.body.error.details.currentStatus).toBe('routed');
    expect(r.body.error.details.allowedActions).toEqual(expect.arrayContaining(['accept', 'return']));
  });

  it('answers a stale version with 409 VERSION_CONFLICT and the current version', async () => {
    const admin = await staff(t, 'js_admin');
    const detail = (await admin.get(`/cases/${caseId}`)).body;
    const r = await admin.post(`/cases/${caseId}/accept`, { version: detail.version - 1 });
    expectError(r, 409, 'VERSION_CONFLICT');
    expect(r.body.error.details.version).toBe(detail.version);
  });

  it('requires reasons and known reason codes', async () => {
    const admin = await staff(t, 'js_admin');
    const detail = (await admin.get(`/cases/${caseId}`)).body;
    expectError(
      await admin.post(`/cases/${caseId}/return`, { version: detail.version, reasonCode: 'BORED' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await party.post(`/cases/${caseId}/transitions/withdraw`, { version: detail.version }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses bad socket handshakes and events with error codes', async () => {
    await expect(connect(t.url, 'nonsense')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const s = await connect(t.url, party.token!);
    try {
      expect(await emitAck(s, 'room:join', { roomId: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      expect(await emitAck(s, 'room:join', { roomId: '00000000-0000-0000-0000-000000000000' })).toMatchObject(
        { ok: false, error: { code: 'NOT_FOUND' } },
      );
      expect(await emitAck(s, 'case:watch', { disputeId: caseId })).toMatchObject({ ok: true });
      expect(
        await emitAck(s, 'message:send', {
          roomId: '00000000-0000-0000-0000-000000000000',
          clientMsgId: 'a',
          body: 42,
        }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    } finally {
      s.disconnect();
    }
  });
});
