// Page steps shared by the browser journeys (Playwright locators over the Chinese UI).
export const T = 20_000;
export const visible = (locator, timeout = T) => locator.first().waitFor({ state: 'visible', timeout });

/** Opens an antd Select (a locator, or a label on the page) and picks the option whose text starts with `prefix`. */
export async function pickOption(page, select, prefix) {
  const input = typeof select === 'string' ? page.getByLabel(select, { exact: true }) : select;
  const open = page.locator('.ant-select-dropdown:visible');
  await input.click();
  await open.locator(`.ant-select-item-option[title^="${prefix}"]`).first().click();
  // the dropdown must be gone before the next click (it may be mid-animation or re-opened by a late render)
  try {
    await open.first().waitFor({ state: 'hidden', timeout: 2000 });
  } catch {
    await input.press('Tab');
    await open.first().waitFor({ state: 'hidden', timeout: T });
  }
}

export async function partySignIn(page, server, phone) {
  await page.goto(server.webUrl);
  await visible(page.getByRole('tab', { name: '当事人登录' }));
  await page.getByLabel('手机号').fill(phone);
  const before = server.codeCount(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await server.waitForCode(phone, before);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await visible(page.getByRole('heading', { name: '我的纠纷' }));
}

/** Signs a demo staff account in and waits for its home page (court staff: 法院工作台, the district admin: 区级统筹). */
export async function staffSignIn(page, server, username, home = '案件工作台') {
  await page.goto(server.webUrl);
  await page.getByRole('tab', { name: '工作人员登录' }).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Tiaojie2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await visible(page.getByRole('heading', { name: home }));
}

/** Opens a page of the staff menu by its label. */
export async function menu(page, label, heading = label) {
  await page.getByRole('menu', { name: '功能菜单' }).getByRole('link', { name: label, exact: true }).click();
  await visible(page.getByRole('heading', { name: heading }));
}

/** Resolves once no finite CSS animation or transition runs on the page (antd's zoom/fade motions); spinners are ignored. */
export async function settled(page, timeout = T) {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout, polling: 'raf' },
  );
}

/**
 * Opens a Popconfirm with `trigger` (when given) and confirms it with the button named `ok`, waiting for states:
 * the popover shown and done zooming in, the OK button clicked, the popover gone (or its request in flight). On a
 * loaded machine a click can land while React re-renders or the popover is still in motion and be swallowed (the
 * popover never opens, or stays open): then the step is repeated, as a user would, until `T` runs out.
 */
export async function popconfirm(page, ok = '确认', { trigger = null } = {}) {
  const open = page.locator('.ant-popconfirm:visible').first();
  const button = open.getByRole('button', { name: ok });
  const deadline = Date.now() + 2 * T;
  for (;;) {
    try {
      if (trigger && !(await open.count())) await trigger.click({ timeout: 5000 });
      await open.waitFor({ state: 'visible', timeout: 5000 });
      await settled(page, 5000).catch(() => undefined); // a motion that never ends must not block the click
      await button.click({ timeout: 5000 });
      // still sending (the OK button spins until the action's request returns): wait for it, do not click again
      await page.waitForFunction(
        () => {
          const pop = [...document.querySelectorAll('.ant-popconfirm')].find((e) => e.checkVisibility());
          return !pop || !!pop.querySelector('.ant-btn-loading');
        },
        null,
        { timeout: 5000, polling: 'raf' },
      );
      await open.waitFor({ state: 'hidden', timeout: T });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/** A staff user's id, read over HTTP (only for an api without the mediator list). */
export async function userId(server, username) {
  const r = await fetch(`${server.url}/api/auth/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Tiaojie2026' }),
  });
  return (await r.json()).user.id;
}

export async function statusIs(page, label) {
  await visible(page.getByTestId('status-label').filter({ hasText: `当前状态：${label}` }));
}

export async function signAgreement(page, server, phone) {
  await page.getByRole('button', { name: '查看并签署调解协议' }).click();
  await visible(page.getByRole('heading', { name: '签署调解协议' }));
  await visible(page.getByText('物业公司于 2026 年 12 月 31 日前修复电梯。'));
  await page.getByLabel('我已阅读并同意上述调解协议的全部内容').check();
  const before = server.codeCount(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await server.waitForCode(phone, before);
  await page.getByLabel('短信验证码').fill(code);
  return page.getByRole('button', { name: '确认签署' });
}
