import { SQL, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowOf } from './one-statement';
import { resultRows } from './bulk-sql';
import type { Executor } from './db.types';
import { compiledQuery, executePrepared } from './prepared-sql';

/**
 * A read a repository hands out to be run with others (readAsOne): its SELECT, and how to turn its rows into the
 * value it stands for. The rows arrive as JSON (`json_agg`): numbers, strings, booleans, arrays and objects as JSON
 * has them, timestamps as ISO strings (`rowOf` maps a table's columns back to Drizzle's types).
 */
export interface Read<T> {
  sql: SQL;
  map: (rows: Record<string, unknown>[]) => T;
}

type Values<T extends readonly Read<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends Read<infer V> ? V : never;
};

/**
 * Independent reads as one statement, one round trip: `select (select json_agg(t) from (r0) t) as r0, …`. On this
 * machine a round trip costs the api a `writev` and a wake-up of PostgreSQL (a fifth of the api's CPU went to
 * sending queries), so an application's four reads are one statement instead of four.
 *
 * With a `name` the statement is prepared (see executePrepared): the text must then be the same on every call (the
 * same reads, each with a fixed number of parameters). The reads see one snapshot.
 */
export async function readAsOne<T extends readonly Read<unknown>[]>(
  db: Executor,
  name: string | null,
  reads: T,
): Promise<Values<T>> {
  const parts = reads.map(
    (r, i) => sql`(select coalesce(json_agg(t), '[]'::json) from (${r.sql}) t) as ${sql.raw(`r${i}`)}`,
  );
  const query = sql`select ${sql.join(parts, sql`, `)}`;
  const row = resultRows<Record<string, unknown>>(
    name ? await executePrepared(db, name, compiledQuery(query)) : await db.execute(query),
  )[0];
  return reads.map((r, i) => {
    const value = row[`r${i}`];
    return r.map((typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[]);
  }) as Values<T>;
}

/** Column types whose values JSON would round (numeric, 64-bit integers): read as text, as the driver gives them. */
const AS_TEXT = new Set(['PgNumeric', 'PgNumericBigInt', 'PgBigInt64']);

/**
 * A table's rows as a Read: `select <every column> from <table> where … [order by …]`, mapped back to what Drizzle's
 * select gives. Numeric and 64-bit columns travel as text (JSON would turn '1200.50' into 1200.5); tables with binary
 * columns are refused (JSON cannot carry them).
 */
export function tableRead<T extends PgTable>(table: T, where: SQL, orderBy?: SQL): Read<T['$inferSelect'][]> {
  const columns = Object.values(getTableColumns(table)).map((c) => {
    if (c.getSQLType() === 'bytea') throw new Error(`tableRead: ${getTableName(table)}.${c.name} is binary`);
    return AS_TEXT.has(c.columnType)
      ? sql`${sql.identifier(c.name)}::text as ${sql.identifier(c.name)}`
      : sql.identifier(c.name);
  });
  return {
    sql: sql`select ${sql.join(columns, sql`, `)} from ${table} where ${where}${orderBy ? sql` order by ${orderBy}` : sql``}`,
    map: (rows) => rows.map((r) => rowOf(table, r)),
  };
}
