import { HttpClient } from './support/http-client';
import { appliedCase, staff, uniqueRespondent } from './support/factories';
import { acceptAndStart, fresh } from './support/case-flow';
import { expectStatus } from './support/http-client';
import { TestApp, startTestApp } from './support/test-app';

/** What parties and staff are told about parties: accounts, and who still has to sign. */
describe('parties on the screens (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says 未开通, 已开通 (never signed in) and the last sign-in, and hides sign-ins from parties', async () => {
    // 李四's demo account exists (phone 13800000002) but nobody has signed in with it in this run
    const { party, caseId } = await appliedCase(t, '13800000001', {
      respondents: [{ name: '李四', phone: '13800000002' }, uniqueRespondent('王五')],
    });
    const admin = await staff(t, 'js_admin');
    const detail = (await admin.get(`/cases/${caseId}`)).body;
    const applicant = detail.parties.find((p: any) => p.role === 'applicant');
    expect(applicant.account).toBe('signed_in');
    expect(Date.parse(applicant.lastSignInAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
    const li = detail.parties.find((p: any) => p.role === 'respondent' && p.linked);
    expect(li).toMatchObject({ account: 'opened', lastSignInAt: null });
    const wang = detail.parties.find((p: any) => p.role === 'respondent' && !p.linked);
    expect(wang).toMatchObject({ account: 'none', lastSignInAt: null });

    // once 李四 signs in, staff see when
    await new HttpClient(t.url).signInParty('13800000002', (p) => t.sms.lastCode(p));
    const after = (await admin.get(`/cases/${caseId}`)).body;
    const liAfter = after.parties.find((p: any) => p.id === li.id);
    expect(liAfter.account).toBe('signed_in');
    expect(liAfter.lastSignInAt).not.toBeNull();

    // parties do not see each other's sign-ins
    const own = (await party.get(`/cases/${caseId}`)).body;
    expect(own.parties.every((p: any) => p.account === undefined && p.lastSignInAt === undefined)).toBe(true);
  });

  it('stops asking a party who has signed to sign, and says whom the agreement waits for', async () => {
    const respondent = uniqueRespondent('赵六');
    const { party, caseId } = await appliedCase(t, '13800000121', { respondents: [respondent] });
    const other = await new HttpClient(t.url).signInParty(respondent.phone, (p) => t.sms.lastCode(p));
    await acceptAndStart(await staff(t, 'js_admin'), await staff(t, 'js_mediator'), caseId);
    const mediator = await staff(t, 'js_mediator');
    // a deadline a month away is information, not a warning
    expect((await party.get(`/cases/${caseId}/status`)).body.deadline.urgency).toBe('ok');
    // the room says which mode the mediation switched to
    for (const mode of ['caucus', 'joint']) {
      const version = (await fresh(mediator, caseId)).version;
      expectStatus(await mediator.post(`/cases/${caseId}/mode`, { version, mode }), 200);
    }
    const joint = (await fresh(mediator, caseId)).rooms.find((r: any) => r.kind === 'joint');
    const lines = (await mediator.get(`/rooms/${joint.id}/messages?limit=200`)).body
      .filter((m: any) => m.kind === 'system')
      .map((m: any) => m.body);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/已切换为背对背调解（与各方当事人分别单独沟通/),
        expect.stringMatching(/已恢复面对面调解/),
      ]),
    );
    expectStatus(
      await mediator.post(`/cases/${caseId}/agreement`, {
        version: (await fresh(mediator, caseId)).version,
        terms: ['被申请人于 2026 年 12 月 31 日前支付 3000 元。'],
      }),
      200,
    );
    const before = (await party.get(`/cases/${caseId}/status`)).body;
    expect(before.availableActions).toContain('sign');
    expect(before.nextStep).toBe('请核对调解协议并签名确认');

    expectStatus(await party.post(`/cases/${caseId}/agreement/sign-code`), 202);
    expectStatus(
      await party.post(`/cases/${caseId}/agreement/sign`, {
        version: (await fresh(party, caseId)).version,
        code: t.sms.lastCode('13800000121'),
      }),
      200,
    );
    const mine = (await party.get(`/cases/${caseId}/status`)).body;
    expect(mine.status).toBe('agreement_pending');
    expect(mine.availableActions).not.toContain('sign');
    expect(mine.nextStep).toBe('您已签名，等待赵六签名');
    expect((await party.get(`/cases/${caseId}`)).body.availableActions).not.toContain('sign');
    const signatures = mine.agreement.signatures;
    expect(signatures.find((s: any) => s.role === 'applicant')).toMatchObject({ signed: true });
    expect(signatures.find((s: any) => s.role === 'respondent')).toMatchObject({
      signed: false,
      signedAt: null,
    });
    // the other party is still asked
    const theirs = (await other.get(`/cases/${caseId}/status`)).body;
    expect(theirs.availableActions).toContain('sign');
    expect(theirs.nextStep).toBe('请核对调解协议并签名确认');
  });
});
