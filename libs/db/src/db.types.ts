import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface RawClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface DbOptions {
  /** PostgreSQL server URL; null selects embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder, or 'memory://' for a throwaway database. */
  dataDir: string;
  poolSize?: number;
}
