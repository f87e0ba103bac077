import { HttpClient } from '../support/http-client';
import { APPLICATION } from '../support/factories';
import { TestApp, startTestApp } from '../support/test-app';
import { DbSnapshotter, diffSnapshots } from './support/db-snapshot';
import { rawRequest } from './support/raw-http';

/**
 * The inputs the fuzzer (fuzz.e2e-spec.ts) found breaking the api, one deterministic test each, so a fix
 * stays fixed whatever the random draws: each must be a 4xx in the error contract, never a 5xx, and change
 * nothing in the database.
 */
describe('bad-input regressions found by fuzzing (e2e)', () => {
  let t: TestApp;
  let snap: DbSnapshotter;
  let party: HttpClient;
  let district: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    snap = new DbSnapshotter(t.db);
    party = await new HttpClient(t.url).signInParty('13800000001', (p) => t.sms.lastCode(p));
    district = await new HttpClient(t.url).signInStaff('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends, then checks: the status class, the error contract, and that nothing was written. */
  async function refused(
    method: string,
    path: string,
    body: string | null,
    token: string | null,
    headers: Record<string, string> = {},
  ) {
    const before = await snap.take();
    const res = await rawRequest(
      t.url,
      method,
      path,
      {
        ...(body !== null ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body,
    );
    const after = await snap.take();
    let parsed: any = null;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      /* reported below */
    }
    return {
      status: res.status,
      code: parsed?.error?.code as string | undefined,
      message: parsed?.error?.message as string | undefined,
      changed: diffSnapshots(before, after, new Set(['public.sign_in_attempts'])),
      text: res.text.slice(0, 300),
    };
  }
  const expectRefused = (r: Awaited<ReturnType<typeof refused>>, status = 400) => {
    expect({
      status: r.status,
      contract: typeof r.code === 'string' && typeof r.message === 'string',
      changed: r.changed,
    }).toEqual({ status, contract: true, changed: [] });
  };

  it('refuses a NUL character in a text field with 400 (PostgreSQL cannot store it)', async () => {
    expectRefused(
      await refused(
        'POST',
        '/api/auth/staff/sign-in',
        JSON.stringify({ username: 'a\u0000b', password: 'Tiaojie2026' }),
        null,
      ),
      400,
    );
    expectRefused(
      await refused(
        'POST',
        '/api/cases',
        JSON.stringify({ ...APPLICATION, description: '邻居装修噪音\u0000持续到深夜，多次沟通无果。' }),
        party.token,
      ),
    );
    expectRefused(
      await refused(
        'POST',
        '/api/cases',
        JSON.stringify({ ...APPLICATION, applicant: { name: '张\u0000三' } }),
        party.token,
      ),
    );
  });

  it("refuses a claim amount printed in exponent form with 400 (class-validator's decimal check threw on it)", async () => {
    // fuzz seed 677347061: -8e-323 reached IsNumber({ maxDecimalPlaces: 2 }), which read the decimals of "-8e-323"
    expectRefused(
      await refused(
        'POST',
        '/api/cases',
        JSON.stringify({ ...APPLICATION, claimAmount: -8e-323 }),
        party.token,
      ),
    );
    expectRefused(
      await refused('POST', '/api/cases', JSON.stringify({ ...APPLICATION, claimAmount: 5e-7 }), party.token),
    );
  });

  it('refuses a JSON body nested 10,000 deep with 400 (not a stack overflow)', async () => {
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    const deepObject = `{"refreshToken":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expectRefused(await refused('POST', '/api/auth/sign-out', deepArray, null));
    expectRefused(await refused('POST', '/api/auth/sign-out', deepObject, null));
    expectRefused(await refused('POST', '/api/cases', deepArray, party.token));
  });

  it('answers router-level refusals in the error contract', async () => {
    // not UTF-8 after percent-decoding, a bad escape, a path parameter over the router's length limit
    for (const path of ['/api/cases/%ED%A0%80', '/api/cases/%zz/status', `/api/cases/${'a'.repeat(300)}`]) {
      const r = await refused('GET', path, null, party.token);
      expect({
        path,
        clientError: r.status >= 400 && r.status < 500,
        code: r.code,
        hasMessage: typeof r.message === 'string',
      }).toEqual({ path, clientError: true, code: expect.any(String), hasMessage: true });
    }
    // a request line and headers over Node's 16 KiB limit
    const huge = await refused('GET', `/api/cases/queue?x=${'y'.repeat(17_000)}`, null, district.token);
    expect({ status: huge.status, code: huge.code }).toEqual({ status: 431, code: expect.any(String) });
  });

  it('answers 404 for conflicts of interest declared on someone who is not a mediator (no 500 from the foreign key)', async () => {
    expectRefused(
      await refused(
        'POST',
        '/api/registry/mediators/013731c5-c831-2164-b5e3-fa5b00000012/conflicts',
        JSON.stringify({ kind: 'employer', partyKey: '某公司' }),
        district.token,
      ),
      404,
    );
    const official = (await (await new HttpClient(t.url).signInStaff('official1')).get('/auth/me')).body.id;
    expectRefused(
      await refused(
        'POST',
        `/api/registry/mediators/${official}/conflicts`,
        JSON.stringify({ kind: 'employer', partyKey: '某公司' }),
        district.token,
      ),
      404,
    );
  });
});
