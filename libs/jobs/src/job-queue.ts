import type { Executor } from '@tiaojie/db';

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Executor;
  /**
   * When the job becomes due, as an instant on the injected Clock. The queue turns it into a delay
   * (`startAfter − clock.now()`) counted on the database's clock, so a frozen test clock still gives
   * real, short delays and app/database clock skew does not matter.
   */
  startAfter?: Date;
  /**
   * Idempotent scheduling: the job id is derived from (queue, key), so sending the same key again is a
   * no-op while the first job is stored (queued, active, or completed and not yet archived).
   */
  singletonKey?: string;
  retryLimit?: number;
  /** Seconds before the first retry (doubled per retry when retryBackoff). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * How long a started job may run before pg-boss's maintenance expires it and retries it (default 15 min).
   * This is also how long the job of a worker killed mid-job waits before another worker takes it.
   */
  expireInSeconds?: number;
}

/**
 * How a queue's jobs expire and retry (stored as the pg-boss queue's policy; a send's own options override it).
 * `expireInSeconds` is also how long the jobs of a worker killed mid-batch stay taken: it must exceed the longest a
 * healthy batch runs, and expiry + maintenance interval + retry delay is how soon another worker redoes them.
 */
export interface QueuePolicy {
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

/** A queue and its policy (none: 5 retries with backoff, pg-boss's 15-minute expiry). */
export interface QueueSpec {
  name: string;
  policy?: QueuePolicy;
}

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
}

export interface WorkOptions {
  /** Jobs fetched per poll (default 100). */
  batchSize?: number;
  /** Seconds between polls, whether a poll found work or not (pg-boss waits the interval either way; default 0.5, the minimum). */
  pollingIntervalSeconds?: number;
  /** Independent polling loops on this queue in this process (default 1). */
  concurrency?: number;
  /** Settle the jobs of one poll at once instead of one after another (jobs that wait on a remote service). */
  parallel?: boolean;
}

/** Jobs and timers as an injectable side effect; pg-boss behind it, on the application's own database. */
export abstract class JobQueue {
  abstract send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Each job is settled on its own: a handler that throws fails (and retries) that job only. */
  abstract work<T>(
    name: string,
    handler: (job: JobContext<T>) => Promise<void>,
    opts?: WorkOptions,
  ): Promise<void>;
  /**
   * The handler gets every job a poll fetched at once and answers with the ones that failed (id → error): those
   * fail (and retry), the others complete. A handler that throws fails the whole batch.
   */
  abstract workBatch<T>(
    name: string,
    handler: (jobs: JobContext<T>[]) => Promise<Map<string, Error>>,
    opts?: WorkOptions,
  ): Promise<void>;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
}
