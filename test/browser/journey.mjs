// The browser journeys, one server and one browser for all of them:
// 1. party applies on a phone → body admin accepts and assigns the mediator → mediator starts mediation, chats live
//    (the party's connection drops and recovers), switches back-to-back and back, drafts an agreement → both parties
//    sign on phones → the tracker shows 达成协议;
// 1b. (first-case.mjs) the README's "你的第一个案件" with no administrator, and a court referral to a mediator's acceptance;
// 2. (court.mjs) a court clerk refers a case → the routed body's admin accepts → the clerk sees 已签收; linkage room;
// 3. (enforcement.mjs) a breached, judicially confirmed agreement: the party applies for enforcement, the court receives it;
// 4. (district.mjs) the district admin: rules with validation errors and a dry-run, import, dashboard, manual routing;
// 5. (live-lists.mjs) the district queue and the court console change live as others act; a repeat registration merges;
// 6. (street-names.mjs) the district admin maps a street name an import carries onto a street; the dispute is routed;
// 7. (search.mjs) case search: by a word of the description from the header, by a court case number on the court console;
// 8. (phone.mjs) an SMS deep link through the code sign-in; 关怀模式 on a phone and on a desktop workbench.
// 9. (call.mjs) video mediation: two then three peers with fake media, caucus and back, an outsider refused, recording.
// Run: node test/browser/journey.mjs   (SKIP_BUILD=1 reuses the last build; ONLY=court runs one scenario)
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, build, clearShots, launchBrowser, pageFactory, shot, startApp } from './harness.mjs';
import {
  T,
  partySignIn,
  pickOption,
  popconfirm,
  signAgreement,
  staffSignIn,
  statusIs,
  userId,
  visible,
} from './steps.mjs';
import { courtJourney } from './court.mjs';
import { enforcementJourney } from './enforcement.mjs';
import { firstCaseJourney } from './first-case.mjs';
import { streetNamesJourney } from './street-names.mjs';
import { districtJourney } from './district.mjs';
import { liveListsJourney } from './live-lists.mjs';
import { screensJourney } from './screens.mjs';
import { searchJourney } from './search.mjs';
import { checkScriptBudget } from './script-budget.mjs';
import { phoneJourney } from './phone.mjs';
import { callJourney } from './call.mjs';
import { a11ySummary } from './a11y.mjs';

/** After a failure: what each page shows of its rooms (pending sends, join errors, offline banners) and the server's warnings. */
async function diagnose(browser, server, name) {
  for (const [i, ctx] of browser.contexts().entries()) {
    for (const page of ctx.pages()) {
      const state = await page
        .evaluate(() => ({
          url: location.pathname,
          pending: [...document.querySelectorAll('[data-pending="true"]')].map((e) =>
            e.textContent?.slice(0, 60),
          ),
          alerts: [...document.querySelectorAll('.ant-alert, [data-testid="offline-banner"]')].map((e) =>
            e.textContent?.slice(0, 120),
          ),
          seqs: [...document.querySelectorAll('[data-seq]')].map((e) => e.getAttribute('data-seq')).join(','),
        }))
        .catch((e) => ({ error: String(e) }));
      console.error(`[page ${name}-${i}] ${JSON.stringify(state)}`);
    }
  }
  const file = path.join(process.cwd(), 'test-artifacts', `server-${name}.log`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, server.log.join('\n'));
  const warnings = server.log.filter((l) => /"level":(4|5|6)\d/.test(l)).slice(-15);
  console.error(`[server log] ${file}; last warnings:\n${warnings.join('\n')}`);
}

async function journey(browser, server) {
  const errors = [];
  const open = pageFactory(browser, errors);

  // 1. party 张三 on a phone: sign in with an SMS code, apply
  const zhang = await open('张三', PHONE);
  // lets the test cut 张三's socket later, as a dropped mobile connection would
  // and lose one frame on the way to him (net.drop: the next server frame it matches is not delivered)
  const net = { offline: false, sockets: [], drop: null };
  await zhang.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (net.offline) {
      void ws.close();
      return;
    }
    const server = ws.connectToServer();
    const debug = process.env.DEBUG_WS === '1';
    ws.onMessage((m) => {
      if (debug) console.log(`[ws 张三 →] ${String(m).slice(0, 200)}`);
      server.send(m);
    });
    server.onMessage((m) => {
      if (debug) console.log(`[ws 张三 ←] ${String(m).slice(0, 200)}`);
      if (net.drop && net.drop(String(m))) {
        net.drop = null;
        return;
      }
      ws.send(m);
    });
    net.sockets.push({ page: ws, server });
  });
  await zhang.goto(server.webUrl);
  await visible(zhang.getByRole('tab', { name: '当事人登录' }));
  await shot(zhang, 'login-phone');
  await partySignIn(zhang, server, '13800000001');
  await visible(zhang.getByText('您还没有纠纷案件'));
  await shot(zhang, 'party-my-cases-empty');

  // the body admin's queue is open (empty) while the party applies: the new case arrives live
  const admin = await open('prop_admin', DESKTOP);
  await staffSignIn(admin, server, 'prop_admin');
  await visible(admin.getByText('暂无待办案件'));
  await shot(admin, 'staff-queue-empty');

  await zhang.getByRole('button', { name: '申请调解' }).first().click();
  await visible(zhang.getByRole('heading', { name: '申请调解' }));
  await zhang.getByRole('button', { name: '下一步' }).click();
  await visible(zhang.getByText('请选择纠纷类别'));
  await shot(zhang, 'party-apply-validation');
  await pickOption(zhang, '纠纷类别', '物业'); // label is 物业纠纷 or 物业, as the directory names it
  await visible(zhang.getByText('物业服务质量、物业费'));
  await pickOption(zhang, '所属街道', '金沙街道');
  await pickOption(zhang, '所属社区（选填）', '城中社区');
  await zhang.getByLabel('详细地址（选填）').fill('城中社区 3 栋');
  await shot(zhang, 'party-apply-step1');
  await zhang.getByRole('button', { name: '下一步' }).click();
  // the signed-in party's name is already there
  const prefilled = await zhang.getByLabel('申请人姓名').inputValue();
  if (prefilled !== '张三') throw new Error(`applicant name not pre-filled: ${JSON.stringify(prefilled)}`);
  await zhang.getByLabel('申请人姓名').fill('张三');
  await zhang.getByLabel('身份证号（选填）').fill('320612199001011232');
  await zhang.getByLabel('姓名或单位名称').fill('李四');
  await zhang.getByLabel('联系电话（选填）').fill('13800000002');
  await shot(zhang, 'party-apply-step2');
  await zhang.getByRole('button', { name: '下一步' }).click();
  await zhang.getByLabel('纠纷简要情况').fill('物业公司长期不修电梯，业主多次反映无果，要求退还部分物业费。');
  await zhang.getByLabel('请求金额（元，选填）').fill('3600');
  await shot(zhang, 'party-apply-step3');
  await zhang.getByRole('button', { name: '提交申请' }).click();
  await statusIs(zhang, '已分派');
  await shot(zhang, 'party-tracker-routed');

  // 2. body admin accepts (desktop); the queue row appeared without a reload ('queue:updated')
  await visible(admin.getByRole('cell', { name: '张三与李四纠纷' }));
  await shot(admin, 'staff-queue');
  await admin.getByRole('cell', { name: '张三与李四纠纷' }).click();
  await visible(admin.getByTestId('routing-why').filter({ hasText: '物业纠纷' }));
  await visible(admin.getByText('3206**********1232'));
  // 账号: 张三 has signed in; 李四's demo account exists but was never used; no internal fields for staff
  await visible(
    admin.getByRole('row', { name: /张三/ }).getByTestId('party-account').filter({ hasText: '最近登录' }),
  );
  await visible(
    admin.getByRole('row', { name: /李四/ }).getByTestId('party-account').filter({ hasText: '已开通' }),
  );
  if (await admin.getByText('版本', { exact: true }).count())
    throw new Error('the case version is shown to staff');
  await shot(admin, 'staff-case-routed');
  await admin.getByRole('button', { name: '签收' }).click();
  await visible(admin.getByRole('button', { name: '指派调解员' }));
  await statusIs(zhang, '已签收'); // live on the party's tracker, no reload

  // 3. the body admin assigns 钱调解 (from the body's ranked mediators, or by id on an api without that list)
  await admin.getByRole('button', { name: '指派调解员' }).click();
  const assign = admin.getByRole('dialog', { name: '指派调解员' });
  const picker = assign.getByLabel('调解员', { exact: true });
  const byId = assign.getByLabel('调解员编号');
  await visible(picker.or(byId));
  if (await picker.count()) {
    await pickOption(admin, picker, '钱调解');
  } else {
    await byId.fill(await userId(server, 'prop_mediator'));
  }
  await shot(admin, 'staff-assign-mediator');
  await assign.getByRole('button', { name: '确认指派' }).click();
  await visible(admin.getByText('指派调解员：操作成功'));
  await assign.waitFor({ state: 'hidden', timeout: T });

  // mediator starts mediation
  const med = await open('prop_mediator', DESKTOP);
  await staffSignIn(med, server, 'prop_mediator');
  await med.getByRole('cell', { name: '张三与李四纠纷' }).click();
  await visible(med.getByRole('button', { name: '开始调解' }));
  await popconfirm(med, '确认', { trigger: med.getByRole('button', { name: '开始调解' }) });
  await visible(med.getByTestId('mode-switch'));
  await statusIs(zhang, '调解中');
  // a month to go is information, not a warning
  await visible(zhang.locator('[data-testid="deadline"][data-urgency="ok"].ant-alert-info'));
  await shot(zhang, 'party-tracker-in-mediation');

  // 4. joint room: messages appear live on the other side
  await zhang.getByRole('button', { name: '进入联合调解室（面对面）' }).click();
  await visible(zhang.getByRole('log'));
  // a phone has no Enter/Shift+Enter to speak of
  const placeholder = await zhang.getByLabel('输入消息').getAttribute('placeholder');
  if (/Enter|Shift/.test(placeholder ?? '')) throw new Error(`keyboard hint on a phone: ${placeholder}`);
  await zhang.getByLabel('输入消息').fill('您好，我是申请人张三。');
  await zhang.keyboard.press('Enter');
  await visible(med.getByRole('log').getByText('您好，我是申请人张三。'));
  await med.getByLabel('输入消息').first().fill('张三您好，我是调解员钱调解，我们开始调解。');
  await med.getByRole('button', { name: '发送' }).first().click();
  await visible(zhang.getByRole('log').getByText('我们开始调解'));
  // a broadcast lost on the way (the socket stays up): the next message shows the hole, the room fills it
  let dropped = false;
  net.drop = (frame) =>
    frame.includes('message:new') && frame.includes('这条消息在路上丢失了') ? (dropped = true) : false;
  await med.getByLabel('输入消息').first().fill('这条消息在路上丢失了');
  await med.keyboard.press('Enter');
  await visible(med.getByRole('log').getByText('这条消息在路上丢失了'));
  await med.getByLabel('输入消息').first().fill('这一条正常送达');
  await med.keyboard.press('Enter');
  await visible(zhang.getByRole('log').getByText('这一条正常送达'));
  if (!dropped) throw new Error('the test did not drop the broadcast it meant to drop');
  await visible(zhang.getByRole('log').getByText('这条消息在路上丢失了'));
  await shot(zhang, 'party-joint-room');
  await shot(med, 'staff-workbench-joint-room');

  // 4b. 张三's connection drops: what he types waits locally and is delivered after reconnecting
  net.offline = true;
  await zhang.context().setOffline(true);
  for (const s of net.sockets.splice(0)) {
    await s.page.close().catch(() => undefined);
    await s.server.close().catch(() => undefined);
  }
  await visible(zhang.getByTestId('offline-banner'));
  await med.getByLabel('输入消息').first().fill('请问维修电梯的具体诉求是什么？');
  await med.keyboard.press('Enter');
  await zhang.getByLabel('输入消息').fill('断线期间输入的消息');
  await zhang.keyboard.press('Enter');
  await visible(zhang.locator('[data-pending="true"]').getByText('断线期间输入的消息'));
  await shot(zhang, 'party-room-offline');
  net.offline = false;
  await zhang.context().setOffline(false);
  await zhang.getByTestId('offline-banner').waitFor({ state: 'hidden', timeout: T });
  await visible(zhang.getByRole('log').getByText('请问维修电梯的具体诉求是什么？')); // missed while away, replayed on re-join
  await visible(med.getByRole('log').getByText('断线期间输入的消息')); // resent after reconnect
  await zhang.locator('[data-pending="true"]').waitFor({ state: 'detached', timeout: T });
  const seqs = await zhang
    .getByRole('log')
    .locator('[data-seq]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
  if (new Set(seqs).size !== seqs.length || seqs.some((v, i) => i > 0 && v <= seqs[i - 1]))
    throw new Error(`messages not unique/ordered by seq: ${seqs}`);
  const sent = await med.getByRole('log').getByText('断线期间输入的消息').count();
  if (sent !== 1) throw new Error(`resent message shown ${sent} times on the mediator's side`);

  // 5. back-to-back and back
  await med.getByTestId('mode-switch').getByText('背对背').click();
  await visible(zhang.getByTestId('room-mode').filter({ hasText: '背对背调解' }));
  await visible(zhang.getByTestId('caucus-notice'));
  // the line in the room says which mode, and the input stays on the 844 px screen under the notice
  await visible(zhang.getByRole('log').getByText(/已切换为背对背调解（与各方当事人分别单独沟通/));
  const input = await zhang.getByLabel('输入消息').boundingBox();
  if (!input || input.y + input.height > 844)
    throw new Error(`message input below the fold: ${JSON.stringify(input)}`);
  await shot(zhang, 'party-joint-room-paused');
  await zhang.getByRole('button', { name: '去背对背调解室' }).click();
  await zhang.getByLabel('输入消息').fill('私下说，我可以接受退一半。');
  await zhang.keyboard.press('Enter');
  await visible(zhang.getByRole('log').locator('.tj-msg-mine:not(.tj-msg-pending)').getByText('私下说'));
  await med.getByRole('tab', { name: '背对背·张三' }).click();
  await visible(med.getByRole('log').getByText('私下说，我可以接受退一半。'));
  await shot(med, 'staff-caucus-room');
  await med.getByTestId('mode-switch').getByText('面对面').click();
  await visible(zhang.getByTestId('room-mode').filter({ hasText: '面对面' }));

  // 6. agreement drafted
  await med.getByRole('button', { name: '起草调解协议' }).click();
  const dlg = med.getByRole('dialog', { name: '起草调解协议' });
  await dlg.getByLabel('第 1 条条款内容').fill('物业公司于 2026 年 12 月 31 日前修复电梯。');
  await dlg.getByRole('button', { name: '添加条款' }).click();
  await dlg.getByLabel('第 2 条条款内容').fill('物业公司退还张三物业费 1800 元。');
  await dlg.getByLabel('履行期限（选填）').click();
  await dlg.getByLabel('履行期限（选填）').fill('2026-12-31');
  await med.locator('.ant-picker-dropdown:visible td[title="2026-12-31"]').click();
  await shot(med, 'staff-agreement-editor');
  await dlg.getByRole('button', { name: '提交协议并通知当事人签署' }).click();
  await dlg.waitFor({ state: 'hidden', timeout: T });
  await visible(med.getByTestId('agreement'));

  // 6b. 张三's access token stops being valid (expired, or signed by a restarted server): the app rotates the pair
  const before = await zhang.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('tj.session'));
    localStorage.setItem('tj.session', JSON.stringify({ ...s, accessToken: `${s.accessToken}x` }));
    return s.refreshToken;
  });
  await zhang.reload();
  await visible(zhang.getByRole('log'));
  const after = await zhang.evaluate(
    () => JSON.parse(localStorage.getItem('tj.session') ?? 'null')?.refreshToken,
  );
  if (!after || after === before) throw new Error('the token pair was not rotated after a 401');

  // 7. both parties sign on their phones (the tracker below updates over the re-authenticated socket)
  await zhang.getByRole('button', { name: '‹ 返回案件进度' }).click();
  await statusIs(zhang, '协议待签署');
  const zhangSign = await signAgreement(zhang, server, '13800000001');
  await shot(zhang, 'party-sign-agreement');
  await zhangSign.click();
  await statusIs(zhang, '协议待签署');
  // signed: told whom the agreement waits for, not asked to sign again
  await visible(zhang.getByText('您已签名，等待李四签名'));
  if (await zhang.getByRole('button', { name: '查看并签署调解协议' }).count())
    throw new Error('a party who signed is asked to sign again');
  await visible(zhang.getByTestId('agreement').getByText(/已签名/));
  await shot(zhang, 'party-tracker-signed');
  await zhang.goto(`${zhang.url()}/sign`); // the tracker is #/cases/<id>; its sign page, opened again
  await visible(zhang.getByTestId('signed-notice').filter({ hasText: '您已签名' }));
  if (await zhang.getByRole('button', { name: '确认签署' }).count())
    throw new Error('signing form shown again');
  await shot(zhang, 'party-sign-page-signed');
  await zhang.getByRole('button', { name: '‹ 返回案件进度' }).click();
  await statusIs(zhang, '协议待签署');

  const li = await open('李四', PHONE);
  await partySignIn(li, server, '13800000002');
  await li.getByTestId('case-card').first().click();
  await statusIs(li, '协议待签署');
  await visible(li.getByText('138****0001').or(li.getByText('张三（申请人）')));
  const liSign = await signAgreement(li, server, '13800000002');
  await liSign.click();
  await statusIs(li, '达成协议');

  // 8. the applicant's tracker shows the agreement (live)
  await statusIs(zhang, '达成协议');
  await visible(zhang.getByText('共同申请司法确认'));
  await shot(zhang, 'party-tracker-agreement');
  await zhang.getByRole('button', { name: '‹ 返回我的纠纷' }).click();
  await visible(zhang.getByTestId('case-card').getByText('达成协议'));
  await shot(zhang, 'party-my-cases');

  // 8b. every step reached 张三's inbox (pushed live): the bell counts them, the drawer lists them in Chinese
  const bell = zhang.getByTestId('notification-bell');
  await visible(zhang.getByRole('button', { name: /消息通知，\d+ 条未读/ }));
  await bell.click();
  const notices = zhang.locator('.ant-drawer').filter({ hasText: '消息通知' });
  await visible(notices.getByText(/^协议已生效（TZ\d{4}-\d{6}）$/));
  await visible(notices.getByText(/^案件已分派（TZ\d{4}-\d{6}）$/));
  await visible(notices.getByText('调解协议已拟定，请登录平台核对并签名确认。'));
  await shot(zhang, 'party-notifications');
  await notices.getByRole('button', { name: '全部已读' }).click();
  await visible(zhang.getByRole('button', { name: '消息通知', exact: true }));
  if ((await notices.locator('[data-read="false"]').count()) > 0) throw new Error('notices still unread');
  await notices
    .getByText(/^协议已生效/)
    .first()
    .click();
  await statusIs(zhang, '达成协议');
  await med.reload();
  await visible(med.getByText('各方当事人均已签名'));
  await shot(med, 'staff-case-agreement');
  await med.getByTestId('notification-bell').click();
  const medNotices = med.locator('.ant-drawer').filter({ hasText: '消息通知' });
  await visible(medNotices.getByText(/^协议已生效（TZ\d{4}-\d{6}）$/));
  await shot(med, 'staff-notifications');
  // an unread entry says 未读 and opens from the keyboard, which marks it read
  const entry = medNotices.getByRole('button', { name: /^协议已生效（TZ\d{4}-\d{6}）\s*未读/ }).first();
  await entry.focus();
  await med.keyboard.press('Enter');
  await medNotices.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  await med.getByTestId('notification-bell').click();
  await visible(
    medNotices
      .locator('[data-read="true"]')
      .filter({ hasText: /^协议已生效/ })
      .first(),
  );
  await med.keyboard.press('Escape');

  // sign out: back to the login screen, tokens gone
  await li.getByRole('button', { name: '退出登录' }).click();
  await visible(li.getByRole('tab', { name: '当事人登录' }));
  if (await li.evaluate(() => localStorage.getItem('tj.session')))
    throw new Error('session still stored after sign-out');

  if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  for (const p of [zhang, admin, med, li]) await p.context().close();
}

const SCENARIOS = [
  {
    name: 'party',
    run: journey,
    ok: 'party applies → body accepts → mediation (joint/back-to-back) → agreement signed by both → tracker shows 达成协议',
  },
  {
    name: 'first-case',
    run: firstCaseJourney,
    ok: "README's first case: 张三 applies → jscz_mediator sees it live, accepts → rooms → agreement → both sign; referral → xf_mediator",
  },
  {
    name: 'court',
    run: courtJourney,
    ok: 'court clerk refers (委派) → routed body admin accepts → clerk sees 已签收; mediators; linkage room',
  },
  {
    name: 'enforcement',
    run: enforcementJourney,
    ok: 'breached confirmed agreement → party applies for enforcement (phone) → court console lists it live → clerk records receipt',
  },
  {
    name: 'district',
    run: districtJourney,
    ok: 'district admin: rules + validation errors + dry-run, import with error report, dashboard + report, manual routing',
  },
  {
    name: 'live',
    run: liveListsJourney,
    ok: 'district queue and court console update without reload as others act; a repeat registration is merged and listed',
  },
  {
    name: 'street-names',
    run: streetNamesJourney,
    ok: 'district admin maps an unknown imported street name (保存并分派) → the waiting dispute reaches the mediator',
  },
  {
    name: 'screens',
    run: screensJourney,
    ok: '5,000-character description collapsed (签收 on the phone screen, bounded page height); district queue fits 1366 px',
  },
  {
    name: 'search',
    run: searchJourney,
    ok: 'district admin finds a referral by a word of its description from the header (marked, keyboard) → clerk finds it by court case number on a phone',
  },
  {
    name: 'phone',
    run: phoneJourney,
    ok: 'SMS link survives the code sign-in; 关怀模式 (≥ 18 px) on every page, kept after sign-out; staff workbench in it',
  },
  {
    name: 'call',
    run: callJourney,
    ok: 'video mediation: mediator + 2 parties on fake media (frames and audio rise), caucus closes B↔A and back, outsider refused, recording → WebM',
  },
];

async function main() {
  let server = null;
  let browser = null;
  let passed = 0;
  let failed = 0;
  const only = process.env.ONLY?.split(',');
  try {
    build();
    checkScriptBudget(); // a party's phone: script before the first screen (the Vite manifest, brotli bytes)
    clearShots();
    server = await startApp();
    console.log(`[harness] api at ${server.url}, web app at ${server.webUrl} (${server.mode})`);
    browser = await launchBrowser();
    for (const sc of SCENARIOS.filter((x) => !only || only.includes(x.name))) {
      const started = Date.now();
      try {
        await sc.run(browser, server);
        passed += 1;
        console.log(`✓ ${sc.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${sc.ok}`);
      } catch (err) {
        failed += 1;
        console.error(`✗ ${sc.name} failed:`, err?.stack ?? err);
        for (const [i, ctx] of browser.contexts().entries()) {
          for (const page of ctx.pages()) await shot(page, `failure-${sc.name}-${i}`).catch(() => undefined);
        }
        if (server?.errors.length) console.error(`[server errors]\n${server.errors.slice(-5).join('\n')}`);
        await diagnose(browser, server, sc.name);
        for (const ctx of browser.contexts()) await ctx.close().catch(() => undefined);
      }
    }
  } catch (err) {
    failed += 1;
    console.error('✗ harness failed:', err?.stack ?? err);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  }
  a11ySummary();
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

void main();
