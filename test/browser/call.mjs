// Video mediation in the browser: a case with two parties, its mediator, an online session and both consents (set up
// over HTTP); then the mediator and party A join through the real pages (two browsers' worth of peers), then party B
// (three). Each side's getStats show frames decoded and audio bytes rising. Caucus with A closes B's connection to A
// (and A's to B) while A and the mediator keep talking; back to joint restores it; B's dropped socket re-joins
// (the mediator's page shows B connecting, then connected; its connection to A is untouched). An
// outsider (a party of another case) is refused on the page and at signalling. The mediator saves the session's
// notes and invites staff. Everyone consents to recording → 录音中 on every page → a withdrawal stops it → the uploaded
// file, downloaded over HTTP, is WebM with a video stream for ffprobe.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { DESKTOP, FAKE_MEDIA_ARGS, PHONE, launchBrowser, pageFactory, shot } from './harness.mjs';
import { T, partySignIn, staffSignIn, visible } from './steps.mjs';
import { partyApi as party, staffApi as staff } from './api-steps.mjs';
import { checkRejoin, dropAndRejoin, watchRejoin } from './call-rejoin.mjs';

const A_PHONE = '13800000131';
const B_PHONE = '13800000132';
const OUTSIDER_PHONE = '13800000133';
const A = '吴一';
const B = '郑二';

/** Applied, accepted, assigned, in mediation; both parties consent online; an online joint session now. */
export async function callCase(server) {
  const a = await party(server, A_PHONE);
  const created = await a.call('POST', '/cases', {
    category: 'neighbour',
    description: '楼上漏水导致楼下天花板受损，双方就维修费用协商不成。',
    streetCode: 'JS',
    applicant: { name: A },
    respondents: [{ name: B, phone: B_PHONE }],
  });
  const id = created.id;
  const admin = await staff(server, 'js_admin');
  const mediator = await staff(server, 'js_mediator');
  const v = async (call) => (await call('GET', `/cases/${id}`)).version;
  await admin.call('POST', `/cases/${id}/accept`, { version: await v(admin.call) });
  await admin.call('POST', `/cases/${id}/assign`, { version: await v(admin.call), mediatorId: mediator.id });
  await mediator.call('POST', `/cases/${id}/transitions/start_mediation`, {
    version: await v(mediator.call),
  });
  const b = await party(server, B_PHONE);
  await a.call('POST', `/cases/${id}/consents/online`);
  await b.call('POST', `/cases/${id}/consents/online`);
  const parties = (await mediator.call('GET', `/cases/${id}`)).parties;
  return { id, mediator, a, b, parties };
}

/** The mediator schedules the online session on the case page (安排调解会议), for now, with both parties. */
async function scheduleOnPage(med, server, c) {
  await staffSignIn(med, server, 'js_mediator');
  await med.goto(`${server.webUrl}/#/work/${c.id}`);
  await med.getByRole('button', { name: '安排调解会议' }).click();
  const dialog = med.getByRole('dialog', { name: '安排调解会议' });
  // the picker shows the browser's local time: type now, to the minute, as the field's format has it
  const now = await med.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  const at = dialog.getByLabel('调解时间');
  await at.click();
  await at.fill(now);
  await at.press('Enter');
  await shot(med, 'call-schedule-dialog');
  await dialog.getByRole('button', { name: '安排' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: T });
  await visible(med.getByRole('button', { name: '开始视频调解' }));
  const { sessions } = await c.mediator.call('GET', `/cases/${c.id}/sessions`);
  if (sessions.length !== 1 || !sessions[0].online) throw new Error(`sessions: ${JSON.stringify(sessions)}`);
  c.sessionId = sessions[0].id;
}

/** The call's statistics on a page, per remote participant's user id (window.__tjCall, exposed for tests only). */
const stats = (page) =>
  page.evaluate(async () => {
    const s = await window.__tjCall?.stats();
    return s ? Object.fromEntries(Object.values(s).map((x) => [x.userId, x])) : null;
  });

/** Polls `check(stats)` until it holds (no fixed pauses): the state is what the test waits for. */
async function until(page, what, check, timeout = 2 * T) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await stats(page);
    if (last && check(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: not reached; last stats ${JSON.stringify(last)}`);
    await page.waitForTimeout(250); // a polling interval, not a wait for an outcome
  }
}

/** Frames decoded and audio bytes received from `from` rise on `page` (two readings, the second higher). */
async function receives(page, who, from) {
  const first = await until(
    page,
    `${who} receives ${from}`,
    (s) => s[from]?.framesDecoded > 0 && s[from]?.audioBytesReceived > 0,
  );
  await until(
    page,
    `${who}: media from ${from} keeps flowing`,
    (s) =>
      s[from].framesDecoded > first[from].framesDecoded &&
      s[from].audioBytesReceived > first[from].audioBytesReceived,
  );
}

/** A participant opens the call from its entry point and joins after the device check. */
async function joinCall(page, entry) {
  await entry.click();
  await visible(page.getByRole('button', { name: '加入视频调解' }));
  await page.getByRole('button', { name: '加入视频调解' }).click();
  await visible(page.getByRole('toolbar', { name: '通话控制' }));
}

/** A socket of the outsider's own: call:join and call:signal are refused whatever ids it sends. */
async function outsiderSocket(server, token, sessionId) {
  const socket = io(server.url, { auth: { token }, transports: ['websocket'] });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ask = (event, payload) => socket.timeout(T).emitWithAck(event, payload);
  const join = await ask('call:join', { sessionId });
  const signal = await ask('call:signal', { sessionId, to: 'p-any', candidate: null });
  socket.disconnect();
  if (join.ok || signal.ok) throw new Error(`outsider admitted: ${JSON.stringify({ join, signal })}`);
  if (!/[\u4e00-\u9fff]/.test(join.error.message))
    throw new Error(`refusal not in Chinese: ${join.error.message}`);
}

export async function callJourney(_browser, server) {
  const errors = [];
  const browser = await launchBrowser(FAKE_MEDIA_ARGS);
  const open = pageFactory(browser, errors);
  const withHooks = async (label, device) => {
    const page = await open(label, device);
    await page.context().addInitScript(() => {
      window.__tjTestHooks = true;
    });
    return page;
  };
  const pages = [];
  try {
    const c = await callCase(server);
    const med = await withHooks('js_mediator', DESKTOP);
    const pa = await withHooks(A, PHONE);
    const pb = await withHooks(B, PHONE);
    pages.push(med, pa, pb);
    await scheduleOnPage(med, server, c);

    // 1. an outsider (a party of another case) is refused on the page and at signalling
    const outsider = await party(server, OUTSIDER_PHONE);
    await outsider.call('POST', '/cases', {
      category: 'neighbour',
      description: '邻居装修噪音扰民，协商无果。',
      streetCode: 'JS',
      applicant: { name: '冯三' },
      respondents: [{ name: '陈四' }],
    });
    const po = await withHooks('冯三', PHONE);
    await partySignIn(po, server, OUTSIDER_PHONE);
    await po.goto(`${server.webUrl}/#/cases/${c.id}/call/${c.sessionId}`);
    await visible(po.getByTestId('call-refused'));
    await visible(po.getByText('无法进入视频调解'));
    await outsiderSocket(server, outsider.token, c.sessionId);
    await shot(po, 'call-outsider-refused');
    await po.context().close();

    // 2. the mediator starts the call from the case page's sessions; party A from the tracker (device check first)
    await visible(med.getByTestId('sessions'));
    await joinCall(med, med.getByRole('button', { name: '开始视频调解' }));
    await partySignIn(pa, server, A_PHONE);
    await pa.goto(`${server.webUrl}/#/cases/${c.id}`);
    await pa.getByRole('button', { name: '进入视频调解' }).click();
    await visible(pa.getByRole('button', { name: '加入视频调解' }));
    await visible(pa.getByTestId('mic-level'));
    await shot(pa, 'call-device-check-phone');
    await pa.getByRole('button', { name: '加入视频调解' }).click();
    await visible(pa.getByRole('toolbar', { name: '通话控制' }));

    // two peers: each receives the other's video and audio
    const [M, IA, IB] = [c.mediator.id, c.a.id, c.b.id];
    await receives(pa, IA, M);
    await receives(med, M, IA);

    // 3. party B joins: three peers, a full mesh
    await partySignIn(pb, server, B_PHONE);
    await pb.goto(`${server.webUrl}/#/cases/${c.id}`);
    await joinCall(pb, pb.getByRole('button', { name: '进入视频调解' }));
    await receives(pb, IB, M);
    await receives(pb, IB, IA);
    await receives(pa, IA, IB);
    await receives(med, M, IB);
    await visible(med.getByTestId('participant').filter({ hasText: B }).getByText('已连接'));
    await shot(med, 'call-mediator-joint');
    await shot(pb, 'call-party-joint');

    // 4. caucus with A: B's connection to A is closed on both sides, A and the mediator still talk
    await med.getByRole('button', { name: `与${A}背对背` }).click();
    await visible(pb.getByTestId('caucus-waiting'));
    await until(pb, `${B}: connection to ${A} closed`, (s) => s[IA]?.connectionState === 'closed');
    await until(pa, `${A}: connection to ${B} closed`, (s) => s[IB]?.connectionState === 'closed');
    await until(pb, `${B}: connection to the mediator closed`, (s) => s[M]?.connectionState === 'closed');
    await receives(pa, IA, M);
    const closed = await stats(pb);
    if (closed[IA].audioBytesReceived !== 0 || closed[IA].framesDecoded !== 0)
      throw new Error(`media from ${A} still reaches ${B}: ${JSON.stringify(closed[IA])}`);
    await visible(med.getByTestId('call-mode').filter({ hasText: '背对背' }));
    await shot(pb, 'call-party-waiting');
    await shot(med, 'call-mediator-caucus');

    // 5. back to joint: B's connections to A and the mediator are back, media rises again
    await med.getByRole('button', { name: '回到面对面' }).click();
    await pb.getByTestId('caucus-waiting').waitFor({ state: 'hidden', timeout: T });
    await receives(pb, IB, IA);
    await receives(pb, IB, M);
    await receives(pa, IA, IB);

    // a dropped connection: B's socket closes and reconnects; B joins again as a new peer and offers, the others
    // keep theirs (the mediator's connection to A is the same one throughout), and the mediator's page shows B
    // connecting, then connected
    await watchRejoin(med, { keep: IA, watch: B });
    await dropAndRejoin(pb, 2 * T);
    await receives(pb, IB, IA);
    await receives(pa, IA, IB);
    await receives(med, M, IB);
    await visible(med.getByTestId('participant').filter({ hasText: B }).getByText('已连接'));
    await checkRejoin(med, { keep: IA, keepName: A, watch: B });

    // 6. the mediator writes the session's notes and invites a judge or an official
    await med.getByLabel('调解笔录').fill('双方同意先由楼上住户维修管道，费用另行协商。');
    await med.getByRole('button', { name: '保存笔录' }).click();
    await visible(med.getByText('笔录已保存'));
    await med.getByRole('button', { name: '邀请法官或工作人员' }).click();
    const invite = med.getByRole('dialog', { name: '邀请参加视频调解' });
    await invite.getByLabel('被邀请人').click();
    await med.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await invite.getByRole('button', { name: '发送邀请' }).click();
    await visible(med.getByText('已发出邀请'));
    await visible(invite.locator('.ant-list-item'));
    await shot(med, 'call-mediator-invite');
    await invite.locator('.ant-modal-close').click();
    await invite.waitFor({ state: 'hidden', timeout: T });

    // 7. recording: everyone consents → 录音中 on every page → the mediator withdraws → the file is finalised
    for (const p of [med, pa, pb]) await p.getByRole('button', { name: '同意录音' }).click();
    for (const p of [med, pa, pb]) await visible(p.getByTestId('recording-on'));
    const recordingId = await med.evaluate(() => window.__tjCall.snapshot().recording?.recordingId);
    if (!recordingId) throw new Error('no recordingId while recording');
    // a few chunks uploaded (≈ 2 s each) before stopping
    await med
      .waitForFunction(() => (window.__tjCall.recorder()?.bytes ?? 0) > 100_000, null, { timeout: 2 * T })
      .catch(async (err) => {
        const r = await med.evaluate(() => ({
          recorder: window.__tjCall.recorder(),
          recording: window.__tjCall.snapshot().recording,
        }));
        throw new Error(`${err.message}: recorder ${JSON.stringify(r)}`);
      });
    await shot(pa, 'call-party-recording');
    await med.getByRole('button', { name: '撤回同意' }).click();
    for (const p of [med, pa, pb])
      await p.getByTestId('recording-on').waitFor({ state: 'hidden', timeout: T });
    await med.waitForFunction(() => !!window.__tjCall.recorder()?.file, null, { timeout: 2 * T });
    const res = await fetch(
      `${server.url}/api/cases/${c.id}/sessions/${c.sessionId}/recordings/${recordingId}`,
      {
        headers: { authorization: `Bearer ${c.mediator.token}` },
      },
    );
    if (res.status !== 200) throw new Error(`recording download → ${res.status} ${await res.text()}`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tj-call-')), 'call.webm');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const probe = JSON.parse(
      execFileSync(
        '/usr/bin/ffprobe',
        ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file],
        {
          encoding: 'utf8',
        },
      ),
    );
    if (!/webm/.test(probe.format?.format_name ?? ''))
      throw new Error(`not WebM: ${JSON.stringify(probe.format)}`);
    if (!probe.streams?.some((s) => s.codec_type === 'video'))
      throw new Error(`no video stream: ${JSON.stringify(probe.streams)}`);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // 8. leaving: the others see 已离开
    await pb.getByRole('button', { name: '离开' }).click();
    await visible(med.getByTestId('participant').filter({ hasText: B }).getByText('已离开'));

    if (errors.length) throw new Error(`uncaught page errors:\n${errors.join('\n')}`);
  } catch (err) {
    for (const [i, p] of pages.entries()) await shot(p, `failure-call-${i}`).catch(() => undefined);
    throw err;
  } finally {
    await browser.close().catch(() => undefined);
  }
}
