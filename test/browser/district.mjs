// The district admin in the browser: routing rules (a contradictory edit is refused with the server's per-rule
// messages), a dry-run with its explanation, an import with progress and its error report, the dashboard and the
// annual report download, the bodies registry, and manual routing of a case waiting in the district queue.
import path from 'node:path';
import { DESKTOP, ROOT, pageFactory, shot } from './harness.mjs';
import { T, menu, pickOption, staffSignIn, visible } from './steps.mjs';

const SAMPLE = path.join(ROOT, 'libs/intake-parsers/fixtures/sample-2024');

export async function districtJourney(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);
  const admin = await open('admin', DESKTOP);
  const progress = []; // 'import:progress' frames on the admin's socket
  admin.on('websocket', (ws) =>
    ws.on('framereceived', (f) => {
      if (String(f.payload).includes('import:progress')) progress.push(String(f.payload));
    }),
  );
  await staffSignIn(admin, server, 'admin', '区级统筹');

  // 1. rules: the set as data; an impossible claim range is refused by the server, rule by rule
  await menu(admin, '分派规则');
  const rules = admin.getByTestId('rules');
  await visible(rules.getByText('属地街道人民调解委员会'));
  await shot(admin, 'district-rules');
  // rule ids are for programs: the table names rules only
  if (await rules.getByText('street-committee').count()) throw new Error('rule ids shown to staff');
  await rules
    .getByRole('row')
    .filter({ has: admin.getByText('属地街道人民调解委员会', { exact: true }) })
    .getByRole('button', { name: '编辑' })
    .click();
  const dlg = admin.getByRole('dialog', { name: /编辑分派规则/ });
  await dlg.getByLabel('标的额下限（元）').fill('1000');
  await dlg.getByLabel('标的额上限（元）').fill('10');
  await dlg.getByRole('button', { name: '确定' }).click();
  await dlg.waitFor({ state: 'hidden', timeout: T });
  await admin.getByRole('button', { name: '保存规则' }).click();
  await visible(
    admin.getByTestId('rule-errors').getByText(/［属地街道人民调解委员会］.*标的额下限 1000 大于上限 10/),
  );
  await shot(admin, 'district-rules-invalid');
  await admin.getByRole('button', { name: '放弃修改' }).click();
  await admin.getByTestId('rule-errors').waitFor({ state: 'detached', timeout: T });

  // 2. dry-run: a 600,000 yuan contract dispute in 金沙街道 escalates beyond the street committee
  const dry = admin.getByTestId('dry-run');
  await pickOption(admin, dry.getByLabel('纠纷类别', { exact: true }), '合同纠纷');
  await pickOption(admin, dry.getByLabel('街道', { exact: true }), '金沙街道');
  await dry.getByLabel('标的额（元）').fill('600000');
  await dry.getByRole('button', { name: '试分派' }).click();
  await visible(dry.getByTestId('dry-run-summary').filter({ hasText: '由街道级升级至区级' }));
  await visible(dry.getByText('该纠纷须由区级或更高层级调解组织办理'));
  await dry.getByTestId('dry-run-result').scrollIntoViewIfNeeded();
  await shot(admin, 'district-dry-run');

  // 3. import the sample 12345 and grid exports: progress over the socket, then the summary and the error report
  await menu(admin, '数据导入');
  const result = admin.getByTestId('import-result');
  for (const [file, error] of [
    ['work_orders_12345.csv', '诉求内容为空'],
    ['grid_reports.csv', '上报时间无法识别'],
  ]) {
    await admin.locator('input[type=file]').setInputFiles(path.join(SAMPLE, file));
    await visible(result.getByText(`${file} 导入完成`), 60_000);
    await visible(result.getByTestId('import-errors').getByText(error).first());
  }
  for (const file of ['work_orders_12345.csv', 'grid_reports.csv']) {
    const deadline = Date.now() + T;
    while (!progress.some((f) => f.includes(file) && f.includes('"completed"'))) {
      if (Date.now() > deadline)
        throw new Error(`no 'import:progress' completed event for ${file}: ${progress.length} frames`);
      await admin.waitForTimeout(100);
    }
  }
  await shot(admin, 'district-import-result');

  // 4. dashboard for 2024 and the annual report as a file
  await menu(admin, '统计分析');
  await pickOption(admin, '统计年度', '2024');
  await visible(admin.getByTestId('kpi-grid').getByText('776'));
  await visible(admin.getByTestId('kpi-orders').getByText('485'));
  // 法院委派/委托: the card, the chart's bars and the report text (below) state one figure
  const courtCard = Number(
    (await admin.getByTestId('kpi-court').locator('.ant-statistic-content-value').textContent())?.replace(
      /,/g,
      '',
    ),
  );
  const chart = await admin.getByTestId('chart-trend').locator('svg[role=img]').getAttribute('aria-label');
  const courtBars = /法院委派\/委托：([^；]*)/.exec(chart ?? '')?.[1] ?? '';
  const courtTotal = [...courtBars.matchAll(/\d{4}-\d{2} (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  if (!courtBars || courtTotal !== courtCard)
    throw new Error(`the 法院委派/委托 card says ${courtCard}, the chart's bars ${courtTotal}: ${courtBars}`);
  await visible(admin.getByTestId('chart-trend').locator('svg rect').first());
  await pickOption(admin, '报告年度', '2024');
  await visible(
    admin.getByTestId('annual-report').getByText(/全年共受理网格员上报信息776条.*12345热线共受理工单485件/),
  );
  await visible(
    admin.getByTestId('annual-report').getByText(`法院委派/委托案件${courtCard}件`, { exact: false }),
  );
  const [download] = await Promise.all([
    admin.waitForEvent('download', { timeout: T }),
    admin.getByRole('button', { name: '下载 XLSX' }).click(),
  ]);
  if (download.suggestedFilename() !== '2024年度矛盾纠纷多元化解工作统计.xlsx')
    throw new Error(`unexpected report file ${download.suggestedFilename()}`);
  await shot(admin, 'district-dashboard');

  // 5. bodies registry with load and mediators
  await menu(admin, '调解组织');
  await visible(admin.getByTestId('bodies').getByText('金沙街道人民调解委员会'));
  await shot(admin, 'district-bodies');

  // 6. the district queue: an imported case waiting for placement is routed by hand, with a reason
  await menu(admin, '区级统筹');
  const queue = admin.getByTestId('district-queue');
  const first = queue
    .getByRole('row')
    .filter({ has: admin.getByRole('button', { name: '人工分派' }) })
    .first();
  const number = (await first.getByRole('link').first().textContent())?.trim();
  await first.getByRole('button', { name: '人工分派' }).click();
  const route = admin.getByRole('dialog', { name: '人工分派' });
  await pickOption(admin, route.getByLabel('承办调解组织'), '金沙街道人民调解委员会');
  await route.getByLabel('分派理由').fill('网格上报纠纷，由属地街道调委会调处。');
  await shot(admin, 'district-manual-route');
  await route.getByRole('button', { name: '确认分派' }).click();
  await visible(admin.getByText(`${number} 已人工分派至 金沙街道人民调解委员会`));
  await shot(admin, 'district-queue');

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  await admin.context().close();
}
