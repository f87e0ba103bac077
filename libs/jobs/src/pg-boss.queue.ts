import { Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Clock, SystemClock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { delaySeconds, jobIdFor } from './job-id';
import { JobContext, JobQueue, QueuePolicy, QueueSpec, SendOptions, WorkOptions } from './job-queue';

/**
 * Worker defaults, from bench/timers (BENCHMARKS.md): 10,000 timers due in one minute need ~170 jobs/s,
 * which pg-boss's fixed-interval polling only reaches with large batches and a short interval.
 */
export const DEFAULT_WORK = { batchSize: 100, pollingIntervalSeconds: 0.5, concurrency: 1 } as const;

/**
 * pg-boss expires the jobs of a dead worker at its maintenance, run by one process at a time at most this often: a
 * job comes back at most expireInSeconds + this + its retry delay after its worker died.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

/** pg-boss on the same database: PGlite through an executor, PostgreSQL through its own small pool. */
export class PgBossQueue extends JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();
  private readonly policies = new Map<string, QueuePolicy>();
  private readonly queueNames: string[];
  private readonly creating = new Map<string, Promise<void>>();
  private started: Promise<void> | null = null;
  private readonly clock: Clock;

  constructor(
    private readonly db: DbService,
    databaseUrl: string | null,
    queues: readonly (string | QueueSpec)[],
    opts: { supervise?: boolean; schedule?: boolean; clock?: Clock; poolSize?: number } = {},
  ) {
    super();
    this.clock = opts.clock ?? new SystemClock();
    this.queueNames = queues.map((q) => (typeof q === 'string' ? q : q.name));
    for (const q of queues) if (typeof q !== 'string' && q.policy) this.policies.set(q.name, q.policy);
    const common = {
      schema: 'pgboss',
      supervise: opts.supervise ?? true,
      schedule: opts.schedule ?? false,
      migrate: true,
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    };
    if (databaseUrl) {
      this.boss = new PgBoss({ ...common, connectionString: databaseUrl, max: opts.poolSize ?? 4 });
    } else {
      const pglite = db.pglite!;
      this.boss = new PgBoss({
        ...common,
        db: {
          executeSql: async (text: string, values?: unknown[]) => {
            if (!values || values.length === 0) {
              const results = await pglite.exec(text);
              return { rows: results[results.length - 1]?.rows ?? [] };
            }
            return pglite.query(text, values as any[]);
          },
        },
      });
    }
    this.boss.on('error', (err) => this.logger.error(`pg-boss: ${err.message}`));
  }

  /** Starts pg-boss and creates every known queue up front: a send inside a PGlite transaction must not need DDL. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const name of this.queueNames) {
        await this.createQueue(name);
        this.queues.add(name);
      }
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }

  /**
   * pg-boss's create_queue is not locked: two processes creating the same new queue (api and worker booting
   * on a fresh database) can deadlock. The loser's transaction is rolled back; trying again finds the queue.
   */
  private async createQueue(name: string): Promise<void> {
    const p = this.policies.get(name);
    const policy: PgBoss.Queue = p
      ? {
          name,
          expireInSeconds: p.expireInSeconds,
          retryLimit: p.retryLimit,
          retryDelay: p.retryDelaySeconds,
          retryBackoff: true,
        }
      : { name, retryLimit: 5, retryBackoff: true };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name, policy);
        // a queue created by an earlier release keeps its stored policy until it is updated
        await this.boss.updateQueue(name, policy);
        return;
      } catch (err) {
        const code = (err as { code?: string })?.code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  /** Creates a queue once per process, even when many sends race for it (concurrent creates deadlock in PostgreSQL). */
  private ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return Promise.resolve();
    let creating = this.creating.get(name);
    if (!creating) {
      creating = (async () => {
        await this.start();
        await this.createQueue(name);
        this.queues.add(name);
      })().finally(() => this.creating.delete(name));
      this.creating.set(name, creating);
    }
    return creating;
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (opts.tx) {
      await this.started;
      if (!this.queues.has(name))
        throw new Error(`queue ${name} is not registered; add it to the known queue names`);
    } else {
      await this.ensureQueue(name);
    }
    const sendOpts: PgBoss.SendOptions & { db?: PgBoss.Db } = {
      id: opts.singletonKey ? jobIdFor(name, opts.singletonKey) : undefined,
      startAfter: delaySeconds(opts.startAfter, this.clock.now()),
      singletonKey: opts.singletonKey,
      ...(opts.retryLimit !== undefined ? { retryLimit: opts.retryLimit } : {}),
      ...(opts.retryDelaySeconds !== undefined ? { retryDelay: opts.retryDelaySeconds } : {}),
      retryBackoff: opts.retryBackoff ?? true,
      ...(opts.expireInSeconds !== undefined ? { expireInSeconds: opts.expireInSeconds } : {}),
    };
    if (opts.tx) {
      const raw = this.db.raw(opts.tx);
      sendOpts.db = { executeSql: (text: string, values?: unknown[]) => raw.query(text, values) };
    }
    return this.boss.send(name, data, sendOpts);
  }

  async work<T>(
    name: string,
    handler: (job: JobContext<T>) => Promise<void>,
    opts: WorkOptions = {},
  ): Promise<void> {
    await this.ensureQueue(name);
    await this.workBatch<T>(
      name,
      async (jobs) => {
        // Settle each job on its own.
        const failed = new Map<string, Error>();
        const settle = async (job: JobContext<T>) => {
          try {
            await handler(job);
          } catch (err) {
            failed.set(job.id, err instanceof Error ? err : new Error(String(err)));
          }
        };
        if (opts.parallel) await Promise.all(jobs.map(settle));
        else for (const job of jobs) await settle(job);
        return failed;
      },
      opts,
    );
  }

  async workBatch<T>(
    name: string,
    handler: (jobs: JobContext<T>[]) => Promise<Map<string, Error>>,
    opts: WorkOptions = {},
  ): Promise<void> {
    await this.ensureQueue(name);
    const workOpts = {
      batchSize: opts.batchSize ?? DEFAULT_WORK.batchSize,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? DEFAULT_WORK.pollingIntervalSeconds,
    };
    for (let i = 0; i < (opts.concurrency ?? DEFAULT_WORK.concurrency); i++) {
      await this.boss.work<T>(name, workOpts, async (jobs) => {
        const failed = await handler(jobs.map((job) => ({ id: job.id, name: job.name, data: job.data })));
        // Fail these; pg-boss then completes the rest of the batch (only jobs still active).
        for (const [id, err] of failed) {
          this.logger.warn(`${name} job ${id} failed: ${err.message}`);
          await this.boss.fail(name, id, { message: err.message });
        }
      });
    }
  }
}
