// Live lists in the browser: the district's 区级统筹 queue and the court console change without a reload when
// other actors act (a grid worker registers on a phone, a body admin accepts, a judge refers); a 12345 operator
// registering the same dispute is told, in Chinese, that it was merged; the case page lists both intake records.
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { pickOption, staffSignIn, visible } from './steps.mjs';

const CASE_NO = '（2026）苏0612民诉前调301号';

/** Marks the page; `notReloaded` fails if it was reloaded since (a reload would clear the mark). */
const mark = (page) => page.evaluate(() => (window.__tjLive = true));
async function notReloaded(page, who) {
  if (!(await page.evaluate(() => window.__tjLive === true)))
    throw new Error(`${who}: the page was reloaded`);
}

/** Another actor over HTTP, as a second screen would act. */
async function actor(server, username) {
  const call = async (method, path, body, token) => {
    const r = await fetch(`${server.url}/api${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const { accessToken } = await call('POST', '/auth/staff/sign-in', { username, password: 'Tiaojie2026' });
  return {
    get: (p) => call('GET', p, undefined, accessToken),
    post: (p, b) => call('POST', p, b, accessToken),
  };
}

/** Fills the 纠纷登记 form with the 王五/赵六 dispute and submits it; answers the result element. */
async function registerDispute(page, server) {
  await page.goto(`${server.webUrl}#/register`);
  await visible(page.getByRole('heading', { name: '纠纷登记' }));
  await pickOption(page, '纠纷类别', '邻里');
  await pickOption(page, '纠纷发生地（街道）', '金沙街道');
  await page.getByLabel('详细地址（选填）').fill('金沙街道人民路18号');
  await page.getByLabel('纠纷情况').fill('王五家装修拆墙导致赵六家墙体开裂，双方多次争吵，要求调解。');
  const p1 = page.getByTestId('party-1');
  await p1.getByLabel('姓名').fill('王五');
  await p1.getByLabel('联系电话（选填）').fill('13800000055');
  const p2 = page.getByTestId('party-2');
  await p2.getByLabel('姓名').fill('赵六');
  await p2.getByLabel('联系电话（选填）').fill('13800000066');
  await page.getByRole('button', { name: '提交登记' }).click();
  const result = page.getByTestId('register-result');
  await visible(result);
  return result;
}

export async function liveListsJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);

  // the district's queue (every open case) and the court console are open and are never reloaded
  const district = await open('admin', DESKTOP);
  await staffSignIn(district, server, 'admin', '区级统筹');
  await district.locator('.ant-segmented').getByText('办理中', { exact: true }).click();
  await mark(district);
  const clerk = await open('clerk1', DESKTOP);
  await staffSignIn(clerk, server, 'clerk1', '法院工作台');
  await mark(clerk);

  // 1. a grid worker registers a dispute on a phone: a new case, routed
  const grid = await open('grid1', PHONE);
  await staffSignIn(grid, server, 'grid1');
  const created = await registerDispute(grid, server);
  await visible(created.getByText('登记成功'));
  const number = /TZ\d{4}-\d+/.exec((await created.textContent()) ?? '')?.[0];
  if (!number) throw new Error('no case number in the registration result');
  await shot(grid, 'register-created-phone');

  // the district queue shows it, then its acceptance by the body, without a reload
  const row = district.getByTestId('district-queue').getByRole('row', { name: new RegExp(number) });
  await visible(row.getByText('已分派'));
  const js = await actor(server, 'js_admin');
  const [item] = (await js.get('/cases/queue?open=true&limit=500')).filter((c) => c.number === number);
  if (!item) throw new Error(`${number} is not in 金沙街道人民调解委员会's queue`);
  await js.post(`/cases/${item.id}/accept`, { version: item.version });
  await visible(row.getByText('已签收'));
  await shot(district, 'district-queue-live');

  // 2. the same dispute through 12345: merged into the open case, and the operator is told so in Chinese
  const hotline = await open('hotline1', PHONE);
  await staffSignIn(hotline, server, 'hotline1');
  const merged = await registerDispute(hotline, server);
  await visible(merged.getByText('已并入现有案件'));
  await visible(merged.getByText(number, { exact: false }));
  await shot(hotline, 'register-merged-phone');

  // the district's case page lists both intake records, each with its channel in Chinese
  // the queue refetches on every change: a click that lands while the rows are replaced is lost, so click again
  const intakes = district.getByTestId('case-intakes');
  for (let attempt = 0; ; attempt++) {
    await row.getByText(number).click();
    const opened = await intakes
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) break;
    if (attempt >= 2) throw new Error(`the case page of ${number} did not open from the district queue`);
  }
  await visible(intakes.getByText('受理记录（2）'));
  await visible(intakes.getByText('网格上报'));
  await visible(intakes.getByText('12345 工单'));
  await shot(district, 'case-intakes');

  // 3. a judge of the same court refers a case: the clerk's console shows it, then its acceptance, live
  const judge = await actor(server, 'judge1');
  const referral = await judge.post('/cases/court-referrals', {
    referralType: 'pre_registration',
    courtCaseNumber: CASE_NO,
    causeOfAction: '买卖合同纠纷',
    category: 'contract',
    referredOn: '2026-11-20',
    streetCode: 'JS',
    parties: [
      { role: 'applicant', name: '钱七', phone: '13800000077' },
      { role: 'respondent', name: '孙八', phone: '13800000088' },
    ],
  });
  const referred = clerk
    .getByTestId('court-referrals')
    .getByRole('row', { name: new RegExp(CASE_NO.replace(/[()（）]/g, '.')) });
  await visible(referred.getByText('已分派'));
  const bodyAdmin = referral.bodyId === item.bodyId ? js : null;
  if (!bodyAdmin) throw new Error(`the referral went to another body (${referral.bodyId})`);
  await bodyAdmin.post(`/cases/${referral.id}/accept`, { version: referral.version });
  await visible(referred.getByText('已签收'));
  await shot(clerk, 'court-console-live');

  await notReloaded(district, 'district');
  await notReloaded(clerk, 'clerk');
  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [district, clerk, grid, hotline]) await p.context().close();
}
