// The district admin maps a street name that an import carries but the directory lacks (金沙镇, the old township name)
// onto 金沙街道: 数据导入 lists it under 未识别的街道名称, 保存并分派 routes the waiting dispute, and it reaches the
// community committee's mediator.
import { PHONE, pageFactory, shot } from './harness.mjs';
import { menu, pickOption, staffSignIn, visible } from './steps.mjs';

const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const HEADER =
  '事件编号,上报时间,网格员,网格员电话,所属街道,所属社区,所属网格,事件大类,事件小类,事件描述,涉及人数,当事人,当事人电话,处置状态,办结时间';
const ROW =
  'WG2026B000001,2026-12-01 10:00:00,陶网格,13911110001,金沙镇,城中社区,城中社区第1网格,矛盾纠纷,邻里纠纷,两户因楼道堆放杂物发生争执。,2,严某,13911110002,处置中,';

export async function streetNamesJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const admin = await open('admin', LAPTOP);
  await staffSignIn(admin, server, 'admin', '区级统筹');
  await menu(admin, '数据导入');
  await admin.locator('input[type=file]').setInputFiles({
    name: 'grid_reports.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${HEADER}\r\n${ROW}\r\n`),
  });
  await visible(admin.getByTestId('import-result'));
  const row = admin.getByTestId('unknown-streets').getByRole('row', { name: /金沙镇/ });
  await visible(row.getByRole('cell', { name: '1', exact: true }));
  await pickOption(admin, row.getByLabel('金沙镇对应的街道'), '金沙街道');
  await shot(admin, 'street-names-desktop');
  await admin.setViewportSize(PHONE.viewport);
  await shot(admin, 'street-names-phone');
  await row.getByRole('button', { name: '保存并分派' }).click();
  await visible(admin.getByText('「金沙镇」已映射为金沙街道；1 件待分派纠纷已补全街道，其中 1 件已分派'));
  await row.waitFor({ state: 'detached' });

  const med = await open('jscz_mediator', LAPTOP);
  await staffSignIn(med, server, 'jscz_mediator');
  await visible(med.getByRole('cell', { name: /网格上报WG2026B000001/ }));

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [admin, med]) await p.context().close();
}
