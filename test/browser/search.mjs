// Case search in the browser: a court referral is filed (over HTTP) → the district admin finds it from the header
// search box by a word of its description, the word marked, and opens it with the keyboard (1366×900) → the clerk
// on a phone (390×844) finds it from the court console by its court case number typed without brackets.
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { staffSignIn, visible } from './steps.mjs';

const CASE_NO = '（2026）苏0612民诉前调5678号';

async function refer(server) {
  const signIn = await fetch(`${server.url}/api/auth/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk1', password: 'Tiaojie2026' }),
  });
  const { accessToken } = await signIn.json();
  const r = await fetch(`${server.url}/api/cases/court-referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      referralType: 'pre_registration',
      courtCaseNumber: CASE_NO,
      causeOfAction: '装饰装修合同纠纷',
      category: 'contract',
      referredOn: '2026-03-02',
      streetCode: 'JS',
      description: '原告称被告装修时擅自拆改承重墙，致房屋开裂，要求赔偿修复费用。',
      parties: [
        { role: 'applicant', name: '柳青' },
        {
          role: 'respondent',
          name: '南通某装饰工程有限公司',
          partyType: 'organization',
          representative: '钟经理',
        },
      ],
    }),
  });
  if (r.status !== 201) throw new Error(`referral failed: ${r.status} ${await r.text()}`);
  return (await r.json()).number;
}

export async function searchJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const number = await refer(server);

  // 1. the district admin types a word of the description into the header box
  const admin = await open('admin', DESKTOP);
  await staffSignIn(admin, server, 'admin', '区级统筹');
  const box = admin.getByLabel('案件检索', { exact: true });
  await box.first().fill('承重墙');
  await box.first().press('Enter');
  const results = admin.getByLabel('检索结果');
  await visible(results.locator('mark', { hasText: '承重墙' }));
  await visible(admin.getByText('共找到 1 件'));
  await visible(results.getByText('案情'));
  await shot(admin, 'search-results-desktop');
  // a filter that excludes it empties the list
  await admin.getByPlaceholder('受理日期止').fill('2020-01-01');
  await admin.getByPlaceholder('受理日期止').press('Enter');
  await visible(admin.getByText('共找到 0 件'));
  // the filters live in the address: back is the unfiltered list
  await admin.goBack();
  await visible(admin.getByText('共找到 1 件'));
  // keyboard: ↓ from the search field to the list, Enter opens the case
  await admin.getByLabel('检索词').press('ArrowDown');
  await admin.keyboard.press('Enter');
  await visible(admin.getByText(number).first());

  // 2. the clerk on a phone finds it by the court case number without brackets
  const clerk = await open('clerk1', PHONE);
  await staffSignIn(clerk, server, 'clerk1', '法院工作台');
  // the page is no wider than the phone
  const overflow = await clerk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`court console is ${overflow}px wider than the phone`);
  await clerk.getByLabel('按法院案号查找').fill('2026苏0612民诉前调5678号');
  await clerk.getByLabel('按法院案号查找').press('Enter');
  const found = clerk.getByLabel('检索结果');
  await visible(found.getByText('法院案号'));
  await visible(found.getByText(`${CASE_NO} 装饰装修合同纠纷`));
  await shot(clerk, 'search-court-phone');
  await found.getByText(`${CASE_NO} 装饰装修合同纠纷`).click();
  await visible(clerk.getByTestId('referral-card').getByText(CASE_NO));

  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
