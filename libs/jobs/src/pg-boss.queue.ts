import { Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DbService } from '@tiaojie/db';
import { JobContext, JobQueue, SendOptions } from './job-queue';

/** pg-boss on the same database: PGlite through an executor, PostgreSQL through its own small pool. */
export class PgBossQueue extends JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();
  private started: Promise<void> | null = null;

  constructor(private readonly db: DbService, databaseUrl: string | null, private readonly queueNames: readonly string[], opts: { supervise?: boolean; schedule?: boolean } = {}) {
    super();
    const common = { schema: 'pgboss', supervise: opts.supervise ?? true, schedule: opts.schedule ?? false, migrate: true };
    if (databaseUrl) {
      this.boss = new PgBoss({ ...common, connectionString: databaseUrl, max: 4 });
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
        await this.boss.createQueue(name);
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

  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.start();
    await this.boss.createQueue(name);
    this.queues.add(name);
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (opts.tx) {
      await this.started;
      if (!this.queues.has(name)) throw new Error(`queue ${name} is not registered; add it to the known queue names`);
    } else {
      await this.ensureQueue(name);
    }
    const sendOpts: PgBoss.SendOptions & { db?: PgBoss.Db } = {
      startAfter: opts.startAfter, singletonKey: opts.singletonKey, retryLimit: opts.retryLimit ?? 5, retryBackoff: true,
    };
    if (opts.tx) {
      const raw = this.db.raw(opts.tx);
      sendOpts.db = { executeSql: (text: string, values?: unknown[]) => raw.query(text, values) };
    }
    return this.boss.send(name, data, sendOpts);
  }

  async work<T>(name: string, handler: (job: JobContext<T>) => Promise<void>, opts: { batchSize?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<T>(name, { batchSize: opts.batchSize ?? 5, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, async (jobs) => {
      for (const job of jobs) await handler({ id: job.id, name: job.name, data: job.data });
    });
  }
}
