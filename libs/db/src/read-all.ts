import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './db.types';

type Reads<T extends unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads at once on the pool (each takes its own connection), but one after another inside a
 * transaction: a transaction is one connection, and node-postgres only queues overlapping queries on a client with a
 * deprecation warning (pg 9 refuses them). Same results either way, in the order given.
 */
export async function readAll<T extends unknown[]>(db: Executor, ...reads: Reads<T>): Promise<T> {
  if (!is(db, PgTransaction)) return Promise.all(reads.map((r) => r())) as Promise<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as T;
}
