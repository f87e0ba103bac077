import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { ALL_QUEUES } from '@tiaojie/platform';
import { Proc, buildServer, freshDatabase, postgresBase, sql, startWorker, until } from './support/cluster';

/**
 * A worker killed (SIGKILL) mid-batch leaves its jobs "active"; every queue's expiry and retry policy brings them
 * back to another worker within a minute, with no help: no clock moved, no maintenance forced (pg-boss's own, every
 * 10 s). Real worker processes on PostgreSQL.
 *
 * To kill the worker mid-batch every time, not by luck, the test locks the tables the handlers use: the worker has
 * taken a batch of every queue and its handlers wait when it dies. The jobs carry ids of nothing, so each handler
 * finds nothing to do once it runs (a crash with real deadline timers and SMS is worker-crash.e2e-spec.ts).
 */
const RESUMED_WITHIN_MS = 60_000;
const PER_QUEUE = 12;

const JOBS: Record<string, (i: number) => object> = {
  'deadline.remind': () => ({ disputeId: randomUUID(), dueAt: new Date().toISOString(), offsetDays: 3 }),
  'deadline.overdue': () => ({ disputeId: randomUUID(), dueAt: new Date().toISOString(), level: 1 }),
  'case.performance_remind': () => ({ disputeId: randomUUID(), dueOn: '2031-01-06' }),
  'deadline.digest': (i) => ({ date: `2031-01-${String(i + 1).padStart(2, '0')}` }),
  'deadline.digest.body': () => ({ bodyId: randomUUID(), date: '2031-01-06' }),
  'outbox.deliver': () => ({ outboxId: randomUUID() }),
  'intake.webhook.process': () => ({ deliveryId: randomUUID() }),
};

describe('a worker killed mid-batch, per queue (fault)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let worker: Proc | null = null;
  let pg: Client;
  let holder: Client;
  let boss: PgBoss;

  beforeAll(async () => {
    const base = await postgresBase();
    buildServer();
    db = await freshDatabase(base, 'tj_storage_fault');
    pg = await sql(db.url);
    holder = await sql(db.url);
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    await worker?.kill('SIGKILL');
    await holder?.end();
    await pg?.end();
    await db?.drop();
  });

  it(`redoes the jobs of a killed worker within ${RESUMED_WITHIN_MS / 1000} s on every queue`, async () => {
    worker = await startWorker('worker-1', db.url);
    expect(Object.keys(JOBS).sort()).toEqual(ALL_QUEUES.map((q) => q.name).sort());
    // every queue's stored policy is the platform's
    const stored = (
      await pg.query(`select name, expire_seconds, retry_limit, retry_delay from pgboss.queue order by name`)
    ).rows;
    for (const q of ALL_QUEUES)
      expect(stored.find((r) => r.name === q.name)).toEqual({
        name: q.name,
        expire_seconds: q.policy!.expireInSeconds,
        retry_limit: q.policy!.retryLimit,
        retry_delay: q.policy!.retryDelaySeconds,
      });

    // the tables the handlers read or write, locked so every handler waits with its batch taken
    await holder.query('begin');
    await holder.query(
      'lock table disputes, outbox, webhook_deliveries, notifications in access exclusive mode',
    );

    boss = new PgBoss({
      connectionString: db.url,
      schema: 'pgboss',
      supervise: false,
      migrate: false,
      max: 2,
    });
    boss.on('error', () => undefined);
    await boss.start();
    const ids: string[] = [];
    for (const [name, data] of Object.entries(JOBS))
      for (let i = 0; i < PER_QUEUE; i++) ids.push((await boss.send(name, data(i)))!);
    // the jobs this test sent (a digest tick queues the next day's tick, due later)
    const state = async () =>
      (
        await pg.query(
          `select name, state, count(*)::int as n from pgboss.job where id = any($1) group by 1, 2`,
          [ids],
        )
      ).rows as { name: string; state: string; n: number }[];
    // every queue has a batch handled and waiting to be marked done
    await until(
      'a batch of every queue taken by the worker',
      async () => {
        const rows = await state();
        return Object.keys(JOBS).every((n) => rows.some((r) => r.name === n && r.state === 'active'));
      },
      60_000,
      100,
    ).catch(async (err) => {
      throw new Error(
        `${err.message}: ${JSON.stringify(await state())}\n${worker!.log.join('').slice(-3000)}`,
      );
    });
    worker.child.kill('SIGKILL');
    const killedAt = Date.now();
    await worker.exited;
    // the dead worker's sessions stay on the server while they wait: end them, then let the tables go
    await pg.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    await holder.query('rollback');
    const taken = (await state()).filter((r) => r.state === 'active');

    worker = await startWorker('worker-2', db.url);
    const upMs = Date.now() - killedAt;
    await until(
      'every job completed',
      async () => (await state()).every((r) => r.state === 'completed'),
      RESUMED_WITHIN_MS + 30_000,
      250,
    );
    const resumedMs = Date.now() - killedAt;
    const redone = (
      await pg.query(
        `select name, count(*)::int as n from pgboss.job where id = any($1) and retry_count > 0 group by 1`,
        [ids],
      )
    ).rows;
    console.log(
      `queue expiry: at the kill ${taken.map((r) => `${r.name} ${r.n} active`).join(', ')}; the next worker up after ${(upMs / 1000).toFixed(1)} s, all done ${(resumedMs / 1000).toFixed(1)} s after the kill`,
    );
    const done = await state();
    for (const name of Object.keys(JOBS)) {
      expect({ name, done: done.find((r) => r.name === name && r.state === 'completed')?.n }).toEqual({
        name,
        done: PER_QUEUE,
      });
      expect({ name, redone: (redone.find((r) => r.name === name)?.n ?? 0) > 0 }).toEqual({
        name,
        redone: true,
      });
    }
    expect(resumedMs).toBeLessThan(RESUMED_WITHIN_MS);
  });
});
