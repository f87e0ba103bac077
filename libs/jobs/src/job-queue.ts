import type { Executor } from '@tiaojie/db';

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Executor;
  startAfter?: Date;
  /** At most one queued job per key (idempotent scheduling). */
  singletonKey?: string;
  retryLimit?: number;
}

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
}

/** Jobs and timers as an injectable side effect; pg-boss behind it, on the application's own database. */
export abstract class JobQueue {
  abstract send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<string | null>;
  abstract work<T>(name: string, handler: (job: JobContext<T>) => Promise<void>, opts?: { batchSize?: number; pollingIntervalSeconds?: number }): Promise<void>;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
}
