import { HttpClient, expectStatus } from './support/http-client';
import { appliedCase, staff } from './support/factories';
import { acceptAndStart, agreeAndSign, fresh } from './support/case-flow';
import { TestApp, startTestApp } from './support/test-app';

/** The remaining outcome paths: termination, a rejected judicial confirmation, a breach of the agreement. */
describe('case lifecycle: termination, rejected confirmation, breach (e2e)', () => {
  let t: TestApp;
  const code = (p: string) => t.sms.lastCode(p);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('terminates a mediation with a reason, closes it, and shows the party why', async () => {
    const { party, caseId } = await appliedCase(t, '13800000101');
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/terminate`, {
        version: (await fresh(mediator, caseId)).version,
      }),
      400,
    );
    const ended = await mediator.post(`/cases/${caseId}/transitions/terminate`, {
      version: (await fresh(mediator, caseId)).version,
      reason: '一方当事人明确拒绝继续调解',
    });
    expectStatus(ended, 200);
    expect(ended.body.status).toBe('terminated');
    const status = (await party.get(`/cases/${caseId}/status`)).body;
    expect(status.statusLabel).toBe('调解终止');
    expect(status.timeline.find((e: any) => e.action === 'terminate').reason).toContain('拒绝继续调解');
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/close`, {
        version: (await fresh(mediator, caseId)).version,
      }),
      200,
    );
  });

  it("records a rejected judicial confirmation (with the court's reason), then a breach with the suggested next step", async () => {
    const respondentPhone = '13800000112';
    const { party: applicant, caseId } = await appliedCase(t, '13800000111', {
      respondents: [{ name: '孙某', phone: respondentPhone }],
    });
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    const respondent = await new HttpClient(t.url).signInParty(respondentPhone, code);
    await agreeAndSign(t, mediator, caseId, [
      [applicant, '13800000111'],
      [respondent, respondentPhone],
    ]);
    for (const c of [applicant, respondent])
      expectStatus(
        await c.post(`/cases/${caseId}/confirmation/apply`, { version: (await fresh(c, caseId)).version }),
        200,
      );
    const judge = await staff(t, 'judge1');
    expectStatus(
      await judge.post(`/cases/${caseId}/transitions/reject_confirmation`, {
        version: (await fresh(judge, caseId)).version,
      }),
      400,
    );
    const rejected = await judge.post(`/cases/${caseId}/transitions/reject_confirmation`, {
      version: (await fresh(judge, caseId)).version,
      reason: '协议内容违反法律强制性规定',
    });
    expectStatus(rejected, 200);
    expect(rejected.body.status).toBe('confirmation_rejected');
    expect((await applicant.get(`/cases/${caseId}/status`)).body.nextStep).toContain('向法院起诉');

    // a second case: confirmed, performance tracked, the respondent does not pay
    const second = await appliedCase(t, '13800000121', {
      respondents: [{ name: '周某', phone: '13800000122' }],
    });
    await acceptAndStart(jsAdmin, mediator, second.caseId);
    const other = await new HttpClient(t.url).signInParty('13800000122', code);
    await agreeAndSign(t, mediator, second.caseId, [
      [second.party, '13800000121'],
      [other, '13800000122'],
    ]);
    expectStatus(
      await mediator.post(`/cases/${second.caseId}/performance`, {
        version: (await fresh(mediator, second.caseId)).version,
        items: [
          { description: '支付 3000 元', dueOn: '2026-12-31' },
          { description: '书面道歉', dueOn: '2026-12-15' },
        ],
      }),
      200,
    );
    const items = (await mediator.get(`/cases/${second.caseId}/performance`)).body;
    const partly = await mediator.post(
      `/cases/${second.caseId}/performance/${items.find((i: any) => i.description === '书面道歉').id}`,
      { version: (await fresh(mediator, second.caseId)).version, status: 'done' },
    );
    expect(partly.body.status).toBe('performing');
    const breach = await mediator.post(
      `/cases/${second.caseId}/performance/${items.find((i: any) => i.description === '支付 3000 元').id}`,
      { version: (await fresh(mediator, second.caseId)).version, status: 'breached', note: '逾期未付' },
    );
    expectStatus(breach, 200);
    expect(breach.body.status).toBe('breached');
    const timeline = (await second.party.get(`/cases/${second.caseId}/status`)).body.timeline;
    expect(timeline.find((e: any) => e.action === 'record_breach').reason).toContain(
      '申请司法确认后申请强制执行',
    );
  });
});
