import { expectStatus } from './support/http-client';
import { appliedCase, staff } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** Routing through the api and the database: explanations stored, returns, the district queue, rules admin, conflicts. */
describe('routing to mediation bodies (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('routes a property dispute to the street property committee and explains why', async () => {
    const { caseId } = await appliedCase(t, '13800000001', { category: 'property' });
    const admin = await staff(t, 'admin');
    const history = (await admin.get(`/cases/${caseId}/routing`)).body;
    expect(history).toHaveLength(1);
    expect(history[0].explanation.explanation.summary.zh).toContain('金沙街道物业纠纷人民调解委员会');
    const detail = (await admin.get(`/cases/${caseId}`)).body;
    expect(detail.routing.rulesMatched).toContain('specialised-street');
    expect(detail.routing.candidates.length).toBeGreaterThan(1);
  });

  it('re-routes a returned dispute elsewhere and sends it to the district admin after the second return', async () => {
    const { caseId } = await appliedCase(t, '13800000003', { category: 'labour', streetCode: 'XF' });
    const admin = await staff(t, 'admin');
    const first = (await admin.get(`/cases/${caseId}`)).body;
    const labour = await staff(t, 'labour_mediator');
    expect((await labour.get(`/cases/${caseId}`)).status).toBe(200);
    const r1 = await labour.post(`/cases/${caseId}/return`, {
      version: first.version,
      reasonCode: 'OVER_CAPACITY',
      reason: '本月积案较多',
    });
    expectStatus(r1, 200);
    expect(r1.body.status).toBe('routed');
    expect(r1.body.bodyId).not.toBe(first.bodyId);

    const second = (await admin.get(`/cases/${caseId}`)).body;
    const secondBody = (await admin.get('/registry/bodies')).body.find((b: any) => b.id === second.bodyId);
    expect(secondBody.code).toBe('PMC-XF');
    // the street committee's own staff see it and could take it
    expectStatus(await (await staff(t, 'xf_mediator')).get(`/cases/${caseId}`), 200);

    // a district admin moves it to another body, which returns it: that is the second return
    const jsBody = (await admin.get('/registry/bodies')).body.find((b: any) => b.code === 'PMC-JS');
    expectStatus(
      await admin.post(`/cases/${caseId}/route`, {
        version: second.version,
        bodyId: jsBody.id,
        reason: '先锋街道委员会暂无专职调解员',
      }),
      200,
    );
    const jsAdmin = await staff(t, 'js_admin');
    const current = (await jsAdmin.get(`/cases/${caseId}`)).body;
    const r2 = await jsAdmin.post(`/cases/${caseId}/return`, {
      version: current.version,
      reasonCode: 'NOT_IN_JURISDICTION',
    });
    expectStatus(r2, 200);
    expect(r2.body.status).toBe('district_queue');
    const queued = (await admin.get(`/cases/${caseId}`)).body;
    expect(queued.routing.queueReason).toBe('RETURN_LIMIT_REACHED');
    expect((await admin.get('/cases/queue')).body.map((c: any) => c.id)).toContain(caseId);
    const counts = (await admin.get('/routing/returns')).body;
    expect(counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ bodyId: jsBody.id, reasonCode: 'NOT_IN_JURISDICTION', count: 1 }),
      ]),
    );
  });

  it('routes an administrative dispute to the department in charge, whose mediator takes it', async () => {
    const official = await staff(t, 'official1');
    const register = (category: string, kind: 'administrative' | 'peoples', n: number) =>
      official.post('/cases/register', {
        channel: 'window',
        kind,
        category,
        description: '劳动保障监察：公司拖欠三个月工资，要求行政调解。',
        streetCode: 'JX',
        parties: [
          { role: 'applicant', name: `员工${n}`, phone: `1380000009${n}` },
          // a company of its own each: the same respondent in the same street would be held as a probable repeat
          {
            role: 'respondent',
            name: `金新${['机械', '商贸', '电子'][n - 1]}有限公司`,
            partyType: 'organization',
            representative: '王总',
          },
        ],
      });
    const bodies = (await (await staff(t, 'admin')).get('/registry/bodies')).body;
    const codeOf = (id: string) => bodies.find((b: any) => b.id === id)?.code;
    const wages = await register('labour', 'administrative', 1);
    expectStatus(wages, 201);
    expect(codeOf(wages.body.bodyId)).toBe('ADM-HRSS');
    const market = await register('consumer', 'administrative', 2);
    expect(codeOf(market.body.bodyId)).toBe('ADM-SAMR');
    // the same wage dispute for people's mediation keeps going to the labour committee
    const peoples = await register('labour', 'peoples', 3);
    expect(codeOf(peoples.body.bodyId)).toBe('IND-LABOUR');

    const mediator = await staff(t, 'hrss_mediator');
    const detail = (await mediator.get(`/cases/${wages.body.id}`)).body;
    expect(detail.routing.rulesMatched).toContain('administrative-labour');
    const accepted = await mediator.post(`/cases/${wages.body.id}/accept`, { version: detail.version });
    expectStatus(accepted, 200);
    expect(accepted.body.status).toBe('accepted');
  });

  it('refuses bad rules on save with a clear message, and keeps the old ones', async () => {
    const admin = await staff(t, 'admin');
    const before = (await admin.get('/routing/rules')).body;
    const bad = await admin.request('PUT', '/routing/rules', {
      rules: [
        {
          id: 'r1',
          name: '矛盾',
          priority: 5,
          weight: 1,
          enabled: true,
          conditions: { categories: ['martian'], claimAmountMin: 100, claimAmountMax: 10 },
          target: { type: 'selector', selector: { kinds: ['industry'] } },
        },
      ],
    });
    expectStatus(bad, 400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const codes = bad.body.error.details.rules.map((e: any) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_CATEGORY', 'CLAIM_RANGE_CONTRADICTORY']));
    expect((await admin.get('/routing/rules')).body).toEqual(before);
    const mediator = await staff(t, 'js_mediator');
    expectStatus(await mediator.request('PUT', '/routing/rules', { rules: before }), 403);
  });

  it('saves valid rules, audited, and the dry-run explains with them', async () => {
    const admin = await staff(t, 'admin');
    const rules = (await admin.get('/routing/rules')).body;
    const medical = (await admin.get('/registry/bodies')).body.find((b: any) => b.code === 'IND-MEDICAL');
    const withBig = [
      ...rules,
      {
        id: 'big-claims',
        name: '大额纠纷交区医调委',
        priority: 90,
        weight: 5,
        enabled: true,
        conditions: { categories: ['medical'], claimAmountMin: 1000000 },
        target: { type: 'bodies', bodyIds: [medical.id] },
      },
    ];
    const saved = await admin.request('PUT', '/routing/rules', { rules: withBig });
    expectStatus(saved, 200);
    expect(saved.body.map((r: any) => r.id)).toContain('big-claims');
    const dry = await admin.post('/routing/dry-run', {
      category: 'medical',
      channel: 'online',
      streetCode: 'JX',
      claimAmount: 2000000,
    });
    expectStatus(dry, 200);
    expect(dry.body.bodyId).toBe(medical.id);
    expect(dry.body.explanation.rules.find((r: any) => r.ruleId === 'big-claims').matched).toBe(true);
  });

  it('never lets a mediator with a declared conflict take the case, and proposes another', async () => {
    const { caseId } = await appliedCase(t, '13800000004', {
      category: 'contract',
      respondents: [{ name: '王五', phone: '13800000005' }],
    });
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator2');
    const me = (await mediator.get('/auth/me')).body;
    expectStatus(
      await mediator.post(`/registry/mediators/${me.id}/conflicts`, {
        kind: 'relative',
        partyKey: '138-0000-0005',
        note: '表兄弟',
      }),
      201,
    );
    let d = (await jsAdmin.get(`/cases/${caseId}`)).body;
    expectStatus(await jsAdmin.post(`/cases/${caseId}/accept`, { version: d.version }), 200);
    const proposal = (await jsAdmin.get(`/cases/${caseId}/mediator-proposal`)).body;
    expect(proposal.mediatorId).not.toBe(me.id);
    expect(
      proposal.candidates.find((c: any) => c.mediatorId === me.id).exclusions.map((x: any) => x.code),
    ).toContain('CONFLICT_OF_INTEREST');
    d = (await jsAdmin.get(`/cases/${caseId}`)).body;
    const refused = await jsAdmin.post(`/cases/${caseId}/assign`, { version: d.version, mediatorId: me.id });
    expectStatus(refused, 409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expectStatus(
      await jsAdmin.post(`/cases/${caseId}/assign`, { version: d.version, mediatorId: proposal.mediatorId }),
      200,
    );
  });
});
