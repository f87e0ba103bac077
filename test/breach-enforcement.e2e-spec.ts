import { HttpClient, expectStatus } from './support/http-client';
import { appliedCase, staff } from './support/factories';
import { acceptAndStart, agreeAndSign, fresh } from './support/case-flow';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The way forward from a breached agreement: judicial confirmation while its 30-day window is open (refused
 * after it), then 申请强制执行 of the confirmed agreement, handed to the court, whose staff record its receipt.
 */
describe('breach: judicial confirmation and enforcement (e2e)', () => {
  let t: TestApp;
  let mediator: HttpClient;
  let jsAdmin: HttpClient;
  const code = (p: string) => t.sms.lastCode(p);

  /** A signed agreement whose performance the mediator tracks and records as breached. */
  const breached = async (applicantPhone: string, respondentPhone: string) => {
    const { party: applicant, caseId } = await appliedCase(t, applicantPhone, {
      respondents: [{ name: '孙某', phone: respondentPhone }],
    });
    await acceptAndStart(jsAdmin, mediator, caseId);
    const respondent = await new HttpClient(t.url).signInParty(respondentPhone, code);
    await agreeAndSign(t, mediator, caseId, [
      [applicant, applicantPhone],
      [respondent, respondentPhone],
    ]);
    await breach(caseId, '支付 3000 元');
    return { applicant, respondent, caseId };
  };
  const breach = async (caseId: string, description: string) => {
    expectStatus(
      await mediator.post(`/cases/${caseId}/performance`, {
        version: (await fresh(mediator, caseId)).version,
        items: [{ description, dueOn: '2026-12-31' }],
      }),
      200,
    );
    const item = (await mediator.get(`/cases/${caseId}/performance`)).body.find(
      (i: any) => i.description === description && i.status === 'pending',
    );
    const r = await mediator.post(`/cases/${caseId}/performance/${item.id}`, {
      version: (await fresh(mediator, caseId)).version,
      status: 'breached',
      note: '逾期未付',
    });
    expectStatus(r, 200);
    expect(r.body.status).toBe('breached');
  };

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staff(t, 'js_mediator');
    jsAdmin = await staff(t, 'js_admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('goes from breached to judicial confirmation, then to an enforcement application the court receives', async () => {
    const { applicant, respondent, caseId } = await breached('13800000131', '13800000132');
    const outsider = (await appliedCase(t, '13800000141')).party; // a party of another case
    const otherBody = await staff(t, 'prop_mediator');
    const clerk = await staff(t, 'clerk1');

    // what the tracker offers the party, from GET /api/lifecycle's table
    const status = (await applicant.get(`/cases/${caseId}/status`)).body;
    expect(status.availableActions.sort()).toEqual(['apply_enforcement', 'request_confirmation']);

    // nobody outside the case acts on it
    const version = (await fresh(applicant, caseId)).version;
    expectStatus(await outsider.post(`/cases/${caseId}/enforcement`, { version }), 404);
    expectStatus(await outsider.post(`/cases/${caseId}/confirmation/apply`, { version }), 404);
    expectStatus(await otherBody.post(`/cases/${caseId}/enforcement`, { version }), 404);
    expectStatus(await otherBody.post(`/cases/${caseId}/transitions/request_confirmation`, { version }), 404);

    // an agreement the court has not confirmed cannot be enforced
    const early = await applicant.post(`/cases/${caseId}/enforcement`, { version, note: '对方拒不付款' });
    expectStatus(early, 409);
    expect(early.body.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(early.body.error.message).toMatch(/^调解协议未经人民法院司法确认/);

    // (a) judicial confirmation from breached, both parties applying within the window
    for (const c of [applicant, respondent])
      expectStatus(
        await c.post(`/cases/${caseId}/confirmation/apply`, { version: (await fresh(c, caseId)).version }),
        200,
      );
    expect((await fresh(mediator, caseId)).status).toBe('confirmation_requested');
    const confirmed = await clerk.post(`/cases/${caseId}/transitions/confirm`, {
      version: (await fresh(clerk, caseId)).version,
    });
    expectStatus(confirmed, 200);
    expect(confirmed.body.status).toBe('confirmed');

    // the confirmed agreement is breached again: (b) 申请强制执行, handed to the court
    await breach(caseId, '支付剩余 3000 元');
    const applied = await applicant.post(`/cases/${caseId}/enforcement`, {
      version: (await fresh(applicant, caseId)).version,
      note: '被申请人拒不履行经司法确认的调解协议',
    });
    expectStatus(applied, 200);
    expect(applied.body.status).toBe('enforcement_requested');
    const timeline = (await applicant.get(`/cases/${caseId}/status`)).body.timeline;
    const entry = timeline.find((e: any) => e.action === 'apply_enforcement');
    expect(entry.reason).toBe('移送南通市通州区人民法院：被申请人拒不履行经司法确认的调解协议');

    const detail = (await mediator.get(`/cases/${caseId}`)).body;
    expect(detail.statusLabel).toBe('已申请强制执行');
    const audit = (
      await t.db
        .raw(t.db.db)
        .query(
          `select actor_id, data from audit_log where entity_id = $1 and action = 'case.apply_enforcement'`,
          [caseId],
        )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe((await applicant.get('/auth/me')).body.id);
    expect(audit[0].data).toMatchObject({
      courtName: '南通市通州区人民法院',
      note: '被申请人拒不履行经司法确认的调解协议',
      from: 'breached',
      to: 'enforcement_requested',
    });

    // the court sees it in its console and alone records receipt
    const queue = (await clerk.get('/cases/queue?open=false&limit=500')).body;
    expect(queue.find((c: any) => c.id === caseId)?.status).toBe('enforcement_requested');
    expect((await fresh(clerk, caseId)).availableActions).toEqual(['receive_enforcement']);
    const v = (await fresh(clerk, caseId)).version;
    expectStatus(
      await applicant.post(`/cases/${caseId}/transitions/receive_enforcement`, { version: v }),
      403,
    );
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/receive_enforcement`, { version: v }),
      403,
    );
    expectStatus(
      await otherBody.post(`/cases/${caseId}/transitions/receive_enforcement`, { version: v }),
      404,
    );
    const received = await clerk.post(`/cases/${caseId}/transitions/receive_enforcement`, {
      version: v,
      reason: '已登记执行立案审查',
    });
    expectStatus(received, 200);
    expect(received.body.status).toBe('enforcement_received');
    expect((await applicant.get(`/cases/${caseId}/status`)).body.nextStep).toContain('执行');
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/close`, {
        version: (await fresh(mediator, caseId)).version,
      }),
      200,
    );
  });

  it('refuses judicial confirmation from breached once 30 days after the agreement took effect have passed', async () => {
    const { applicant, caseId } = await breached('13800000151', '13800000152');
    // the agreement took effect 40 days ago
    await t.db
      .raw(t.db.db)
      .query(`update agreements set signed_at = now() - interval '40 days' where dispute_id = $1`, [caseId]);
    const late = await applicant.post(`/cases/${caseId}/confirmation/apply`, {
      version: (await fresh(applicant, caseId)).version,
    });
    expectStatus(late, 409);
    expect(late.body.error.code).toBe('CONFIRMATION_WINDOW_CLOSED');
    expect(late.body.error.message).toMatch(/^已超过司法确认申请期限/);
    const byMediator = await mediator.post(`/cases/${caseId}/transitions/request_confirmation`, {
      version: (await fresh(mediator, caseId)).version,
    });
    expectStatus(byMediator, 409);
    expect(byMediator.body.error.code).toBe('CONFIRMATION_WINDOW_CLOSED');
    expect((await fresh(mediator, caseId)).status).toBe('breached');
  });
});
