/**
 * Timer benchmark: 10,000 timers due within the same minute, scheduled through the platform's
 * JobQueue (pg-boss `startAfter`, on PostgreSQL), fired by a worker; reports firing lateness
 * (handled − due) p50/p99/max. Baseline in the same run: 10,000 plain setTimeout timers in this process
 * with the same due times.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/timers/timers.bench.js
 *
 * Environment: TIMERS (10000), WINDOW_S (60: due times spread evenly over this many seconds; 0 = all at one
 * instant), SCENARIOS (comma list of scenario ids below; default all).
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { createTestDatabase, DbService } from '@tiaojie/db';
import { DEFAULT_WORK, PgBossQueue, type WorkOptions } from '@tiaojie/jobs';
import { TIMER_QUEUE_WORK } from '../../apps/worker/src/worker.handlers';
import { runWorkerReminders } from './worker-reminders.scenario';

const N = Number(process.env.TIMERS ?? 10_000);
const WINDOW_MS = Number(process.env.WINDOW_S ?? 60) * 1000;
const SEND_CONCURRENCY = 8;

interface Scenario {
  /** For SCENARIOS=… */
  id: string;
  name: string;
  kind: 'setTimeout' | 'pg-boss' | 'worker';
  /** Overrides WINDOW_S for this scenario. */
  windowMs?: number;
  work?: WorkOptions;
  /** noop: record the time only; db: one INSERT in its own transaction per job (the cheapest real handler). */
  handler?: 'noop' | 'db';
}

const SKELETON = { batchSize: 5, pollingIntervalSeconds: 1, concurrency: 1 };

const SCENARIOS: Scenario[] = [
  { id: 'baseline', name: 'baseline: setTimeout in-process', kind: 'setTimeout' },
  { id: 'skeleton', name: 'pg-boss, skeleton defaults', kind: 'pg-boss', work: SKELETON, handler: 'noop' },
  { id: 'defaults', name: 'pg-boss, platform defaults', kind: 'pg-boss', work: {}, handler: 'noop' },
  { id: 'defaults-db', name: 'pg-boss, platform defaults', kind: 'pg-boss', work: {}, handler: 'db' },
  { id: 'worker', name: 'platform worker (createWorker)', kind: 'worker' },
  {
    id: 'burst',
    name: 'pg-boss, platform defaults, all due at one instant',
    kind: 'pg-boss',
    work: {},
    handler: 'noop',
    windowMs: 0,
  },
  {
    id: 'worker-c8',
    name: 'platform worker, 8 loops per timer queue',
    kind: 'worker',
    work: { concurrency: 8 },
  },
  {
    id: 'worker-burst',
    name: 'platform worker, all due at one instant (reminders are at 09:00)',
    kind: 'worker',
    windowMs: 0,
  },
];

interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  late: number;
}

function stats(lateness: number[]): Stats {
  const s = Float64Array.from(lateness).sort();
  const at = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)];
  let sum = 0;
  for (const x of s) sum += x;
  return {
    n: s.length,
    p50: at(0.5),
    p99: at(0.99),
    max: s[s.length - 1],
    mean: sum / s.length,
    late: s.filter((x) => x > 2000).length,
  };
}

/** Due instants: evenly spread over the window (or all equal), starting at `start`. */
function dueTimes(start: number, windowMs = WINDOW_MS): number[] {
  return Array.from({ length: N }, (_, i) => start + (windowMs === 0 ? 0 : Math.floor((i * windowMs) / N)));
}

async function runSetTimeout(): Promise<{ stats: Stats; enqueueMs: number }> {
  const t0 = Date.now();
  const due = dueTimes(t0 + 2000);
  const lateness: number[] = [];
  await new Promise<void>((resolve) => {
    for (const d of due) {
      setTimeout(() => {
        lateness.push(Date.now() - d);
        if (lateness.length === N) resolve();
      }, d - Date.now());
    }
  });
  return { stats: stats(lateness), enqueueMs: 0 };
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function runPgBoss(
  sc: Scenario,
  db: DbService,
  url: string,
): Promise<{ stats: Stats; enqueueMs: number; missing: number }> {
  const queue = `bench.timer.${sc.id}`;
  const producer = new PgBossQueue(db, url, [queue], { supervise: false });
  const consumer = new PgBossQueue(db, url, [queue], { supervise: true });
  await producer.start();
  await consumer.start();
  if (sc.handler === 'db')
    await db.db.execute(
      sql`create table if not exists bench_fired (id bigserial primary key, job uuid not null, lateness_ms int not null)`,
    );

  // Calibrate: the window starts once every timer is surely enqueued (measured rate × 1.5 + 5 s).
  const t0 = Date.now();
  const probe = Array.from({ length: 200 }, (_, i) => i);
  await pool(probe, SEND_CONCURRENCY, (i) => producer.send(`${queue}.calibrate`, { i }));
  const perJob = (Date.now() - t0) / probe.length;
  const start = Date.now() + Math.ceil(perJob * N * 1.5) + 5000;
  const due = dueTimes(start, sc.windowMs ?? WINDOW_MS);

  const lateness: number[] = [];
  const seen = new Set<number>();
  await consumer.work<{ due: number; i: number }>(
    queue,
    async (job) => {
      const late = Date.now() - job.data.due;
      if (sc.handler === 'db')
        await db.transaction((tx) =>
          tx.execute(sql`insert into bench_fired (job, lateness_ms) values (${job.id}, ${late})`),
        );
      if (!seen.has(job.data.i)) {
        seen.add(job.data.i);
        lateness.push(late);
      }
    },
    sc.work,
  );

  const e0 = Date.now();
  await pool(
    due.map((d, i) => ({ d, i })),
    SEND_CONCURRENCY,
    ({ d, i }) => producer.send(queue, { due: d, i }, { startAfter: new Date(d), retryLimit: 0 }),
  );
  const enqueueMs = Date.now() - e0;
  if (Date.now() > start)
    console.warn(`warning: enqueueing ended ${Date.now() - start} ms after the first timer was due`);

  const last = due[due.length - 1];
  const giveUp = last + 60_000;
  while (lateness.length < N && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 250));
  await consumer.stop();
  await producer.stop();
  return { stats: stats(lateness), enqueueMs, missing: N - lateness.length };
}

async function runWorker(sc: Scenario): Promise<{ stats: Stats; enqueueMs: number; missing: number }> {
  const r = await runWorkerReminders(N, sc.windowMs ?? WINDOW_MS, SEND_CONCURRENCY, sc.work);
  console.error(`worker scenario outbox: ${r.outbox}`);
  return { stats: stats(r.lateness), enqueueMs: r.enqueueMs, missing: r.missing };
}

const f = (ms: number) => (ms / 1000).toFixed(3);

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'DATABASE_URL is required (the benchmark runs on PostgreSQL), e.g. postgres://postgres@127.0.0.1:5432/postgres',
    );
    process.exit(2);
  }
  const wanted = process.env.SCENARIOS?.split(',').map((s) => s.trim());
  const scenarios = SCENARIOS.filter((s) => !wanted || wanted.includes(s.id));
  const ctx = await createTestDatabase();
  const version = await ctx.db.db.execute(sql`select version() as v`);
  const pgVersion = String(((version as any).rows ?? version)[0].v).split(' on ')[0];
  console.log(`Timer benchmark — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} threads), ${pgVersion}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${N} timers due ${WINDOW_MS === 0 ? 'at one instant' : `evenly within ${WINDOW_MS / 1000} s`}; lateness = handled − due\n`,
  );
  console.log(
    '| scenario | worker options | handler | enqueue (jobs/s) | fired | p50 (s) | p99 (s) | max (s) | mean (s) | > 2 s late |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
  try {
    for (const sc of scenarios) {
      const r =
        sc.kind === 'setTimeout'
          ? { ...(await runSetTimeout()), missing: 0 }
          : sc.kind === 'worker'
            ? await runWorker(sc)
            : await runPgBoss(sc, ctx.db, ctx.url!);
      const opts =
        sc.kind === 'setTimeout'
          ? '—'
          : sc.kind === 'worker'
            ? `\`${JSON.stringify({ ...DEFAULT_WORK, ...TIMER_QUEUE_WORK, ...sc.work })}\` (timer queues)`
            : `\`${JSON.stringify({ ...DEFAULT_WORK, ...sc.work })}\``;
      const rate = r.enqueueMs ? Math.round(N / (r.enqueueMs / 1000)).toString() : '—';
      console.log(
        `| ${sc.name} | ${opts} | ${sc.kind === 'worker' ? 'reminder → inbox + outbox' : (sc.handler ?? '—')} | ${rate} | ${r.stats.n}${r.missing ? ` (${r.missing} missing)` : ''} | ${f(r.stats.p50)} | ${f(r.stats.p99)} | ${f(r.stats.max)} | ${f(r.stats.mean)} | ${r.stats.late} |`,
      );
    }
  } finally {
    await ctx.dispose();
  }
  console.log(
    `\nload average after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
