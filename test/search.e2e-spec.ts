import { HttpClient, expectStatus } from './support/http-client';
import { staff, uniqueRespondent } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

const search = (c: HttpClient, params: Record<string, string>) =>
  c.get(`/cases/search?${new URLSearchParams(params).toString()}`);
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

/** Case search over HTTP: what it finds, whose cases it may return and count, personal numbers, audit, paging. */
describe('case search (e2e)', () => {
  let t: TestApp;
  const code = (p: string) => t.sms.lastCode(p);
  let applicant: HttpClient;
  let caseId: string;
  let number: string;
  const respondent = uniqueRespondent('欧阳娜娜');

  beforeAll(async () => {
    t = await startTestApp();
    applicant = await new HttpClient(t.url).signInParty('13800000011', code);
    const r = await applicant.post('/cases', {
      category: 'neighbour',
      description: '楼上卫生间漏水渗到楼下厨房，吊顶发霉，多次协商未果。',
      streetCode: 'JS',
      address: '金沙街道银杏路18号',
      applicant: { name: '司马青', idNumber: '11010519491231002X' },
      respondents: [respondent],
    });
    expectStatus(r, 201);
    caseId = r.body.id;
    number = r.body.number;
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a case by a word, a single character, a phrase, its number or serial, and a party name', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    for (const q of ['漏水', '霉', '吊顶 漏水', number, number.slice(-6), '欧阳娜娜', '银杏路']) {
      const r = await search(jsAdmin, { q });
      expectStatus(r, 200);
      expect({ q, found: ids(r) }).toEqual({ q, found: expect.arrayContaining([caseId]) });
    }
    const byWord = (await search(jsAdmin, { q: '漏水' })).body.items.find((i: any) => i.id === caseId);
    expect(byWord.matched).toEqual(['text']);
    expect(byWord.snippet).toContain('漏水');
    const byNumber = (await search(jsAdmin, { q: number })).body;
    expect(byNumber.items[0].id).toBe(caseId);
    expect(byNumber.items[0].matched).toEqual(['number']);
    expect(byNumber.total).toBe(1);
    const byName = (await search(jsAdmin, { q: '欧阳娜娜' })).body.items.find((i: any) => i.id === caseId);
    expect(byName.matched).toContain('partyName');
    // all words must match
    expect(ids(await search(jsAdmin, { q: '漏水 拖欠工资' }))).not.toContain(caseId);
  });

  it('never returns nor counts a case its reader may not open', async () => {
    const q = { q: '吊顶 欧阳娜娜' };
    const district = await staff(t, 'admin');
    expect(ids(await search(district, q))).toEqual([caseId]);
    for (const who of ['xf_admin', 'labour_mediator', 'clerk1', 'grid1', 'hotline1']) {
      const r = await search(await staff(t, who), q);
      expectStatus(r, 200);
      expect({ who, body: r.body }).toEqual({ who, body: { items: [], nextCursor: null, total: 0 } });
    }
    const other = await new HttpClient(t.url).signInParty('13800000012', code);
    expect((await search(other, q)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(ids(await search(applicant, q))).toEqual([caseId]);
  });

  it('matches phone and ID numbers exactly, never by fragment, masks them and audits staff who found them', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const r = await search(jsAdmin, { q: respondent.phone });
    expect(ids(r)).toEqual([caseId]);
    expect(r.body.items[0].matched).toEqual(['phone']);
    expect(r.body.items[0].snippet).toBe(
      `当事人 欧阳娜娜 · 电话 ${respondent.phone.slice(0, 3)}****${respondent.phone.slice(-4)}`,
    );
    expect(JSON.stringify(r.body)).not.toContain(respondent.phone);
    for (const fragment of [
      respondent.phone.slice(0, 7),
      respondent.phone.slice(3),
      respondent.phone.slice(0, 10),
    ])
      expect(ids(await search(jsAdmin, { q: fragment }))).not.toContain(caseId);
    const byId = await search(jsAdmin, { q: '11010519491231002x' });
    expect(ids(byId)).toEqual([caseId]);
    expect(byId.body.items[0].matched).toEqual(['idNumber']);
    expect(ids(await search(jsAdmin, { q: '110105194912' }))).toEqual([]);

    const audit = (
      await t.db
        .raw(t.db.db)
        .query(
          `select actor_id, data from audit_log where entity_id = $1 and action = 'case.search.personal_data' order by id`,
          [caseId],
        )
    ).rows;
    const me = (await jsAdmin.get('/auth/me')).body.id;
    expect(audit.map((a: any) => [a.actor_id, a.data.field])).toEqual([
      [me, 'phone'],
      [me, 'idNumber'],
    ]);
    expect(audit[0].data.partyIds).toHaveLength(1);
    // a party cannot look up another party's number, even on their own case
    expect((await search(applicant, { q: respondent.phone })).body.items).toEqual([]);
  });

  it('shows a former body a masked summary after a transfer', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const admin = await staff(t, 'admin');
    const target = (await admin.get('/registry/bodies')).body.find((b: any) => b.code === 'IND-PROPERTY-JS');
    const version = (await jsAdmin.get(`/cases/${caseId}`)).body.version;
    expectStatus(
      await jsAdmin.post(`/cases/${caseId}/transfer`, {
        version,
        targetBodyId: target.id,
        reason: '属于物业纠纷',
      }),
      200,
    );
    const item = (await search(jsAdmin, { q: '吊顶' })).body.items.find((i: any) => i.id === caseId);
    expect(item.formerHandler).toBe(true);
    expect(JSON.stringify(item)).not.toContain('欧阳娜娜');
    const byName = (await search(jsAdmin, { q: '欧阳娜娜' })).body.items.find((i: any) => i.id === caseId);
    expect(byName.snippet).toContain('欧***');
    expect(byName.snippet).not.toContain('欧阳');
    const handler = (await search(await staff(t, 'prop_admin'), { q: '吊顶' })).body.items.find(
      (i: any) => i.id === caseId,
    );
    expect(handler.formerHandler).toBe(false);
  });

  it('finds a court referral by its court case number with or without brackets', async () => {
    const clerk = await staff(t, 'clerk1');
    const r = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调4321号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      referredOn: '2026-01-20',
      streetCode: 'JS',
      parties: [
        {
          role: 'applicant',
          name: '南通某贸易有限公司',
          partyType: 'organization',
          representative: '钱经理',
        },
        { role: 'respondent', name: '周某', phone: uniqueRespondent().phone },
      ],
    });
    expectStatus(r, 201);
    for (const q of [
      '（2026）苏0612民诉前调4321号',
      '(2026)苏0612民诉前调4321号',
      '2026苏0612民诉前调4321号',
      '贸易',
    ])
      expect({ q, found: ids(await search(clerk, { q })) }).toEqual({ q, found: [r.body.id] });
    const hit = (await search(clerk, { q: '2026苏0612民诉前调4321号' })).body.items[0];
    expect(hit.matched).toContain('courtCaseNumber');
    expect(ids(await search(await staff(t, 'xf_admin'), { q: '2026苏0612民诉前调4321号' }))).toEqual([]);
  });

  it('pages with a cursor: every match once, in rank then recency order, with the total', async () => {
    const party = await new HttpClient(t.url).signInParty('13800000013', code);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await party.post('/cases', {
        category: 'neighbour',
        description: `相邻通道被杂物堵塞第${i}次，要求清理，琉璃瓦片掉落。`,
        streetCode: 'JS',
        applicant: { name: '端木兰' },
        respondents: [uniqueRespondent()],
      });
      expectStatus(r, 201);
      made.push(r.body.id);
    }
    const admin = await staff(t, 'admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const params: Record<string, string> = { q: '琉璃瓦', limit: '2', ...(cursor ? { cursor } : {}) };
      const r = await search(admin, params);
      expectStatus(r, 200);
      expect(r.body.total).toBe(5);
      seen.push(...ids(r));
      cursor = r.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    // filters narrow: nothing received in 2020
    expect((await search(admin, { q: '琉璃瓦', to: '2020-12-31' })).body.total).toBe(0);
    expect((await search(admin, { q: '琉璃瓦', status: 'closed' })).body.total).toBe(0);
  });

  it('refuses bad input with a stable code and a Chinese message', async () => {
    const admin = await staff(t, 'admin');
    for (const params of [
      {},
      { q: '' },
      { q: '漏水', limit: '0' },
      { q: '漏水', limit: '101' },
      { q: '漏水', cursor: 'not-a-cursor' },
      { q: '漏水', status: 'nope' },
      { q: '漏水', from: '2026/01/01' },
      { q: '，。！' },
      { q: 'x'.repeat(101) },
    ]) {
      const r = await search(admin, params as Record<string, string>);
      expect({ params, status: r.status, code: r.body.error?.code }).toEqual({
        params,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
