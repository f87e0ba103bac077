import { HttpClient } from './support/http-client';
import { appliedCase, staff, uniqueRespondent } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

/** The 账号 column tells staff the truth: no account, an account never used, or when the party last signed in. */
describe('party accounts as staff see them (e2e)', () => {
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
});
