import { HttpClient, expectStatus } from './support/http-client';
import { APPLICATION, staff, uniqueRespondent } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** A retried application (after a timeout or a killed instance) with the same Idempotency-Key files one dispute. */
describe('idempotent intake (e2e)', () => {
  let t: TestApp;
  let party: HttpClient;
  beforeAll(async () => {
    t = await startTestApp();
    party = await new HttpClient(t.url).signInParty('13800000081', (p) => t.sms.lastCode(p));
  });
  afterAll(async () => {
    await t.close();
  });

  const mine = async () => (await party.get('/cases/mine')).body.map((c: any) => c.id as string);

  it("returns the first attempt's dispute for a repeated key, concurrent attempts included, and a new one for a new key", async () => {
    const body = { ...APPLICATION, respondents: [uniqueRespondent()] };
    const first = await party.request('POST', '/cases', body, { 'idempotency-key': 'retry-0001' });
    expectStatus(first, 201);
    const again = await party.request('POST', '/cases', body, { 'idempotency-key': 'retry-0001' });
    expectStatus(again, 201);
    expect(again.body.id).toBe(first.body.id);

    const racing = await Promise.all(
      [1, 2, 3].map(() => party.request('POST', '/cases', body, { 'idempotency-key': 'retry-0002' })),
    );
    for (const r of racing) expectStatus(r, 201);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(racing[0].body.id).not.toBe(first.body.id);

    const other = await party.request('POST', '/cases', body, { 'idempotency-key': 'retry-0003' });
    expect(other.body.id).not.toBe(first.body.id);
    const ids: string[] = await mine();
    expect(ids.filter((id) => [first.body.id, racing[0].body.id, other.body.id].includes(id)).length).toBe(3);
    expect(ids.length).toBe(3);
  });

  it("keeps keys per creator: another user's same key files their own dispute", async () => {
    const grid = await staff(t, 'grid1');
    const r = await grid.request(
      'POST',
      '/cases/register',
      {
        channel: 'grid',
        category: 'neighbour',
        description: '网格员上报：楼道堆物引发邻里争执。',
        streetCode: 'JS',
        parties: [
          { role: 'applicant', name: '王五', phone: '13800000083' },
          { role: 'respondent', ...uniqueRespondent('赵七') },
        ],
        assistance: { consent: true, method: 'verbal' },
      },
      { 'idempotency-key': 'retry-0001' },
    );
    expectStatus(r, 201);
    expect(await mine()).not.toContain(r.body.id);
  });

  it('refuses a malformed key with 400 and files nothing', async () => {
    const before = (await mine()).length;
    for (const key of ['has space', 'x'.repeat(101), 'a/b']) {
      const r = await party.request(
        'POST',
        '/cases',
        { ...APPLICATION, respondents: [uniqueRespondent()] },
        { 'idempotency-key': key },
      );
      expectStatus(r, 400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await mine()).length).toBe(before);
  });

  it('refuses a reused key with a different body (409 IDEMPOTENCY_KEY_REUSED) and files nothing new', async () => {
    const body = { ...APPLICATION, respondents: [uniqueRespondent()] };
    const first = await party.request('POST', '/cases', body, { 'idempotency-key': 'reuse-0001' });
    expectStatus(first, 201);
    const before = (await mine()).length;
    // the same body with its members in another order is the same request
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const same = await party.request('POST', '/cases', reordered, { 'idempotency-key': 'reuse-0001' });
    expectStatus(same, 201);
    expect(same.body.id).toBe(first.body.id);
    const changed = await party.request(
      'POST',
      '/cases',
      { ...body, description: `${body.description}（补充）` },
      { 'idempotency-key': 'reuse-0001' },
    );
    expectStatus(changed, 409);
    expect(changed.body.error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    expect((await mine()).length).toBe(before);
  });

  it('refuses a reused key with a different body on a staff registration too', async () => {
    const grid = await staff(t, 'grid1');
    const registration = (description: string) => ({
      channel: 'grid',
      category: 'neighbour',
      description,
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '孙八', phone: '13800000084' },
        { role: 'respondent', ...uniqueRespondent('周九') },
      ],
      assistance: { consent: true, method: 'verbal' },
    });
    const body = registration('网格员上报：楼上漏水引发邻里争执。');
    const first = await grid.request('POST', '/cases/register', body, { 'idempotency-key': 'reuse-0002' });
    expectStatus(first, 201);
    const again = await grid.request('POST', '/cases/register', body, { 'idempotency-key': 'reuse-0002' });
    expectStatus(again, 201);
    expect(again.body.id).toBe(first.body.id);
    const changed = await grid.request(
      'POST',
      '/cases/register',
      registration('网格员上报：楼道噪声引发邻里争执。'),
      { 'idempotency-key': 'reuse-0002' },
    );
    expectStatus(changed, 409);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
