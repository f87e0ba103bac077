// The way forward from a breach in the browser: a judicially confirmed agreement is breached (set up over HTTP),
// the party applies for enforcement (申请强制执行) on the phone tracker, the court clerk finds it in the console's
// 强制执行申请 tab (live) and records receipt (接收执行申请).
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { partySignIn, popconfirm, staffSignIn, visible } from './steps.mjs';
import { partyApi, staffApi as staff } from './api-steps.mjs';

const APPLICANT = '13800000061';
const RESPONDENT = '13800000062';

/** A party's HTTP client, called as `party(method, path, body)`. */
const party = async (server, phone) => (await partyApi(server, phone)).call;

/** Applied, accepted, mediated, signed, judicially confirmed, then breached. */
async function confirmedAndBreached(server) {
  const applicant = await party(server, APPLICANT);
  const created = await applicant('POST', '/cases', {
    category: 'neighbour',
    description: '邻居借款 3000 元到期未还，多次催要无果。',
    streetCode: 'JS',
    applicant: { name: '陈一' },
    respondents: [{ name: '林二', phone: RESPONDENT }],
  });
  const id = created.id;
  const admin = await staff(server, 'js_admin');
  const mediator = await staff(server, 'js_mediator');
  const clerk = await staff(server, 'clerk1');
  const v = async (call) => (await call('GET', `/cases/${id}`)).version;
  await admin.call('POST', `/cases/${id}/accept`, { version: await v(admin.call) });
  await admin.call('POST', `/cases/${id}/assign`, { version: await v(admin.call), mediatorId: mediator.id });
  await mediator.call('POST', `/cases/${id}/transitions/start_mediation`, {
    version: await v(mediator.call),
  });
  await mediator.call('POST', `/cases/${id}/agreement`, {
    version: await v(mediator.call),
    terms: ['林二于 2026 年 12 月 31 日前归还陈一借款 3000 元。'],
    performanceDueOn: '2026-12-31',
  });
  const respondent = await party(server, RESPONDENT);
  for (const [call, phone] of [
    [applicant, APPLICANT],
    [respondent, RESPONDENT],
  ]) {
    const before = server.codeCount(phone);
    await call('POST', `/cases/${id}/agreement/sign-code`);
    const code = await server.waitForCode(phone, before);
    await call('POST', `/cases/${id}/agreement/sign`, { version: await v(call), code });
  }
  for (const call of [applicant, respondent])
    await call('POST', `/cases/${id}/confirmation/apply`, { version: await v(call) });
  await clerk.call('POST', `/cases/${id}/transitions/confirm`, { version: await v(clerk.call) });
  await mediator.call('POST', `/cases/${id}/performance`, {
    version: await v(mediator.call),
    items: [{ description: '归还借款 3000 元', dueOn: '2026-12-31' }],
  });
  const [item] = await mediator.call('GET', `/cases/${id}/performance`);
  await mediator.call('POST', `/cases/${id}/performance/${item.id}`, {
    version: await v(mediator.call),
    status: 'breached',
    note: '逾期未还',
  });
  return id;
}

export async function enforcementJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const id = await confirmedAndBreached(server);

  // the clerk's console is open before the application arrives
  const clerk = await open('clerk1', DESKTOP);
  await staffSignIn(clerk, server, 'clerk1', '法院工作台');
  await clerk.getByRole('tab', { name: /强制执行申请/ }).click();
  await visible(clerk.getByText('暂无移送本院的强制执行申请'));

  // 1. the party, on the phone, applies for enforcement with a note
  const chen = await open('chen', PHONE);
  await partySignIn(chen, server, APPLICANT);
  await chen.goto(`${server.webUrl}#/cases/${id}`);
  await visible(chen.getByText('未履行'));
  await shot(chen, 'enforcement-party-breached');
  await chen.getByRole('button', { name: '申请强制执行' }).click();
  const dlg = chen.getByRole('dialog', { name: '申请强制执行' });
  await dlg.getByLabel('未履行情况及申请事项（选填）').fill('林二逾期未归还借款 3000 元，申请强制执行。');
  await shot(chen, 'enforcement-party-dialog');
  await dlg.getByRole('button', { name: '提交申请' }).click();
  await visible(chen.getByText('已申请强制执行'));
  await shot(chen, 'enforcement-party-applied');

  // 2. the clerk's console lists it without a reload; the clerk records receipt on the case page
  const row = clerk.getByTestId('court-enforcements').getByRole('row', { name: /已申请强制执行/ });
  await visible(row);
  await shot(clerk, 'enforcement-court-console');
  await row.getByRole('link').first().click();
  await clerk.getByRole('button', { name: '接收执行申请' }).click();
  await popconfirm(clerk);
  await visible(clerk.getByText('法院已接收执行申请'));
  await shot(clerk, 'enforcement-court-received');

  // 3. the party's tracker follows live
  await visible(chen.getByText('法院已接收执行申请'));
  await shot(chen, 'enforcement-party-received');

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [clerk, chen]) await p.context().close();
}
