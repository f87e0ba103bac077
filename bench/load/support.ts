/**
 * Shared by the load scenario and the read-route benchmark: a fresh PostgreSQL database, the api and worker
 * as separate processes (the built server in dist/), CPU and memory sampled from /proc, percentiles.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export const ROOT = path.resolve(__dirname, '../../..');
export const JWT_SECRET = 'load-bench-shared-secret-0123456789abcdef';
export const WEBHOOK_SECRET = 'load-bench-webhook-secret-0123456789';

/** A file of the built server, as `npm run -s build:server` lays out dist/ (`relative`: from dist/, ending in .js). */
export function built(relative: string): string {
  const file = path.join(ROOT, 'dist', relative);
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: build the server first (npm run -s build:server)`);
  return file;
}

export async function freshDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tj_load_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect().catch((err: Error) => {
    throw new Error(`PostgreSQL at ${base} is not reachable (${err.message}); set DATABASE_URL`);
  });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  log: string[];
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/**
 * The built api (dist/apps/api/src/main.js) or worker. `captureLog` keeps stdout (development SMS codes are read
 * from it during setup); the measured processes write their log to /dev/null, as a production log shipper
 * would take it off the process.
 */
export async function startProcess(
  name: 'api' | 'worker',
  databaseUrl: string,
  env: Record<string, string>,
  captureLog: boolean,
  nodeArgs: string[] = [],
): Promise<Proc> {
  const port = name === 'api' ? await freePort() : 0;
  const entry = built(name === 'api' ? 'apps/api/src/main.js' : 'apps/worker/src/main.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-load-'));
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIST: '/nonexistent',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      ACCESS_TOKEN_TTL: '86400',
      WEBHOOK_SECRET_12345: WEBHOOK_SECRET,
      ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}),
      ...env,
    },
    stdio: ['ignore', captureLog ? 'pipe' : 'ignore', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    log.push(d.toString());
    if (log.length > 20_000) log.splice(0, 10_000);
  });
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const p: Proc = {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    log,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}:\n${log.join('').slice(-3000)}`);
    if (
      name === 'worker'
        ? Date.now() - started > 5000
        : await fetch(`${p.url}/api/health`)
            .then((r) => r.ok)
            .catch(() => false)
    )
      break;
    if (Date.now() - started > 120_000)
      throw new Error(`${name} did not start:\n${log.join('').slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return p;
}

/** `npm run -s build:server`, then removes compiled files whose source is gone (a moved module's stale output would shadow it). */
export function buildServer(): void {
  execFileSync('npm', ['run', '-s', 'build:server'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
        continue;
      }
      if (!e.name.endsWith('.js')) continue;
      const src = path.join(ROOT, path.relative(path.join(ROOT, 'dist'), full).replace(/\.js$/, ''));
      if (!['.ts', '.js'].some((ext) => fs.existsSync(src + ext))) {
        fs.rmSync(full);
        fs.rmSync(`${full}.map`, { force: true });
      }
    }
  };
  for (const d of ['apps', 'libs', 'src']) walk(path.join(ROOT, 'dist', d));
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (s) and resident memory (MB) of a process, from /proc. */
export function procSample(pid: number): { cpuSeconds: number; rssMb: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return { cpuSeconds: (utime + stime) / CLK_TCK, rssMb: rss / 1024 };
  } catch {
    return null;
  }
}

/**
 * Whole-machine CPU time from /proc/stat's first line, in ticks: busy (everything but idle and iowait, steal
 * included), total, and steal (time the hypervisor gave the virtual CPUs to others: a host busy elsewhere shows
 * here). guest and guest_nice are left out: the kernel already counts them in user and nice.
 */
export function machineCpu(): { busy: number; total: number; steal: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy, total: busy + idle + (iowait ?? 0), steal: steal ?? 0 };
}

/** An api's V8 heap in use (MB), from its /metrics (prom-client's nodejs_heap_size_used_bytes); null if unreadable. */
export async function heapUsedMb(apiUrl: string): Promise<number | null> {
  const text = await fetch(`${apiUrl}/metrics`)
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '');
  const m = /^tiaojie_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return m ? Number(m[1]) / 1e6 : null;
}

/** Samples a process every `everyMs`: CPU as a percentage of one core over each interval, RSS. */
export class ProcessSampler {
  readonly cpu: number[] = [];
  readonly rss: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last: { t: number; cpu: number } | null = null;

  constructor(
    readonly pid: number,
    private readonly everyMs = 1000,
  ) {}

  start(): void {
    const first = procSample(this.pid);
    this.last = first ? { t: Date.now(), cpu: first.cpuSeconds } : null;
    this.timer = setInterval(() => {
      const s = procSample(this.pid);
      if (!s) return;
      const now = Date.now();
      if (this.last) this.cpu.push((100 * (s.cpuSeconds - this.last.cpu)) / ((now - this.last.t) / 1000));
      this.last = { t: now, cpu: s.cpuSeconds };
      this.rss.push(s.rssMb);
    }, this.everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);

export function signWebhook(ts: string, raw: string): string {
  return `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${ts}.`).update(raw).digest('hex')}`;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

/** A party's access token: one-time code requested, read from the api's log (development SMS adapter), signed in. */
export async function partyToken(api: Proc, phone: string): Promise<string> {
  const otp = await fetch(`${api.url}/api/auth/otp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone }),
  });
  if (otp.status !== 202) throw new Error(`otp ${phone}: ${otp.status} ${await otp.text()}`);
  const re = new RegExp(`SMS to ${phone}: [^"\\n]*?(\\d{6})`);
  let code: string | undefined;
  for (let i = 0; i < 200 && !code; i++) {
    code = re.exec(api.log.join(''))?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 20));
  }
  const r = await fetch(`${api.url}/api/auth/party/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code }),
  });
  if (r.status !== 200) throw new Error(`party sign-in ${phone}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

/**
 * This machine's PostgreSQL runs with autovacuum off, which no production server does: without ANALYZE the planner
 * keeps estimating from an empty database (and never re-plans cached statements) while a run grows the tables to
 * 60,000 disputes. When the server's autovacuum is off this stands in for it on the run's database every
 * `everySeconds` (60: autovacuum's naptime; 0: never), on PostgreSQL's CPU as autovacuum would. `mode` 'thresholds'
 * (the default) does what autovacuum does: per table, VACUUM when its dead rows or rows inserted since the last
 * vacuum pass autovacuum's thresholds (the server's `autovacuum_*` settings against `pg_class.reltuples`), ANALYZE
 * when the rows changed since the last analyze pass theirs; 'all' runs VACUUM ANALYZE on the whole database each
 * time (46.6 s of PostgreSQL's time in a 10-minute run).
 */
export async function autovacuumStandIn(
  dbUrl: string,
  everySeconds: number,
  mode: 'thresholds' | 'all' = 'thresholds',
) {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const off = (await client.query('show autovacuum')).rows[0].autovacuum === 'off';
  let runs = 0;
  let ms = 0;
  let vacuums = 0;
  let analyzes = 0;
  const pass = async () => {
    if (mode === 'all') {
      await client.query('vacuum (analyze)');
      return;
    }
    const { rows } = await client.query(`
      select format('%I.%I', s.schemaname, s.relname) as name,
        s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8 + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
          or s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8 + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0) as vacuum,
        s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8 + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0) as analyze
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid`);
    for (const r of rows as { name: string; vacuum: boolean; analyze: boolean }[]) {
      if (r.vacuum) vacuums += 1;
      if (r.analyze) analyzes += 1;
      if (r.vacuum) await client.query(`vacuum ${r.analyze ? '(analyze) ' : ''}${r.name}`);
      else if (r.analyze) await client.query(`analyze ${r.name}`);
    }
  };
  let running = false;
  const timer =
    off && everySeconds > 0
      ? setInterval(() => {
          if (running) return;
          running = true;
          const t = Date.now();
          pass()
            .then(() => {
              runs += 1;
              ms += Date.now() - t;
            })
            .catch((err: Error) => console.log(`vacuum failed: ${err.message}`))
            .finally(() => {
              running = false;
            });
        }, everySeconds * 1000)
      : null;
  return {
    stop: () => {
      if (timer) clearInterval(timer);
    },
    end: () => client.end(),
    summary: () => {
      if (!off) return 'autovacuum is on';
      if (everySeconds <= 0)
        return 'autovacuum is off on this server and AUTOVACUUM_EVERY=0: nothing ran in its place';
      const what =
        mode === 'all'
          ? `VACUUM ANALYZE of the whole database ${runs} times`
          : `${runs} passes with autovacuum's thresholds (${vacuums} table VACUUMs, ${analyzes} ANALYZEs)`;
      return `autovacuum is off on this server: the scenario ran ${what} in its place (every ${everySeconds} s, ${(ms / 1000).toFixed(1)} s in all)`;
    },
  };
}
