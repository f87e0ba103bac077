import { appliedCase, staff } from './support/factories';
import { acceptAndStart, fresh } from './support/case-flow';
import { expectStatus } from './support/http-client';
import { TestApp, startTestApp } from './support/test-app';
import { pdfToText } from '../libs/documents/src/pdf-text.testing';

const PARTIES = [
  { role: 'applicant', name: '赵六', phone: '13800000011', idNumber: '320612198503054561' },
  {
    role: 'respondent',
    name: '南通某贸易有限公司',
    partyType: 'organization',
    representative: '孙经理',
    phone: '13800000012',
  },
];

const LENDERS = [
  { role: 'applicant', name: '钱十一', phone: '13800000081' },
  { role: 'respondent', name: '孙十二', phone: '13800000082' },
];

/** Court referrals (委派 and 委托): their own time limits and extensions, and the court's terms kept with the case. */
describe('court referrals through the lifecycle (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a court pre-registration referral (委派) with its own 30-day limit and court-consented extension', async () => {
    const clerk = await staff(t, 'clerk1');
    const r = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调12号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      claimAmount: 48000,
      judgeName: '许法官',
      referredOn: '2026-01-20',
      streetCode: 'JS',
      parties: PARTIES,
    });
    expectStatus(r, 201);
    expect(r.body.kind).toBe('judicial');
    expect(r.body.channel).toBe('court');
    expect(r.body.deadlineRegime).toBe('court_pre_registration');
    // 30 calendar days after 2026-01-20 end on 02-19, inside the Spring Festival: the first working day after it
    expect(r.body.dueAt).toBe('2026-02-24T15:59:59.000Z');
    expect((await clerk.get('/cases/queue')).body.map((c: any) => c.id)).toContain(r.body.id);
    const dup = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调12号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      referredOn: '2026-01-20',
      streetCode: 'JS',
      parties: PARTIES,
    });
    expectStatus(dup, 409);
    expect(
      (
        await clerk.post('/cases/court-referrals', {
          referralType: 'post_registration',
          courtCaseNumber: '（2026）苏0612民初7号',
          causeOfAction: '借款',
          category: 'contract',
          referredOn: '2026-01-20',
          streetCode: 'JS',
          parties: PARTIES,
        })
      ).body.error.code,
    ).toBe('VALIDATION_FAILED');

    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator2');
    await acceptAndStart(jsAdmin, mediator, r.body.id);
    const noConsent = await mediator.post(`/cases/${r.body.id}/extend`, {
      version: (await fresh(mediator, r.body.id)).version,
      days: 20,
      reason: '需补充证据',
    });
    expectStatus(noConsent, 400);
    const extended = await mediator.post(`/cases/${r.body.id}/extend`, {
      version: (await fresh(mediator, r.body.id)).version,
      days: 20,
      reason: '需补充证据',
      consentBy: ['court'],
    });
    expectStatus(extended, 200);
    expect(extended.body.dueAt).toBe('2026-03-11T15:59:59.000Z');
    const tooLong = await mediator.post(`/cases/${r.body.id}/extend`, {
      version: (await fresh(mediator, r.body.id)).version,
      days: 20,
      reason: '再延',
      consentBy: ['court'],
    });
    expectStatus(tooLong, 400);
  });

  it('takes a post-registration referral (委托, simple procedure: 7 days; +30 only with every party consenting)', async () => {
    const clerk = await staff(t, 'clerk1');
    const r = await clerk.post('/cases/court-referrals', {
      referralType: 'post_registration',
      procedure: 'simple',
      courtCaseNumber: '（2026）苏0612民初88号',
      causeOfAction: '物业服务合同纠纷',
      category: 'property',
      referredOn: '2026-02-02',
      streetCode: 'XF',
      parties: PARTIES,
    });
    expectStatus(r, 201);
    expect(r.body.deadlineRegime).toBe('court_post_registration_simple');
    expect(r.body.dueAt).toBe('2026-02-09T15:59:59.000Z');
  });

  it("returns a referral's court terms with the case, and prints its court case number once in the agreement", async () => {
    const clerk = await staff(t, 'clerk1');
    const courtCaseNumber = '（2026）苏0612民诉前调88号';
    const r = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber,
      causeOfAction: '民间借贷纠纷',
      category: 'contract',
      judgeName: '陈法官',
      referredOn: '2026-03-02',
      streetCode: 'JS',
      parties: LENDERS,
    });
    expectStatus(r, 201);
    expect((await fresh(clerk, r.body.id)).referral).toEqual({
      courtId: expect.any(String),
      referralType: 'pre_registration',
      referralTypeLabel: '委派',
      procedure: null,
      procedureLabel: null,
      courtCaseNumber,
      causeOfAction: '民间借贷纠纷',
      judgeName: '陈法官',
      referredOn: '2026-03-02',
      mediationDays: 30,
    });
    const entrusted = await clerk.post('/cases/court-referrals', {
      referralType: 'post_registration',
      procedure: 'ordinary',
      courtCaseNumber: '（2026）苏0612民初89号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      judgeName: '许法官',
      referredOn: '2026-03-02',
      streetCode: 'JS',
      parties: LENDERS,
    });
    expectStatus(entrusted, 201);
    // a case number in doubled brackets is refused, so it can never be shown that way
    const doubled = await clerk.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（（2026）苏0612民诉前调90号）',
      causeOfAction: '民间借贷纠纷',
      category: 'contract',
      referredOn: '2026-03-02',
      streetCode: 'JS',
      parties: LENDERS,
    });
    expectStatus(doubled, 400);
    expect(doubled.body.error.details.field).toBe('courtCaseNumber');
    const jsAdmin = await staff(t, 'js_admin');
    expect((await fresh(clerk, entrusted.body.id)).referral).toMatchObject({
      referralTypeLabel: '委托',
      procedure: 'ordinary',
      procedureLabel: '普通程序',
      courtCaseNumber: '（2026）苏0612民初89号',
      judgeName: '许法官',
      mediationDays: 15,
    });
    // a case that no court referred has none
    const { caseId: applied } = await appliedCase(t, '13800000073');
    expect((await fresh(jsAdmin, applied)).referral).toBeNull();

    const mediator = await staff(t, 'js_mediator2');
    await acceptAndStart(jsAdmin, mediator, r.body.id);
    expectStatus(
      await mediator.post(`/cases/${r.body.id}/agreement`, {
        version: (await fresh(mediator, r.body.id)).version,
        terms: ['被申请人于 2026 年 6 月 30 日前归还借款 20000 元。'],
        performanceDueOn: '2026-06-30',
      }),
      200,
    );
    const pdfRes = await fetch(`${t.url}/api/cases/${r.body.id}/agreement.pdf`, {
      headers: { authorization: `Bearer ${mediator.token}` },
    });
    expect(pdfRes.status).toBe(200);
    const text = pdfToText(Buffer.from(await pdfRes.arrayBuffer())).replace(/\s+/g, '');
    expect(text).toContain(`法院案号：${courtCaseNumber}`);
    expect(text.split(courtCaseNumber)).toHaveLength(2);
    expect(text).not.toMatch(/（（|））/);
  });
});
