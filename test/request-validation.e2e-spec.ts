import { HttpClient, HttpResult, expectStatus } from './support/http-client';
import { APPLICATION, staff, uniqueRespondent } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';
import { OpenApiDoc, fetchOpenApi, operations, resolveSchema } from './security/support/openapi';

const CHINESE = /[\u4e00-\u9fff]/;

function expectRefused(r: HttpResult, what: string) {
  if (r.status !== 400) throw new Error(`${what}: expected 400, got ${r.status} ${JSON.stringify(r.body)}`);
  expect(r.body.error.code).toBe('VALIDATION_FAILED');
  expect(r.body.error.message).toMatch(CHINESE);
}

/** Edge validation: empty updates, negative amounts and the OpenAPI document's headers. */
describe('request validation (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    doc = await fetchOpenApi(t.url);
    admin = await staff(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every body whose fields are all optional, sent empty, with 400 VALIDATION_FAILED in Chinese', async () => {
    const judge = await staff(t, 'judge1');
    const mediator = (await admin.get('/staff')).body.find((u: any) => u.username === 'js_mediator');
    const body = (await admin.get('/registry/bodies')).body.find((b: any) => b.code === 'PMC-JS');
    const room = await judge.post('/rooms/linkage', { title: '征收补偿争议会商', topic: '行政争议实质化解' });
    expectStatus(room, 201);
    // who may call each such operation, and on what; a new all-optional body must be added here
    const callers: Record<string, { as: HttpClient; path: string }> = {
      'PATCH /api/staff/{id}': { as: admin, path: `/staff/${mediator.id}` },
      'PATCH /api/registry/bodies/{id}': { as: admin, path: `/registry/bodies/${body.id}` },
      'POST /api/rooms/{id}/members': { as: judge, path: `/rooms/${room.body.id}/members` },
    };
    const allOptional = operations(doc)
      .filter((op) => ['POST', 'PUT', 'PATCH'].includes(op.method))
      .filter((op) => op.body?.contentTypes.includes('application/json'))
      .filter((op) => {
        const s = resolveSchema(doc, op.body!.schema ?? undefined);
        return !!s && Object.keys(s.properties ?? {}).length > 0 && (s.required ?? []).length === 0;
      })
      .map((op) => op.key)
      .sort();
    // actions whose only fields are optional remarks: an empty body is a complete request (see EmptyBodyAllowed)
    const emptyAllowed = ['POST /api/cases/{id}/sessions/{sessionId}/cancel'];
    expect(allOptional).toEqual([...Object.keys(callers), ...emptyAllowed].sort());
    for (const [key, c] of Object.entries(callers)) {
      const method = key.split(' ')[0];
      expectRefused(await c.as.request(method, c.path, {}), `${key} {}`);
    }
    // null is no value either (it would reach NOT NULL columns)
    expectRefused(
      await admin.request('PATCH', `/staff/${mediator.id}`, { displayName: null }),
      'PATCH staff displayName null',
    );
    expectRefused(
      await admin.request('PATCH', `/registry/bodies/${body.id}`, { capacity: null, active: true }),
      'PATCH body capacity null',
    );
    // a no-op invitation (nobody named) is refused too; the same bodies with a field go through
    expectRefused(
      await judge.post(`/rooms/${room.body.id}/members`, { userIds: [], role: 'member' }),
      'invite nobody',
    );
    expectStatus(await admin.request('PATCH', `/staff/${mediator.id}`, { displayName: '金沙调解员' }), 200);
    expectStatus(await admin.request('PATCH', `/registry/bodies/${body.id}`, { capacity: 40 }), 200);
  });

  it('refuses a negative claim amount with a Chinese message instead of storing 0', async () => {
    const party = await new HttpClient(t.url).signInParty('13800000001', (p) => t.sms.lastCode(p));
    const applied = await party.post('/cases', {
      ...APPLICATION,
      respondents: [uniqueRespondent()],
      claimAmount: -500,
    });
    expectRefused(applied, 'apply with −500');
    expect(applied.body.error.message).toContain('金额不能为负数');
    expect(applied.body.error.details.fields.map((f: any) => f.field)).toEqual(['claimAmount']);

    const grid = await staff(t, 'grid1');
    const registered = await grid.post('/cases/register', {
      channel: 'grid',
      category: 'neighbour',
      description: '楼上漏水',
      streetCode: 'JS',
      claimAmount: -0.01,
      parties: [
        { role: 'applicant', name: '周七' },
        { role: 'respondent', ...uniqueRespondent('吴八') },
      ],
    });
    expectRefused(registered, 'register with −0.01');
    expect(registered.body.error.message).toContain('金额不能为负数');

    const clerk = await staff(t, 'clerk1');
    const referral = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调901号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      claimAmount: -48000,
      referredOn: '2026-11-20',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '赵六', phone: '13800000011' },
        { role: 'respondent', name: '南通某贸易有限公司', partyType: 'organization', phone: '13800000012' },
      ],
    });
    expectRefused(referral, 'refer with −48000');
    expectRefused(
      await admin.post('/routing/dry-run', {
        category: 'contract',
        channel: 'online',
        streetCode: 'JS',
        claimAmount: -1,
      }),
      'dry run with −1',
    );
    // nothing was stored for any of them
    expect((await party.get('/cases/mine')).body).toEqual([]);
  });

  it('marks only the headers a request needs as required in the OpenAPI document', () => {
    const headers = operations(doc).flatMap((op) =>
      op.params
        .filter((p) => p.in === 'header')
        .map((p) => ({ op: op.key, name: p.name, required: p.required })),
    );
    // one entry per header and operation, whatever the spelling
    const seen = new Set<string>();
    for (const h of headers) {
      const id = `${h.op} ${h.name.toLowerCase()}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
    const required = headers.filter((h) => h.required).map((h) => `${h.op} ${h.name.toLowerCase()}`);
    expect(required.sort()).toEqual(
      [
        'POST /api/webhooks/{source} idempotency-key',
        'POST /api/webhooks/{source} x-tiaojie-signature',
        'POST /api/webhooks/{source} x-tiaojie-timestamp',
      ].sort(),
    );
    const optional = headers.filter((h) => !h.required).map((h) => `${h.op} ${h.name.toLowerCase()}`);
    expect(optional).toEqual(
      expect.arrayContaining(['POST /api/cases idempotency-key', 'POST /api/cases/register idempotency-key']),
    );
  });
});
