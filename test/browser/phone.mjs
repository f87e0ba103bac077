// A party's phone: the SMS link to a case survives the one-time-code sign-in (the party lands on that case), and
// 关怀模式 (larger type, higher contrast) is switched on, applies on every page, and survives signing out; a body
// admin's workbench in 关怀模式 at 1366×900.
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { T, staffSignIn, visible } from './steps.mjs';
import { partyApi, staffApi } from './api-steps.mjs';

/** A party's case, applied over HTTP as the phone page would. */
async function applyOverHttp(server, phone) {
  const party = await partyApi(server, phone);
  return party.call('POST', '/cases', {
    category: 'neighbour',
    streetCode: 'JS',
    description: '楼上住户夜间装修噪音，多次沟通无果。',
    applicant: { name: '钱九' },
    respondents: [{ name: '吴十', phone: '13900006606' }],
  });
}

/** The username of the admin of the body the case was routed to (routing weighs load, so the body varies by run). */
async function bodyAdminOf(server, bodyId) {
  const district = await staffApi(server, 'admin');
  const staff = await district.call('GET', `/staff?orgId=${bodyId}`);
  const admin = staff.find((s) => s.role === 'body_admin' && s.active);
  if (!admin) throw new Error(`no body admin for ${bodyId}`);
  return admin.username;
}

const bodyFontPx = (page) =>
  page.evaluate(() =>
    parseFloat(getComputedStyle(document.querySelector('.ant-typography, p, label')).fontSize),
  );

export async function phoneJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const phone = '13800006606';
  const c = await applyOverHttp(server, phone);

  // the SMS link, opened on a phone with no session: sign in with a code, land on that case
  const party = await open('钱九', PHONE);
  await party.goto(`${server.webUrl}/#/cases/${c.id}`);
  await visible(party.getByRole('tab', { name: '当事人登录' }));
  await party.getByRole('button', { name: '关怀模式' }).click();
  await party.waitForFunction(() => document.documentElement.dataset.care === 'on');
  await shot(party, 'care-sign-in-phone');
  await party.getByLabel('手机号').fill(phone);
  const before = server.codeCount(phone);
  await party.getByRole('button', { name: '获取验证码' }).click();
  await party.getByLabel('验证码').fill(await server.waitForCode(phone, before));
  await party.getByRole('button', { name: '登录', exact: true }).click();
  await visible(party.getByTestId('status-label'));
  if (!party.url().endsWith(`#/cases/${c.id}`)) throw new Error(`after sign-in at ${party.url()}`);
  await visible(party.getByText(`案件编号 ${c.number}`, { exact: false }));
  const px = await bodyFontPx(party);
  if (px < 18) throw new Error(`关怀模式 body type is ${px}px, expected ≥ 18px`);
  await shot(party, 'care-tracker-phone');

  // signing out keeps 关怀模式 (it belongs to the phone, not the account)
  await party.getByRole('button', { name: '退出登录' }).click();
  await visible(party.getByRole('tab', { name: '当事人登录' }));
  if (!(await party.evaluate(() => document.documentElement.dataset.care === 'on')))
    throw new Error('关怀模式 was lost on sign-out');
  await party.getByRole('button', { name: '关怀模式' }).click();
  await party.waitForFunction(() => !document.documentElement.dataset.care, null, { timeout: T });

  // a body admin in 关怀模式 on a desktop: the workbench of the case
  if (!c.bodyId) throw new Error(`case ${c.number} was not routed`);
  const adminName = await bodyAdminOf(server, c.bodyId);
  const admin = await open(`${adminName}-care`, DESKTOP);
  await staffSignIn(admin, server, adminName);
  await admin.getByRole('button', { name: '关怀模式' }).click();
  await admin.goto(`${server.webUrl}/#/work/${c.id}`);
  await visible(admin.getByRole('button', { name: '签收' }));
  await shot(admin, 'care-workbench-desktop');

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
}
