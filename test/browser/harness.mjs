// Browser-test harness: builds, starts the api (serving apps/web/dist) on a free port with a temp data dir,
// reads one-time SMS codes from its pino log, launches headless Chromium, and takes screenshots.
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { scanA11y, watchA11y } from './a11y.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

/** The api is built exactly as `npm start` builds it (build:server starts from an empty dist/). */
export const SERVER_DIST = path.join(ROOT, 'dist');

export function build() {
  if (process.env.SKIP_BUILD === '1') return;
  console.log('[harness] building the api into dist/ and the web app into apps/web/dist/…');
  execSync('npm run -s build:server', { cwd: ROOT, stdio: 'inherit' });
  execSync('npx vite build --config apps/web/vite.config.ts --logLevel warn', {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The api as a child process; `sms` collects every code it logs, per phone, in order. */
export async function startServer({ serveWeb = true } = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-browser-'));
  const entry = path.join(SERVER_DIST, 'apps/api/src/main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} missing: build first (run without SKIP_BUILD=1)`);
  const webDist = path.join(ROOT, 'apps/web/dist');
  if (!fs.existsSync(path.join(webDist, 'index.html')))
    throw new Error('apps/web/dist/index.html missing: build the web app first');
  const dataDirCleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const sms = new Map();
  const log = [];
  const errors = [];
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '' /* always a fresh embedded database, never a shared server */,
      NODE_ENV: 'development',
      WEB_DIST: serveWeb ? webDist : '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buf = '';
  const onLine = (line) => {
    log.push(line);
    if (log.length > 2000) log.shift();
    let msg = line;
    try {
      const j = JSON.parse(line);
      msg = j.msg ?? line;
      if (j.level >= 50)
        errors.push(
          `${j.msg}${j.err?.stack ? `\n${String(j.err.stack).split('\n').slice(0, 6).join('\n')}` : ''}`,
        );
    } catch {
      /* not JSON */
    }
    const m = /SMS to (1\d{10}):.*?(\d{6})/.exec(String(msg));
    if (m) {
      if (!sms.has(m[1])) sms.set(m[1], []);
      sms.get(m[1]).push(m[2]);
    }
  };
  child.stdout.on('data', (chunk) => {
    buf += chunk.toString('utf8');
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  child.stderr.on('data', (chunk) => log.push(`[stderr] ${chunk}`));
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://127.0.0.1:${port}`;
  // a loaded machine (CPU hogs, other builds) can take minutes to migrate and seed a fresh database: wait for health
  // as long as the process lives, within a generous bound
  const deadline = Date.now() + Number(process.env.SERVER_START_TIMEOUT_MS ?? 300_000);
  for (;;) {
    if (exited) {
      dataDirCleanup();
      throw Object.assign(
        new Error(`server exited early (${JSON.stringify(exited)}):\n${log.slice(-30).join('\n')}`),
        { log },
      );
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      // never leave the server behind when giving up on it
      child.kill('SIGKILL');
      dataDirCleanup();
      throw new Error(`server did not become healthy:\n${log.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  return {
    url,
    log,
    errors,
    /** How many codes this phone has received so far (take before requesting a new one). */
    codeCount: (phone) => sms.get(phone)?.length ?? 0,
    /** Waits for the code after `before` codes were already seen. */
    async waitForCode(phone, before, timeout = 15_000) {
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        const list = sms.get(phone) ?? [];
        if (list.length > before) return list[list.length - 1];
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no SMS code for ${phone} within ${timeout} ms`);
    },
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await Promise.race([
          new Promise((r) => child.once('exit', r)),
          new Promise((r) => setTimeout(r, 5000)),
        ]);
        if (!exited) child.kill('SIGKILL');
      }
      dataDirCleanup();
    },
  };
}

/** The web app as the api serves it (WEB_DIST), as users get it from `npm start`. */
export async function startApp() {
  const server = await startServer({ serveWeb: true });
  return { ...server, webUrl: server.url, mode: 'WEB_DIST' };
}

/** Headless Chromium; `extraArgs` adds flags (the call journey's fake camera and microphone). */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A synthetic camera (a moving test pattern) and a beeping microphone, granted without a prompt. */
export const FAKE_MEDIA_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
export const DESKTOP = {
  viewport: { width: 1366, height: 900 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

let shotNo = 0;
export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  shotNo += 1;
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  // let antd motions finish (no finite CSS animation running), not a fixed pause
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      null,
      { timeout: 10_000, polling: 'raf' },
    )
    .catch(() => undefined);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`[shot] ${path.relative(ROOT, file)}`);
  await scanA11y(page, name);
}

export function clearShots() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
}

/** Fails the run on uncaught page errors; prints console errors for diagnosis. */
export function watchPage(page, label, errors) {
  page.on('pageerror', (err) => errors.push(`[${label}] pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      console.log(`[${label}] console.${msg.type()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && res.url().includes('/api/'))
      console.log(`[${label}] ${res.request().method()} ${new URL(res.url()).pathname} → ${res.status()}`);
  });
}

/** A page factory for one scenario: uncaught page errors are collected per scenario. */
export function pageFactory(browser, errors) {
  return async (label, opts) => {
    const ctx = await browser.newContext(opts);
    const page = await ctx.newPage();
    watchPage(page, label, errors);
    watchA11y(page, label, errors);
    if (process.env.DEBUG_WS === '1') {
      page.on('websocket', (ws) => {
        ws.on('framesent', (f) => console.log(`[ws ${label} →] ${String(f.payload).slice(0, 200)}`));
        ws.on('framereceived', (f) => console.log(`[ws ${label} ←] ${String(f.payload).slice(0, 200)}`));
        ws.on('close', () => console.log(`[ws ${label}] closed`));
      });
    }
    return page;
  };
}
