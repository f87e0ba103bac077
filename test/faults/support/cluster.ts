import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { createServerDatabase } from '@tiaojie/db';
import { freePort, postgresBase as serverFor } from '../../support/postgres-server';

/**
 * Real processes for fault tests: `node dist/apps/api/src/main.js` and `node dist/apps/worker/src/main.js`
 * on a fresh PostgreSQL database, as docker-compose runs them. PGlite is single-process, so these tests
 * need a PostgreSQL server: DATABASE_URL, else the local one; otherwise they fail with a clear message.
 */

/** The checkout: the nearest folder up with a package.json (also from the fault suite's compiled copy in dist/). */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../../..');
  }
}

export const ROOT = repoRoot(__dirname);

/** The PostgreSQL server the fault tests create their databases on. */
export const postgresBase = () =>
  serverFor('Fault tests run several api and worker processes on one PostgreSQL server');

/** A fresh, migrated database on the server; `drop` removes it. */
export const freshDatabase = (base: string, prefix = 'tj_fault') => createServerDatabase(base, { prefix });

export const JWT_SECRET = 'fault-tests-shared-secret-0123456789abcdef';
export const WEBHOOK_SECRET = 'fault-tests-webhook-secret-0123456789';

let built = false;
/**
 * `npm run -s build:server`: what the processes run (once per test file; FAULTS_SKIP_BUILD=1 reuses dist/).
 * Compiled files whose source no longer exists are removed afterwards: a build that does not empty dist/ first
 * leaves a moved module's old output behind (dist/libs/db/src/schema.js shadowed schema/index.js and the api
 * crashed at boot), and this keeps the tests independent of how the script cleans.
 */
export function buildServer(): string[] {
  if (built || process.env.FAULTS_SKIP_BUILD === '1') return [];
  execFileSync('npm', ['run', '-s', 'build:server'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  built = true;
  return pruneStaleOutput();
}

function pruneStaleOutput(): string[] {
  const removed: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
        continue;
      }
      if (!e.name.endsWith('.js')) continue;
      const rel = path.relative(path.join(ROOT, 'dist'), full);
      const src = path.join(ROOT, rel.replace(/\.js$/, ''));
      if (['.ts', '.tsx', '.js', '.mjs', '.cjs'].some((ext) => fs.existsSync(src + ext))) continue;
      fs.rmSync(full, { force: true });
      fs.rmSync(`${full}.map`, { force: true });
      removed.push(rel);
    }
  };
  for (const d of ['apps', 'libs', 'src']) walk(path.join(ROOT, 'dist', d));
  return removed;
}

export interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, in order. */
  log: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive: () => boolean;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** The latest one-time code the development SMS adapter logged for a phone. */
  lastCode: (phone: string) => string | null;
}

function baseEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    HOST: '127.0.0.1',
    WEB_DIST: '/nonexistent',
    DEMO_DATA: 'true',
    RUN_WORKER: 'false',
    WEBHOOK_SECRET_12345: WEBHOOK_SECRET,
    ...extra,
  };
}

export function spawnProc(name: string, entry: string, env: NodeJS.ProcessEnv, url: string): Proc {
  const child = spawn(process.execPath, [path.join(ROOT, entry)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    url,
    child,
    log,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    lastCode: (phone: string) => {
      const re = new RegExp(`SMS to ${phone}: [^"\\n]*?(\\d{6})`, 'g');
      let code: string | null = null;
      for (const chunk of log) for (const m of chunk.matchAll(re)) code = m[1];
      return code;
    },
  };
}

export async function waitHealthy(p: Proc, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (!p.alive())
      throw new Error(`${p.name} exited before it was healthy:\n${p.log.join('').slice(-4000)}`);
    try {
      const r = await fetch(`${p.url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) {
      p.child.kill('SIGKILL');
      throw new Error(
        `${p.name} was not healthy after ${timeoutMs / 1000} s:\n${p.log.join('').slice(-4000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An api process on the database, healthy. */
export async function startApi(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
  entry = 'dist/apps/api/src/main.js',
): Promise<Proc> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-fault-'));
  const p = spawnProc(
    name,
    entry,
    baseEnv(databaseUrl, { PORT: String(port), DATA_DIR: dataDir, ...env }),
    `http://127.0.0.1:${port}`,
  );
  void p.exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  await waitHealthy(p);
  return p;
}

/** The all-in-one process (`dist/src/main.js`: api + worker on one pool), healthy. */
export async function startAllInOne(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Proc> {
  return startApi(name, databaseUrl, { RUN_WORKER: 'true', ...env }, 'dist/src/main.js');
}

/** A worker process on the database; resolves once it logged that it listens on its queues. */
export async function startWorker(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Proc> {
  const p = spawnProc(name, 'dist/apps/worker/src/main.js', baseEnv(databaseUrl, env), '');
  const started = Date.now();
  while (!p.log.join('').includes('worker listening on')) {
    if (!p.alive()) throw new Error(`${name} exited:\n${p.log.join('').slice(-4000)}`);
    if (Date.now() - started > 90_000) {
      p.child.kill('SIGKILL');
      throw new Error(`${name} did not start:\n${p.log.join('').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return p;
}

/** A pg client on the database for the checks. */
export async function sql(databaseUrl: string): Promise<Client> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  return c;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The all-in-one process on embedded PGlite in `dataDir` (kept when the process exits); not awaited healthy. */
export async function spawnPglite(
  name: string,
  dataDir: string,
  env: Record<string, string> = {},
  entry = 'dist/src/main.js',
): Promise<Proc> {
  const port = await freePort();
  return spawnProc(
    name,
    entry,
    baseEnv('', { PORT: String(port), DATA_DIR: dataDir, RUN_WORKER: 'true', ...env }),
    `http://127.0.0.1:${port}`,
  );
}
