// README "你的第一个案件 / Your first case", exactly as a newcomer walks it: 张三 applies on a phone for a 邻里纠纷 in
// 金沙街道/城中社区 → it is routed to 金沙街道城中社区人民调解委员会, whose mediator jscz_mediator (signed in beforehand)
// sees it arrive live and accepts it → joint and back-to-back rooms → agreement drafted → 张三 and 李四 sign → 张三's
// tracker shows every step. No administrator steps in. Then a court referral in 先锋街道 accepted by xf_mediator.
import { PHONE, pageFactory, shot } from './harness.mjs';
import { T, partySignIn, pickOption, staffSignIn, statusIs, visible } from './steps.mjs';

const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const BODY = '金沙街道城中社区人民调解委员会';
const TITLE = '张三与李四纠纷';
const CLAUSE = '李四于 2026 年 12 月 20 日前清理楼道杂物，今后不再堆放。';

/** A message typed and sent in the room on screen; resolves once the sender's own copy is confirmed. */
async function say(page, text) {
  const input = page.getByLabel('输入消息').filter({ visible: true }); // the open tab's room
  await input.fill(text);
  await input.press('Enter');
  await visible(page.getByRole('log').locator('.tj-msg-mine:not(.tj-msg-pending)').getByText(text));
}

/**
 * Confirms the open Popconfirm until `done` shows. A click landing while the popover zooms in can be swallowed, and the
 * popover may close late on a loaded machine: confirm again only while it is still open and not yet sending.
 */
async function confirmUntil(page, done) {
  const button = page.locator('.ant-popconfirm:visible').getByRole('button', { name: '确认' });
  await button.click();
  const until = Date.now() + T;
  while (!(await done.first().isVisible())) {
    if (Date.now() > until) throw new Error(`not confirmed: ${done}`);
    await done
      .first()
      .waitFor({ state: 'visible', timeout: 3000 })
      .catch(async () => {
        if (await button.isVisible()) await button.click({ timeout: 2000 }).catch(() => undefined);
      });
  }
}

/** Signs the agreement on a party's phone: read it, agree, SMS code, confirm; waits for the server's answer. */
async function sign(page, server, phone) {
  await page.getByRole('button', { name: '查看并签署调解协议' }).click();
  await visible(page.getByRole('heading', { name: '签署调解协议' }));
  await visible(page.getByText(CLAUSE));
  await page.getByLabel('我已阅读并同意上述调解协议的全部内容').check();
  const before = server.codeCount(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('短信验证码').fill(await server.waitForCode(phone, before));
  await page.getByRole('button', { name: '确认签署' }).click();
  await visible(page.getByText('签署成功'));
}

export async function firstCaseJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);

  // the mediator of the body the case will reach is already at work: an empty queue
  const med = await open('jscz_mediator', LAPTOP);
  await staffSignIn(med, server, 'jscz_mediator');
  await visible(med.getByText('暂无待办案件'));

  // 1. 张三 applies on his phone
  const zhang = await open('张三', PHONE);
  await partySignIn(zhang, server, '13800000001');
  await zhang.getByRole('button', { name: '申请调解' }).first().click();
  await visible(zhang.getByRole('heading', { name: '申请调解' }));
  await pickOption(zhang, '纠纷类别', '邻里');
  await pickOption(zhang, '所属街道', '金沙街道');
  await pickOption(zhang, '所属社区（选填）', '城中社区');
  await zhang.getByRole('button', { name: '下一步' }).click();
  await zhang.getByLabel('申请人姓名').fill('张三');
  await zhang.getByLabel('姓名或单位名称').fill('李四');
  await zhang.getByLabel('联系电话（选填）').fill('13800000002');
  await zhang.getByRole('button', { name: '下一步' }).click();
  await zhang
    .getByLabel('纠纷简要情况')
    .fill('对门邻居李四长期在楼道堆放杂物，影响通行和消防安全，多次沟通无果。');
  await shot(zhang, 'first-case-apply');
  await zhang.getByRole('button', { name: '提交申请' }).click();
  await statusIs(zhang, '已分派');
  await visible(zhang.getByText(BODY));
  await shot(zhang, 'first-case-party-routed');

  // 2. the case appears in the mediator's queue without a reload; the mediator accepts it and so takes it on
  await visible(med.getByRole('cell', { name: TITLE }));
  await shot(med, 'first-case-mediator-queue');
  await med.getByRole('cell', { name: TITLE }).click();
  await visible(med.getByTestId('routing-why').filter({ hasText: BODY }));
  await med.getByRole('button', { name: '签收' }).click();
  await visible(med.getByRole('button', { name: '开始调解' }));
  await statusIs(zhang, '已签收');
  await med.getByRole('button', { name: '开始调解' }).click();
  await confirmUntil(med, med.getByTestId('mode-switch'));
  await statusIs(zhang, '调解中');
  await shot(zhang, 'first-case-party-in-mediation');

  // 3. joint room (面对面): each side sees the other's messages live
  await zhang.getByRole('button', { name: '进入联合调解室（面对面）' }).click();
  await visible(zhang.getByRole('log'));
  await say(zhang, '您好，我是张三，楼道里的杂物已经堆了半年。');
  await visible(med.getByRole('log').getByText('楼道里的杂物已经堆了半年'));
  await say(med, '张三您好，我是本案调解员，我们先听听双方的意见。');
  await visible(zhang.getByRole('log').getByText('我们先听听双方的意见'));
  await shot(zhang, 'first-case-joint-room');

  // 4. back-to-back (背对背): 张三 speaks privately to the mediator, then back to face to face
  await med.getByTestId('mode-switch').getByText('背对背').click();
  await visible(zhang.getByTestId('room-mode').filter({ hasText: '背对背调解' }));
  await zhang.getByRole('button', { name: '去背对背调解室' }).click();
  await say(zhang, '只要他清理干净，我不要求赔偿。');
  await med.getByRole('tab', { name: '背对背·张三' }).click();
  await visible(med.getByRole('log').getByText('只要他清理干净，我不要求赔偿。'));
  await say(med, '好的，我去和李四沟通。');
  await visible(zhang.getByRole('log').getByText('好的，我去和李四沟通。'));
  await shot(med, 'first-case-caucus-room');
  // the page's refetch of the case held back, as on a busy machine: the draft below, sent before it returns, must carry
  // the version the mode switch answered with, not the one the switch replaced (409 案件已被他人更新)
  const caseRead = /\/api\/cases\/[0-9a-f-]{36}$/;
  const slowRead = async (route) => {
    if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1500));
    await route.fallback();
  };
  await med.route(caseRead, slowRead);
  await med.getByTestId('mode-switch').getByText('面对面').click();
  await visible(zhang.getByTestId('room-mode').filter({ hasText: '面对面' }));

  // 5. the mediator drafts the agreement
  await med.getByRole('button', { name: '起草调解协议' }).click();
  const dlg = med.getByRole('dialog', { name: '起草调解协议' });
  await dlg.getByLabel('第 1 条条款内容').fill(CLAUSE);
  await dlg.getByRole('button', { name: '提交协议并通知当事人签署' }).click();
  await dlg.waitFor({ state: 'hidden', timeout: T });
  await med.unroute(caseRead, slowRead);
  await visible(med.getByTestId('agreement'));

  // 6. both parties sign on their phones
  await zhang.getByRole('button', { name: '‹ 返回案件进度' }).click();
  await statusIs(zhang, '协议待签署');
  await sign(zhang, server, '13800000001');
  await statusIs(zhang, '协议待签署');
  const li = await open('李四', PHONE);
  await partySignIn(li, server, '13800000002');
  await li.getByTestId('case-card').filter({ hasText: TITLE }).first().click();
  await statusIs(li, '协议待签署');
  await sign(li, server, '13800000002');
  await statusIs(li, '达成协议');

  // 7. 张三's tracker, updated live, shows the agreement and every step on the way
  await statusIs(zhang, '达成协议');
  const record = zhang.locator('.ant-card').filter({ has: zhang.getByText('办理记录', { exact: true }) });
  const steps = ['受理', '分派', '签收', '开始调解', '切换调解方式', '起草调解协议', '签署协议', '协议生效'];
  for (const label of steps) await visible(record.getByText(label, { exact: true }));
  await visible(record.getByText(`分派至「${BODY}」`, { exact: false }));
  await shot(zhang, 'first-case-party-agreement');
  await med.reload();
  await visible(med.getByText('各方当事人均已签名'));
  await shot(med, 'first-case-mediator-agreement');
  await med.setViewportSize(PHONE.viewport); // the mediator's case page on a phone
  await shot(med, 'first-case-mediator-phone');

  // 8. a court referral (委派) in 先锋街道 reaches 先锋街道人民调解委员会, whose mediator accepts it
  const xf = await open('xf_mediator', LAPTOP);
  await staffSignIn(xf, server, 'xf_mediator');
  const clerk = await open('clerk1', LAPTOP);
  await staffSignIn(clerk, server, 'clerk1', '法院工作台');
  await clerk.getByRole('button', { name: '委派/委托调解' }).click();
  await visible(clerk.getByRole('heading', { name: '委派/委托调解' }));
  await clerk.getByLabel('案号').fill('（2026）苏0612民诉前调31号');
  await clerk.getByLabel('案由').fill('买卖合同纠纷');
  await pickOption(clerk, '纠纷类别', '合同纠纷');
  await pickOption(clerk, '纠纷发生地（街道）', '先锋街道');
  // parties of its own: a phone shared with court.mjs's referral would make that one a repeated dispute (escalated)
  const p1 = clerk.getByTestId('party-1');
  await p1.getByLabel('姓名').fill('孙七');
  await p1.getByLabel('联系电话（选填）').fill('13800000007');
  await clerk.getByTestId('party-2').getByLabel('姓名').fill('周八');
  await clerk.getByRole('button', { name: '提交委派' }).click();
  await visible(clerk.getByTestId('routing-why').filter({ hasText: '先锋街道人民调解委员会' }));
  await clerk.getByRole('button', { name: '返回法院工作台' }).click();
  const row = clerk.getByTestId('court-referrals').getByRole('row', { name: /苏0612民诉前调31号/ });
  await visible(row.getByText('已分派'));
  const cell = xf.getByRole('cell', { name: '（2026）苏0612民诉前调31号 买卖合同纠纷' });
  await visible(cell);
  await cell.click();
  await xf.getByRole('button', { name: '签收' }).click();
  await visible(xf.getByRole('button', { name: '开始调解' }));
  await shot(xf, 'first-case-court-referral-accepted');
  await visible(row.getByText('已签收')); // on the clerk's console without a reload

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [zhang, li, med, xf, clerk]) await p.context().close();
}
