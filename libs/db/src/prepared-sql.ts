import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './db.types';

const dialect = new PgDialect();

/**
 * Runs a raw SQL statement as a named prepared statement: on a PostgreSQL server each pooled connection parses it
 * once, and after five runs may keep a generic plan, which the server re-plans when the tables' statistics change
 * (see DbService). Not for a read whose best plan depends on its values as the tables grow: send that unnamed.
 * `db.execute` sends an unnamed statement, planned every time. For hot statements whose text never changes: the
 * name must always carry the same SQL text with the same number of parameters (node-postgres refuses a name reused
 * for another text). PGlite ignores the name. Not for a transaction-pooling proxy (pgbouncer in transaction mode
 * before 1.21), which cannot keep a connection's prepared statements.
 *
 * `query` is compiled SQL (`compiledQuery`): a hot statement compiles its text once, at load. Returns what
 * `db.execute` returns (the driver's result, rows as objects). `placeholders` fills the query's `sql.placeholder`s.
 */
export function executePrepared(
  db: Executor,
  name: string,
  query: Query,
  placeholders?: Record<string, unknown>,
): Promise<unknown> {
  return db._.session.prepareQuery(query, undefined, name, false).execute(placeholders);
}

/** A statement's text and parameters, built once (`sql.placeholder` values are given to `executePrepared`). */
export function compiledQuery(query: SQL): Query {
  return dialect.sqlToQuery(query);
}
