import { and, eq } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { staff, uniqueRespondent } from './support/factories';
import { HttpClient, expectStatus } from './support/http-client';
import { TestApp, startTestApp } from './support/test-app';

/**
 * "One dispute, five cases": the same dispute registered live through five channels is one case with five
 * intake records; a different dispute of the same parties stays separate; a probable repeat waits in the district's
 * duplicate review; authorisation is unchanged.
 */
describe('live registration merges repeats of an open dispute (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;
  const wang = uniqueRespondent('王五');
  const zhao = uniqueRespondent('赵六');
  const dispute = (channel: string, extra: Record<string, unknown> = {}) => ({
    channel,
    category: 'neighbour',
    description: '王五家装修拆墙导致赵六家墙体开裂，双方多次争吵。',
    streetCode: 'JS',
    address: '金沙街道人民路12号',
    parties: [
      { role: 'applicant', ...wang },
      { role: 'respondent', ...zhao },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await staff(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  let caseId: string;
  let number: string;

  it('registers the same dispute by window, petition, grid, 12345 and enterprise as one case with five intake records', async () => {
    const windowed = await (await staff(t, 'js_admin')).post('/cases/register', dispute('window'));
    expectStatus(windowed, 201);
    expect(windowed.body.intake.outcome).toBe('created');
    caseId = windowed.body.id;
    number = windowed.body.number;
    const registrations: [string, string, Record<string, unknown>][] = [
      ['admin', 'petition', { sourceId: '信访2026-0088' }],
      ['grid1', 'grid', { sourceId: 'WG20261207001' }],
      ['hotline1', 'hotline_12345', { sourceId: 'SW2026120700017', source: '本市级', replyDays: 3 }],
      ['js_mediator', 'enterprise', {}],
    ];
    for (const [username, channel, extra] of registrations) {
      const r = await (await staff(t, username)).post('/cases/register', dispute(channel, extra));
      expectStatus(r, 201);
      expect(r.body).toMatchObject({ id: caseId, number, intake: { outcome: 'merged' } });
    }
    expect(
      (await t.db.db.select().from(schema.disputes)).filter((d) => d.description.includes('拆墙')),
    ).toHaveLength(1);

    const detail = (await admin.get(`/cases/${caseId}`)).body;
    expect(detail.intakes.map((i: any) => i.channel)).toEqual([
      'window',
      'petition',
      'grid',
      'hotline_12345',
      'enterprise',
    ]);
    expect(detail.intakes.map((i: any) => i.merged)).toEqual([false, true, true, true, true]);
    const order = detail.intakes.find((i: any) => i.channel === 'hotline_12345');
    // the 12345 order keeps its own reply deadline (3 working days after its sign-off) and rating slot
    expect(order).toMatchObject({
      sourceId: 'SW2026120700017',
      source: '本市级',
      replyDays: 3,
      satisfaction: null,
    });
    expect(new Date(order.replyDueAt).getTime()).toBeGreaterThan(new Date(order.receivedAt).getTime());
    expect(detail.intakes.find((i: any) => i.channel === 'grid')).toMatchObject({
      sourceId: 'WG20261207001',
      registeredBy: expect.any(String),
    });

    const merged = await t.db.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'case.intake_merged'), eq(schema.auditLog.entityId, caseId)));
    expect(merged.map((a) => a.actorRole).sort()).toEqual(
      ['district_admin', 'grid_worker', 'hotline_operator', 'mediator'].sort(),
    );
  });

  it('lets every registrant follow the case it joined, and nobody else; its actions stay with the handling body', async () => {
    for (const username of ['grid1', 'hotline1']) {
      const c = await staff(t, username);
      const seen = await c.get(`/cases/${caseId}`);
      expectStatus(seen, 200);
      expect(seen.body.availableActions).toEqual([]);
      expect(seen.body.parties.every((p: any) => p.masked)).toBe(true);
      expect((await c.get('/cases/queue')).body.map((q: any) => q.id)).toContain(caseId);
    }
    expect((await (await staff(t, 'prop_mediator')).get(`/cases/${caseId}`)).status).toBe(404);
    const party = await new HttpClient(t.url).signInParty(wang.phone, (p) => t.sms.lastCode(p));
    expect((await party.get(`/cases/${caseId}`)).body.intakes).toBeNull();
    expect((await party.post('/cases/register', dispute('window'))).status).toBe(403);
    expect((await (await staff(t, 'grid1')).post('/cases/register', dispute('window'))).status).toBe(403);
  });

  it('answers a retried registration with its first answer', async () => {
    const hotline = await staff(t, 'hotline1');
    const once = await hotline.request('POST', '/cases/register', dispute('hotline_12345'), {
      'Idempotency-Key': 'order-retry-1',
    });
    const twice = await hotline.request('POST', '/cases/register', dispute('hotline_12345'), {
      'Idempotency-Key': 'order-retry-1',
    });
    expect(once.body).toMatchObject({ id: caseId, intake: { outcome: 'merged' } });
    expect(twice.body.intake).toEqual(once.body.intake);
    expect((await admin.get(`/cases/${caseId}`)).body.intakes).toHaveLength(6);
  });

  it('keeps a different dispute of the same parties separate', async () => {
    const other = await (
      await staff(t, 'js_admin')
    ).post(
      '/cases/register',
      dispute('window', { category: 'property', description: '赵六拖欠王五代缴的物业费，双方争执。' }),
    );
    expectStatus(other, 201);
    expect(other.body.intake.outcome).toBe('created');
    expect(other.body.id).not.toBe(caseId);
    expect((await admin.get(`/cases/${other.body.id}`)).body.intakes).toHaveLength(1);
  });

  it('holds a probable repeat in the duplicate review; confirm joins it, dismiss files it as its own case', async () => {
    // the same names in the same street and category, but no phone to be sure: probable, not certain
    const byName = (channel: string) =>
      dispute(channel, {
        parties: [
          { role: 'applicant', name: wang.name },
          { role: 'respondent', name: zhao.name },
        ],
      });
    const jsAdmin = await staff(t, 'js_admin');
    const held = await jsAdmin.post('/cases/register', byName('window'));
    expectStatus(held, 201);
    expect(held.body).toMatchObject({ id: null, intake: { outcome: 'review', candidateNumber: number } });

    const pending = (await admin.get('/intake/duplicates')).body;
    const pair = pending.find((p: any) => p.b.id === held.body.intake.intakeRecordId);
    expect(pair).toMatchObject({ status: 'pending', confidence: 'uncertain', a: { disputeId: caseId } });
    expect(pair.b.people.map((p: any) => p.name)).toEqual([wang.name, zhao.name]);
    // only the district decides
    expect(
      (await jsAdmin.post(`/intake/duplicates/${pair.id}/decision`, { decision: 'confirm' })).status,
    ).toBe(403);
    expectStatus(await admin.post(`/intake/duplicates/${pair.id}/decision`, { decision: 'confirm' }), 200);
    expect((await admin.post(`/intake/duplicates/${pair.id}/decision`, { decision: 'dismiss' })).status).toBe(
      409,
    );
    expect((await admin.get(`/cases/${caseId}`)).body.intakes).toHaveLength(7);

    const again = await jsAdmin.post('/cases/register', byName('window'));
    expect(again.body.intake.outcome).toBe('review');
    const second = (await admin.get('/intake/duplicates')).body.find(
      (p: any) => p.b.id === again.body.intake.intakeRecordId,
    );
    expectStatus(await admin.post(`/intake/duplicates/${second.id}/decision`, { decision: 'dismiss' }), 200);
    const own = (await jsAdmin.get('/cases/queue?open=false')).body.filter(
      (c: any) => c.id !== caseId && c.title.startsWith(wang.name),
    );
    expect(own.length).toBeGreaterThanOrEqual(1);
    const filed = await t.db.db
      .select()
      .from(schema.intakeRecords)
      .where(eq(schema.intakeRecords.id, again.body.intake.intakeRecordId));
    expect(filed[0].disputeId).not.toBeNull();
    expect(filed[0].disputeId).not.toBe(caseId);
    expect((await admin.get(`/cases/${caseId}`)).body.intakes).toHaveLength(7);
  });
});
