/**
 * Multi-row writes as one parameter: the rows travel as a JSON array and PostgreSQL unpacks them
 * with jsonb_to_recordset. Building a 500-row VALUES list through the query builder costs more CPU
 * than the database spends inserting it; this keeps an import batch to a few round trips.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.types';

export type SqlType =
  'text' | 'uuid' | 'int' | 'bigint' | 'boolean' | 'timestamptz' | 'jsonb' | 'text[]' | 'numeric' | 'date';

/** Column name → SQL type, in insert order. */
export type ColumnTypes = Readonly<Record<string, SqlType>>;

/** `jsonb_to_recordset($1) as x(col type, …)` over rows keyed by column name. */
export function recordset(columns: ColumnTypes, rows: readonly object[]): SQL {
  const defs = Object.entries(columns)
    .map(([c, t]) => `"${c}" ${t}`)
    .join(', ');
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(defs)})`;
}

export function columnList(columns: ColumnTypes): SQL {
  return sql.raw(
    Object.keys(columns)
      .map((c) => `"${c}"`)
      .join(', '),
  );
}

/** Rows of an execute() result on either driver (node-postgres QueryResult or PGlite Results). */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** insert into `table` (columns) select columns from the rows [suffix], in chunks; returns the rows of `returning`. */
export async function bulkInsert<T = Record<string, unknown>>(
  tx: Executor,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  suffix: SQL = sql``,
  chunk = 1000,
): Promise<T[]> {
  const out: T[] = [];
  const cols = columnList(columns);
  for (let i = 0; i < rows.length; i += chunk) {
    const res = await tx.execute(
      sql`insert into ${sql.identifier(table)} (${cols}) select ${cols} from ${recordset(columns, rows.slice(i, i + chunk))} ${suffix}`,
    );
    out.push(...resultRows<T>(res));
  }
  return out;
}
