import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { ALL_QUEUES } from '@tiaojie/platform';
import { Proc, freshDatabase, postgresBase, sql, startWorker, until } from '../support/cluster';
import { Outcome, Tally, crashed, say, tally } from './tally';

const PER_QUEUE = 12;
const RESUMED_WITHIN_MS = 60_000;

/** A job for each queue whose handler finds nothing to do (ids of nothing): the scenario is about the queue. */
const JOBS: Record<string, (i: number) => object> = {
  'deadline.remind': () => ({ disputeId: randomUUID(), dueAt: new Date().toISOString(), offsetDays: 3 }),
  'deadline.overdue': () => ({ disputeId: randomUUID(), dueAt: new Date().toISOString(), level: 1 }),
  'case.performance_remind': () => ({ disputeId: randomUUID(), dueOn: '2031-01-06' }),
  'deadline.digest': (i) => ({ date: `2031-01-${String(i + 1).padStart(2, '0')}` }),
  'deadline.digest.body': () => ({ bodyId: randomUUID(), date: '2031-01-06' }),
  'outbox.deliver': () => ({ outboxId: randomUUID() }),
  'intake.webhook.process': () => ({ deliveryId: randomUUID() }),
};

/**
 * The worker is killed (SIGKILL) holding a batch of every queue (the tables its handlers use are locked, so the
 * handlers wait with the batch taken), and a new worker starts. Every job must complete within a minute of the
 * kill, each once (a job is one row in `pgboss.job` or `pgboss.archive`; one in both is a duplicate).
 */
export async function workerPerQueue(): Promise<Outcome> {
  const scenario = 'worker killed per queue';
  const started = Date.now();
  let base: string;
  try {
    base = await postgresBase();
  } catch (err) {
    return { scenario, tallies: [], skipped: (err as Error).message, seconds: 0 };
  }
  const db = await freshDatabase(base, 'tj_faults');
  let worker: Proc | null = null;
  let pg: Client | null = null;
  let holder: Client | null = null;
  let boss: PgBoss | null = null;
  try {
    pg = await sql(db.url);
    holder = await sql(db.url);
    worker = await startWorker('worker-1', db.url);
    const missingQueues = ALL_QUEUES.map((q) => q.name).filter((n) => !JOBS[n]);
    if (missingQueues.length) throw new Error(`no job for queue(s) ${missingQueues.join(', ')}`);
    await policiesStored(pg);
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
    const sent = new Map<string, string[]>();
    for (const [name, data] of Object.entries(JOBS))
      for (let i = 0; i < PER_QUEUE; i++)
        sent.set(name, [...(sent.get(name) ?? []), (await boss.send(name, data(i)))!]);
    const ids = [...sent.values()].flat();
    const state = async () =>
      (
        await pg!.query(
          `select name, state, count(*)::int as n from pgboss.job where id = any($1) group by 1, 2`,
          [ids],
        )
      ).rows as { name: string; state: string; n: number }[];
    await until(
      'a batch of every queue taken by the worker',
      async () => {
        const rows = await state();
        return Object.keys(JOBS).every((n) => rows.some((r) => r.name === n && r.state === 'active'));
      },
      60_000,
      100,
    );
    worker.child.kill('SIGKILL');
    const killedAt = Date.now();
    await worker.exited;
    const active = (await state()).filter((r) => r.state === 'active');
    say(scenario, `worker killed holding ${active.map((r) => `${r.name} ${r.n}`).join(', ')}`);
    // the dead worker's sessions wait on the locks on the server: end them, then let the tables go
    await pg.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    await holder.query('rollback');
    worker = await startWorker('worker-2', db.url);
    const completedIds = async () => {
      const r = await pg!.query(
        `select id::text, count(*)::int as n from (
           select id from pgboss.job where id = any($1) and state = 'completed'
           union all select id from pgboss.archive where id = any($1) and state = 'completed') c group by id`,
        [ids],
      );
      return new Map<string, number>(r.rows.map((x) => [x.id, x.n]));
    };
    await until(
      'every job completed',
      async () => (await completedIds()).size === ids.length,
      RESUMED_WITHIN_MS + 30_000,
      250,
    ).catch(() => undefined);
    const doneMs = Date.now() - killedAt;
    const done = await completedIds();
    const redone = await redoneByQueue(pg, ids);
    const tallies: Tally[] = Object.entries(JOBS).map(([name]) => {
      const t = tally(scenario, `queue ${name}`, sent.get(name)!, done, [
        `${active.find((r) => r.name === name)?.n ?? 0} held by the killed worker`,
      ]);
      // the killed worker's batch came back through the queue's retry policy, not by luck of timing
      if (!redone.get(name)) t.problems.push('no job was retried after the kill');
      return t;
    });
    tallies[0].notes.push(`all done ${(doneMs / 1000).toFixed(1)} s after the kill`);
    if (doneMs > RESUMED_WITHIN_MS) tallies[0].problems.push(`jobs resumed after more than a minute`);
    return { scenario, tallies, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return crashed(scenario, started, err, worker);
  } finally {
    await boss?.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    await worker?.kill('SIGKILL');
    await holder?.end().catch(() => undefined);
    await pg?.end().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

/** Every queue's stored expiry and retry policy is the platform's (the worker creates the queues at start). */
async function policiesStored(pg: Client): Promise<void> {
  const stored = (
    await pg.query(`select name, expire_seconds, retry_limit, retry_delay from pgboss.queue order by name`)
  ).rows;
  for (const q of ALL_QUEUES) {
    const row = stored.find((r) => r.name === q.name);
    const want = [q.policy?.expireInSeconds, q.policy?.retryLimit, q.policy?.retryDelaySeconds];
    const got = [row?.expire_seconds, row?.retry_limit, row?.retry_delay];
    if (want.join() !== got.join())
      throw new Error(`queue ${q.name}: stored policy ${got.join('/')}, the platform's ${want.join('/')}`);
  }
}

/** Per queue, how many of the given jobs were retried (completed ones may already be archived). */
async function redoneByQueue(pg: Client, ids: string[]): Promise<Map<string, number>> {
  const r = await pg.query(
    `select name, count(*)::int as n from (
       select name from pgboss.job where id = any($1) and retry_count > 0
       union all select name from pgboss.archive where id = any($1) and retry_count > 0) j group by name`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.name as string, x.n as number]));
}
