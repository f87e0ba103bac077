// Phone benchmark (not a test): headless Chromium at 390×844 with CDP network and 4× CPU throttling opens
//   party-first   a party's first visit from an SMS link (#/cases/<id>, no session, empty cache): the sign-in screen;
//   party-return  the same party coming back (warm cache, no session): the sign-in screen again;
//   party-tracker the party signed in, cache warm from a visit to the tracker: the case tracker;
//   staff         a body admin's case workbench (#/work/<id>), signed in, empty cache;
//   bare-first / bare-return  a static page of the same HTML shell (no script), served by the same server.
// and records time to first usable screen (from navigation start), bytes transferred, script bytes, LCP and CLS.
// Run: node bench/phone/run.mjs [--root <checkout with dist/ and apps/web/dist/>] [--runs 3] [--profile slow4g,fast4g]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROOT = path.resolve(arg('root', path.resolve(HERE, '../..')));
const RUNS = Number(arg('runs', '3'));
// Chrome DevTools' presets: throughput in bytes/s, latency (RTT) in ms
const PROFILES = {
  slow4g: { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  fast4g: { latency: 40, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 },
};
const profiles = arg('profile', 'slow4g,fast4g').split(',');
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The checkout's api serving a copy of its web build plus bare.html: index.html without scripts, same CSS. */
async function startServer() {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-bench-web-'));
  fs.cpSync(path.join(ROOT, 'apps/web/dist'), web, { recursive: true });
  const index = fs.readFileSync(path.join(web, 'index.html'), 'utf8');
  const bare = index
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace('<div id="root"></div>', '<div id="root"><main><h1>矛盾纠纷多元化解平台</h1></main></div>');
  fs.writeFileSync(path.join(web, 'bare.html'), bare);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-bench-data-'));
  const port = await freePort();
  const sms = new Map();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      WEB_DIST: web,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buf = '';
  child.stdout.on('data', (c) => {
    buf += c;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const m = /SMS to (1\d{10}):.*?(\d{6})/.exec(buf.slice(0, i));
      if (m) sms.set(m[1], m[2]);
      buf = buf.slice(i + 1);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 1000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(web, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, sms, stop };
}

async function post(url, body, token) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${url} → ${r.status} ${await r.text()}`);
  return r.json();
}

/** A party with one case routed to prop_admin, and both sessions (as the web app stores them). */
async function seed(server) {
  const phone = '13800000001';
  await post(`${server.url}/api/auth/otp`, { phone });
  for (let i = 0; !server.sms.has(phone); i++) {
    if (i > 100) throw new Error('no SMS code');
    await new Promise((r) => setTimeout(r, 100));
  }
  const party = await post(`${server.url}/api/auth/party/sign-in`, { phone, code: server.sms.get(phone) });
  const applied = await post(
    `${server.url}/api/cases`,
    {
      category: 'property',
      description: '物业公司长期不修电梯，业主多次反映无果，要求退还部分物业费。',
      streetCode: 'JS',
      communityCode: 'JS01',
      address: '金沙街道城中社区 3 栋',
      claimAmount: 3600,
      applicant: { name: '张三', idNumber: '320612199001011232' },
      respondents: [{ name: '李四', phone: '13800000002', partyType: 'person' }],
    },
    party.accessToken,
  );
  const staff = await post(`${server.url}/api/auth/staff/sign-in`, {
    username: 'prop_admin',
    password: 'Tiaojie2026',
  });
  const session = (p) =>
    JSON.stringify({ accessToken: p.accessToken, refreshToken: p.refreshToken, user: p.user });
  return { caseId: applied.id, party: session(party), staff: session(staff) };
}

// Installed before any page script: LCP and CLS as the page experiences them.
const OBSERVE = () => {
  window.__perf = { lcp: 0, cls: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/** One measured navigation in `page`: waits for `ready` (a selector of the usable screen), then for quiet. */
async function measure(page, cdp, url, ready) {
  const sizes = new Map();
  const types = new Map();
  const onResponse = (e) => types.set(e.requestId, e.type);
  const onFinished = (e) => sizes.set(e.requestId, e.encodedDataLength);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  // from a blank page, so a second visit to the same #/ address is a real page load (from cache), not a hash change
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const usable = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return el && el.getBoundingClientRect().height > 0 ? performance.now() : null;
    },
    ready,
    { polling: 'raf', timeout: 120_000 },
  );
  const usableMs = await usable.jsonValue();
  await page.waitForLoadState('networkidle');
  // LCP is reported after the paint it measures: wait for its entry (a page without one reports 0)
  await page.waitForFunction(() => window.__perf.lcp > 0, null, { timeout: 15_000 }).catch(() => undefined);
  const perf = await page.evaluate(() => window.__perf);
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  let bytes = 0;
  let script = 0;
  for (const [id, n] of sizes) {
    bytes += n;
    if (types.get(id) === 'Script') script += n;
  }
  return { usableMs, bytes, script, lcp: perf.lcp, cls: perf.cls };
}

async function context(browser, profile, session) {
  const ctx = await browser.newContext(PHONE);
  await ctx.addInitScript(OBSERVE);
  if (session) await ctx.addInitScript((s) => localStorage.setItem('tj.session', s), session);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { ctx, page, cdp };
}

const SIGN_IN_READY =
  '[role="tabpanel"] button[type="button"]:not([disabled]), .ant-tabs-tabpane-active button';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const rows = [];
  try {
    const s = await seed(server);
    for (const profile of profiles) {
      const results = {};
      const add = (k, r) => (results[k] ??= []).push(r);
      for (let run = 0; run < RUNS; run++) {
        {
          const { ctx, page, cdp } = await context(browser, profile);
          add('party-first', await measure(page, cdp, `${server.url}/#/cases/${s.caseId}`, SIGN_IN_READY));
          add('party-return', await measure(page, cdp, `${server.url}/#/cases/${s.caseId}`, SIGN_IN_READY));
          await ctx.close();
        }
        {
          const { ctx, page, cdp } = await context(browser, profile, s.party);
          const tracker = `${server.url}/#/cases/${s.caseId}`;
          await measure(page, cdp, tracker, '[data-testid="status-label"]');
          add('party-tracker', await measure(page, cdp, tracker, '[data-testid="status-label"]'));
          await ctx.close();
        }
        {
          const { ctx, page, cdp } = await context(browser, profile, s.staff);
          add('staff', await measure(page, cdp, `${server.url}/#/work/${s.caseId}`, '.ant-descriptions'));
          await ctx.close();
        }
        {
          const { ctx, page, cdp } = await context(browser, profile);
          add('bare-first', await measure(page, cdp, `${server.url}/bare.html`, 'h1'));
          add('bare-return', await measure(page, cdp, `${server.url}/bare.html`, 'h1'));
          await ctx.close();
        }
      }
      for (const [name, rs] of Object.entries(results)) {
        const row = { profile, scenario: name, runs: rs.length };
        for (const k of ['usableMs', 'bytes', 'script', 'lcp', 'cls']) row[k] = median(rs.map((r) => r[k]));
        rows.push(row);
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log('profile | scenario | first usable ms | bytes | script bytes | LCP ms | CLS');
  for (const r of rows)
    console.log(
      `${r.profile} | ${r.scenario} | ${Math.round(r.usableMs)} | ${r.bytes} | ${r.script} | ${Math.round(r.lcp)} | ${r.cls.toFixed(3)}`,
    );
  const out = arg('json', null);
  if (out) fs.writeFileSync(out, JSON.stringify(rows, null, 2));
}

await main();
