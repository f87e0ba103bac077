import { SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { resultRows } from './bulk-sql';
import type { Executor } from './db.types';

/** One data-modifying statement (an INSERT … RETURNING built by a repository), not yet run. */
export type Statement = SQL;

/**
 * Runs several data-modifying statements as one: `WITH s0 AS (first), s1 AS (…) SELECT * FROM s0`. One round trip;
 * atomic on its own (outside a transaction it commits alone); the parts run on one snapshot, so none of them sees
 * the rows another inserts (foreign keys between them are checked at the end of the statement, so a child may
 * reference its parent). Returns the first part's RETURNING rows, as the driver gives them (see `rowOf`).
 *
 * Why: inside a transaction every statement is a trip through the api's event loop while the connection is held;
 * under load a 14-statement transaction held its connection for 14 loop turns (docs/decisions.md).
 */
export async function runAsOne(
  db: Executor,
  first: Statement,
  ...rest: Statement[]
): Promise<Record<string, unknown>[]> {
  const parts = [first, ...rest].map((s, i) => sql`${sql.raw(`s${i}`)} as (${s})`);
  const res = await db.execute(sql`with ${sql.join(parts, sql`, `)} select * from s0`);
  return resultRows<Record<string, unknown>>(res);
}

/** A raw row (column names as in the database) as Drizzle's select would give it (property names, mapped values). */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}
