import { HttpClient, expectStatus } from './support/http-client';
import { staff } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

const HEADER =
  '事件编号,上报时间,网格员,网格员电话,所属街道,所属社区,所属网格,事件大类,事件小类,事件描述,涉及人数,当事人,当事人电话,处置状态,办结时间';

/** A grid export (UTF-8 CSV with BOM) of the given rows. */
function gridCsv(rows: string[][]): Blob {
  return new Blob([`\uFEFF${[HEADER, ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`]);
}

const OPEN_NEIGHBOUR = [
  'WG2026T000001',
  '2026-12-01 10:00:00',
  '陶网格',
  '13911110001',
  '金沙镇',
  '城中社区',
  '城中社区第1网格',
  '矛盾纠纷',
  '邻里纠纷',
  '两户因楼道堆放杂物发生争执，需调解。',
  '2',
  '严某',
  '13911110002',
  '处置中',
  '',
];
const CLOSED_AT_SOURCE = [
  'WG2026T000002',
  '2026-11-20 09:00:00',
  '陶网格',
  '13911110001',
  '金沙镇',
  '东方社区',
  '东方社区第2网格',
  '矛盾纠纷',
  '婚姻家庭纠纷',
  '家庭赡养争执，已现场化解。',
  '2',
  '华某',
  '13911110003',
  '已办结',
  '2026-11-21 09:00:00',
];
const OTHER_NAME_NOT_DISPUTE = [
  'WG2026T000003',
  '2026-12-02 11:00:00',
  '陶网格',
  '13911110001',
  '老城区',
  '某社区',
  '某社区第1网格',
  '民生服务',
  '政策咨询',
  '咨询社保政策。',
  '1',
  '魏某',
  '13911110004',
  '已办结',
  '2026-12-02 12:00:00',
];

/** Street names imports carry that the directory lacks: listed, mapped once by the district admin, then routed. */
describe('mapping unknown street names of imports (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await staff(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(file: Blob) {
    const form = new FormData();
    form.append('file', file, 'grid_reports.csv');
    const res = await fetch(`${t.url}/api/intake/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  }

  async function disputeOf(sourceId: string) {
    const { rows } = await t.db.raw(t.db.db).query(
      `select d.id, d.status, d.street_code, d.community_code, o.code as body
           from intake_records r join disputes d on d.id = r.dispute_id left join organizations o on o.id = d.body_id
          where r.source_id = $1`,
      [sourceId],
    );
    return rows[0] as {
      id: string;
      status: string;
      street_code: string | null;
      community_code: string | null;
      body: string | null;
    };
  }

  it('routes an imported dispute with an unknown street once the district admin maps the name', async () => {
    const imported = await upload(gridCsv([OPEN_NEIGHBOUR, CLOSED_AT_SOURCE, OTHER_NAME_NOT_DISPUTE]));
    expect(imported).toMatchObject({ created: 3, rejected: [] });
    expect(await disputeOf('WG2026T000001')).toMatchObject({
      status: 'received',
      street_code: null,
      body: null,
    });

    const unknown = await admin.get('/intake/unknown-streets');
    expectStatus(unknown, 200);
    expect(unknown.body).toEqual([
      { name: '金沙镇', records: 2, waitingDisputes: 1 },
      { name: '老城区', records: 1, waitingDisputes: 0 },
    ]);

    const mapped = await admin.post('/intake/street-mappings', { name: ' 金沙镇 ', streetCode: 'JS' });
    expectStatus(mapped, 200);
    expect(mapped.body).toEqual({
      name: '金沙镇',
      streetCode: 'JS',
      placed: 1,
      routed: 1,
      toDistrictQueue: 0,
    });
    // the community name resolves within the street: the neighbour dispute goes to the community committee
    const routed = await disputeOf('WG2026T000001');
    expect(routed).toMatchObject({
      status: 'routed',
      street_code: 'JS',
      community_code: 'JS01',
      body: 'PMC-JS01',
    });
    // a record already closed at its source is not work for a mediator
    expect(await disputeOf('WG2026T000002')).toMatchObject({ status: 'received', body: null });

    const mediator = await staff(t, 'jscz_mediator');
    const queue = await mediator.get('/cases/queue');
    expectStatus(queue, 200);
    const item = (queue.body.items ?? queue.body).find((c: any) => c.id === routed.id);
    expect(item).toBeTruthy();
    const detail = (await mediator.get(`/cases/${routed.id}`)).body;
    expectStatus(await mediator.post(`/cases/${routed.id}/accept`, { version: detail.version }), 200);

    const { rows: audit } = await t.db
      .raw(t.db.db)
      .query(
        `select action, entity_id from audit_log where action in ('intake.street_mapped', 'case.place_resolved')`,
      );
    expect(audit.map((a: any) => a.action).sort()).toEqual(['case.place_resolved', 'intake.street_mapped']);

    expect((await admin.get('/intake/unknown-streets')).body.map((u: any) => u.name)).toEqual(['老城区']);
    // mapping it again is harmless; to another street is refused
    expect(
      (await admin.post('/intake/street-mappings', { name: '金沙镇', streetCode: 'JS' })).body,
    ).toMatchObject({
      placed: 0,
    });
    const moved = await admin.post('/intake/street-mappings', { name: '金沙镇', streetCode: 'XF' });
    expectStatus(moved, 409);
    expect(moved.body.error.code).toBe('CONFLICT');

    // later imports resolve the name themselves
    await upload(gridCsv([['WG2026T000004', ...OPEN_NEIGHBOUR.slice(1)]]));
    expect(await disputeOf('WG2026T000004')).toMatchObject({ street_code: 'JS', community_code: 'JS01' });
  });

  it('refuses bad mappings with a stable code', async () => {
    const bad = async (body: unknown, status: number, code: string) => {
      const r = await admin.post('/intake/street-mappings', body);
      expectStatus(r, status);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await bad({}, 400, 'VALIDATION_FAILED');
    await bad({ name: '老城区', streetCode: 'ZZ' }, 400, 'VALIDATION_FAILED');
    await bad({ name: '金沙街道', streetCode: 'JS' }, 400, 'VALIDATION_FAILED');
    await bad({ name: '   ', streetCode: 'JS' }, 400, 'VALIDATION_FAILED');
    await bad({ name: '从未出现', streetCode: 'JS' }, 404, 'NOT_FOUND');
  });

  it('answers 403 to everyone but the district admin', async () => {
    const party = await new HttpClient(t.url).signInParty('13800000001', (p) => t.sms.lastCode(p));
    for (const client of [
      await staff(t, 'js_admin'),
      await staff(t, 'jscz_mediator'),
      await staff(t, 'clerk1'),
      party,
    ]) {
      expectStatus(await client.get('/intake/unknown-streets'), 403);
      expectStatus(await client.post('/intake/street-mappings', { name: '老城区', streetCode: 'JX' }), 403);
    }
    expect((await admin.get('/intake/unknown-streets')).body.map((u: any) => u.name)).toEqual(['老城区']);
  });
});
