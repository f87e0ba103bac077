// Court console in the browser: a court clerk refers a case (委派) → the router picks the body and says why → that
// body's admin accepts it → the clerk's console shows 已签收 live. Then the body admin adds a mediator, and the clerk
// opens a court–government linkage room (府院联动) with minutes.
import { DESKTOP, PHONE, pageFactory, shot } from './harness.mjs';
import { T, menu, pickOption, staffSignIn, visible } from './steps.mjs';

/** Which demo account administers the body a referral was routed to (README demo accounts). */
const BODY_ADMINS = { 金沙街道人民调解委员会: 'js_admin', 金沙街道物业纠纷人民调解委员会: 'prop_admin' };
const CASE_NO = '（2026）苏0612民诉前调12号';

export async function courtJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);

  // 1. the clerk refers a contract dispute in 金沙街道 (委派, before registration)
  const clerk = await open('clerk1', DESKTOP);
  await staffSignIn(clerk, server, 'clerk1', '法院工作台');
  await shot(clerk, 'court-console');
  await clerk.getByRole('button', { name: '委派/委托调解' }).click();
  await visible(clerk.getByRole('heading', { name: '委派/委托调解' }));
  await clerk.getByRole('button', { name: '提交委派' }).click();
  await visible(clerk.getByText('请输入案号'));
  await clerk.getByLabel('案号').fill('(2026)苏0612民诉前调'); // half-width brackets are converted
  await visible(clerk.getByText('案号格式应如'));
  await shot(clerk, 'court-referral-validation');
  await clerk.getByLabel('案号').fill('(2026)苏0612民诉前调12号');
  await clerk.getByLabel('案由').fill('买卖合同纠纷');
  await pickOption(clerk, '纠纷类别', '合同纠纷');
  await pickOption(clerk, '纠纷发生地（街道）', '金沙街道');
  // a negative amount is refused with a message, not turned into 0
  await clerk.getByLabel('标的额（元，选填）').fill('-500');
  await clerk.getByLabel('案由').click();
  await visible(clerk.getByText('金额不能为负数'));
  await clerk.getByLabel('标的额（元，选填）').fill('52000');
  await clerk.getByLabel('承办法官（选填）').fill('王法官');
  await clerk.getByLabel('案情简介（选填）').fill('原告称被告拖欠建材货款 52000 元，经催告未付。');
  const p1 = clerk.getByTestId('party-1');
  await p1.getByLabel('姓名').fill('王五');
  await p1.getByLabel('联系电话（选填）').fill('13800000005');
  const p2 = clerk.getByTestId('party-2');
  await pickOption(clerk, p2.getByLabel('当事人类型'), '法人或其他组织');
  await p2.getByLabel('单位名称').fill('南通某建材有限公司');
  await p2.getByLabel('法定代表人或负责人').fill('赵六');
  await shot(clerk, 'court-referral-form');
  await clerk.getByRole('button', { name: '提交委派' }).click();
  await visible(clerk.getByTestId('referral-result'));
  // the court case number keeps its own brackets: never （（2026）…）
  const result = (await clerk.getByTestId('referral-result').textContent()) ?? '';
  if (!result.includes(`${CASE_NO} 买卖合同纠纷`) || /（（|））/.test(result))
    throw new Error(`referral result shows the case number wrongly: ${result}`);
  const why = await clerk.getByTestId('routing-why').textContent();
  const body = /分派至「(.+?)」/.exec(why ?? '')?.[1];
  const username = BODY_ADMINS[body];
  if (!username) throw new Error(`routed to an unexpected body: ${why}`);
  await shot(clerk, 'court-referral-routed');
  await clerk.getByRole('button', { name: '返回法院工作台' }).click();
  const row = clerk
    .getByTestId('court-referrals')
    .getByRole('row', { name: new RegExp(CASE_NO.replace(/[()（）]/g, '.')) });
  await visible(row.getByText('已分派'));
  await visible(row.getByText(body));

  // 2. the routed body's admin sees it in the queue and accepts it
  const bodyAdmin = await open(username, DESKTOP);
  await staffSignIn(bodyAdmin, server, username);
  await bodyAdmin.getByRole('cell', { name: `${CASE_NO} 买卖合同纠纷` }).click();
  await visible(bodyAdmin.getByTestId('routing-why').filter({ hasText: body }));
  await visible(bodyAdmin.getByText('南通某建材有限公司'));
  await bodyAdmin.getByRole('button', { name: '签收' }).click();
  await visible(bodyAdmin.getByRole('button', { name: '指派调解员' }));

  // 3. the clerk's console shows it accepted without a reload (case:watch), and the case page says so
  await visible(row.getByText('已签收'));
  await shot(clerk, 'court-console-accepted');
  await row.getByRole('link').first().click();
  await visible(clerk.getByText('已签收').first());
  await visible(clerk.getByText('调解室仅对承办调解组织和当事人开放'));
  const referral = clerk.getByTestId('referral-card');
  await visible(referral.getByText(CASE_NO));
  await visible(referral.getByText('委派调解').first());
  await visible(referral.getByText('王法官'));
  // the court referred it: the date is the referral's (委派日期), not an application's
  await visible(clerk.getByText('委派日期', { exact: true }));
  if (await clerk.getByText('申请时间', { exact: true }).count())
    throw new Error('referral date labelled 申请时间');
  await shot(clerk, 'court-case-page');
  await clerk.setViewportSize(PHONE.viewport);
  await visible(clerk.getByText('委派日期', { exact: true }));
  await shot(clerk, 'court-case-page-phone');
  await clerk.setViewportSize(DESKTOP.viewport);

  // 4. the body admin's mediators and their load; adding one checks the password policy
  await menu(bodyAdmin, '调解员管理');
  await visible(bodyAdmin.getByTestId('body-card').getByText(body));
  await bodyAdmin.getByRole('button', { name: '添加调解员' }).click();
  const dlg = bodyAdmin.getByRole('dialog', { name: '添加调解员' });
  await dlg.getByLabel('用户名').fill('js_mediator3');
  await dlg.getByLabel('姓名').fill('周调解');
  await dlg.getByLabel('初始密码').fill('short1');
  await dlg.getByRole('button', { name: '添加' }).click();
  await visible(dlg.getByText('密码至少 10 位'));
  await dlg.getByLabel('初始密码').fill('Mediator2026x');
  await shot(bodyAdmin, 'body-admin-add-mediator');
  await dlg.getByRole('button', { name: '添加' }).click();
  await dlg.waitFor({ state: 'hidden', timeout: T });
  await visible(bodyAdmin.getByTestId('mediators').getByRole('cell', { name: 'js_mediator3' }));
  await shot(bodyAdmin, 'body-admin-mediators');

  // 5. a linkage room (府院联动) with a government department, a message and minutes
  await menu(clerk, '府院联动');
  await clerk.getByRole('button', { name: '新建联动室' }).click();
  const create = clerk.getByRole('dialog', { name: '新建府院联动室' });
  await create.getByLabel('会议室名称').fill('劳动争议府院联动会商');
  await create.getByLabel('议题', { exact: true }).fill('劳动争议诉前化解常态化会商');
  await create.getByLabel('邀请单位（选填）').fill('人力资源'); // the list is long (virtual): search first
  await clerk
    .locator('.ant-select-dropdown:visible .ant-select-item-option[title^="通州区人力资源"]')
    .first()
    .click();
  await create.getByLabel('邀请单位（选填）').press('Escape');
  await create.getByRole('button', { name: '创建' }).click();
  await visible(clerk.getByRole('heading', { name: '劳动争议府院联动会商' }));
  await visible(clerk.getByRole('cell', { name: /通州区人力资源和社会保障局/ }).first());
  await clerk.getByLabel('输入消息').fill('请人社局介绍本季度劳动争议情况。');
  await clerk.keyboard.press('Enter');
  await visible(
    clerk.getByRole('log').locator('.tj-msg-mine:not(.tj-msg-pending)').getByText('请人社局介绍'),
  );
  await clerk.getByRole('tab', { name: '会议纪要' }).click();
  await clerk.getByLabel('记录纪要').fill('议定：每月召开一次劳动争议会商。');
  await clerk.getByRole('button', { name: '记录', exact: true }).click();
  await visible(clerk.getByText('纪要已记录'));
  await shot(clerk, 'court-linkage-room');

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [clerk, bodyAdmin]) await p.context().close();
}
