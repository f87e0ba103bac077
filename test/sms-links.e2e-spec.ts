import { APPLICATION } from './support/factories';
import { HttpClient, expectStatus } from './support/http-client';
import { textsAbout } from './support/outbox';
import { TestApp, startTestApp } from './support/test-app';

/**
 * With PUBLIC_URL set, a party's SMS about a case ends with a link to that case's page; the web app keeps the
 * link's #/cases/<id> through the one-time-code sign-in, so the party lands on the case.
 */
describe('SMS notices link to the case page (e2e)', () => {
  let t: TestApp;
  const ZHANG = '13800000071';
  const LI = '13800000072';

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://tiaojie.example.cn/' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ends the applicant’s and the respondent’s text with a link to the case, without any token', async () => {
    const zhang = await new HttpClient(t.url).signInParty(ZHANG, (p) => t.sms.lastCode(p));
    const r = await zhang.post('/cases', { ...APPLICATION, respondents: [{ name: '李四', phone: LI }] });
    expectStatus(r, 201);
    const rows = await textsAbout(t, r.body.number);
    const link = `https://tiaojie.example.cn/#/cases/${r.body.id}`;
    for (const phone of [ZHANG, LI]) {
      const texts = rows.filter((o) => o.recipient === phone).map((o) => o.body);
      expect(texts).toEqual([
        `【调解平台】案件已分派（${r.body.number}）：您的纠纷已分派至金沙街道人民调解委员会，请留意后续通知。 查看：${link}`,
      ]);
    }
  });
});
