import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as path from 'node:path';
import { Pool } from 'pg';
import { DataDirLock, lockDataDir, probeDataDir } from './data-dir-lock';
import * as schema from './schema';
import type { DbOptions, Executor, RawClient } from './db.types';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../migrations');
const MIGRATION_LOCK_KEY = 7_405_112_001;

/**
 * One schema, one code path: Drizzle over PGlite (embedded, default) or node-postgres (DATABASE_URL).
 * Repositories receive `Executor`s; only this lib knows which engine is underneath.
 */
export class DbService {
  private constructor(
    readonly engine: 'pglite' | 'postgres',
    readonly db: Executor,
    readonly pglite: PGlite | null,
    readonly pool: Pool | null,
    /** The server URL when on PostgreSQL (pg-boss opens its own pool on it). */
    readonly url: string | null = null,
    private readonly lock: DataDirLock | null = null,
    /** The PGlite data folder (null on a server or in memory). */
    readonly dataDir: string | null = null,
  ) {}

  static async connect(options: DbOptions): Promise<DbService> {
    if (options.databaseUrl) {
      // The server's plan cache as PostgreSQL ships it (plan_cache_mode=auto): a named statement is planned with its
      // values five times, then keeps a generic plan if that costs no more, and is re-planned whenever its tables'
      // statistics change (ANALYZE, autovacuum). The one read whose best plan depends on the values and on how the
      // tables grew, the new dispute's repeated-dispute check, is sent unnamed (CaseIntakeService), so it is planned
      // every time. Forcing custom plans on every statement instead was measured: planning was then 28 % of
      // PostgreSQL's statement time under load, and side by side without it HTTP p99 fell from 6.4–28.7 s to
      // 0.3–2.1 s (docs/decisions.md).
      const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
      pool.on('error', (err) => new Logger('Db').error(`idle client error: ${err.message}`));
      const db = drizzlePg(pool, { schema }) as unknown as Executor;
      return new DbService('postgres', db, null, pool, options.databaseUrl);
    }
    const dataDir = options.dataDir === 'memory://' ? '' : options.dataDir;
    let lock: DataDirLock | null = null;
    if (dataDir) {
      probeDataDir(dataDir);
      lock = await lockDataDir(dataDir);
    }
    try {
      const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
      await pglite.waitReady;
      const db = drizzlePglite(pglite, { schema }) as unknown as Executor;
      return new DbService('pglite', db, pglite, null, null, lock, dataDir || null);
    } catch (err) {
      await lock?.release();
      throw err;
    }
  }

  /** Applies the committed SQL migrations; on a server, under an advisory lock so instances don't race. */
  async migrate(): Promise<void> {
    if (this.pglite) {
      await migratePglite(drizzlePglite(this.pglite), { migrationsFolder: MIGRATIONS_DIR });
      return;
    }
    const client = await this.pool!.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(tx as unknown as Executor));
  }

  /** The driver client behind an executor, for SQL that must share its transaction (pg-boss sends). */
  raw(executor: Executor = this.db): RawClient {
    const client = (executor as any).session?.client;
    if (!client || typeof client.query !== 'function') throw new Error('executor has no raw client');
    return client as RawClient;
  }

  async ping(): Promise<boolean> {
    const rows = await this.db.execute(sql`select 1 as ok`);
    const list = Array.isArray(rows) ? rows : (rows as any).rows;
    return list?.[0]?.ok === 1;
  }

  private closing: Promise<void> | null = null;
  private users = 0;

  /** An application context using this database (DbModule); the last one to release it closes it. */
  retain(): void {
    this.users += 1;
  }

  /**
   * Called by each application context on shutdown: closes the database when no other context in the process
   * still uses it (src/main.ts runs the api and the worker on one pool: the worker closing first must not end the
   * pool under the api, whose socket adapter still holds its LISTEN connection).
   */
  release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    return this.users === 0 ? this.close() : Promise.resolve();
  }

  /** Idempotent: the app's shutdown hook and a test's dispose may both call it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pool) await this.pool.end();
      if (this.pglite && !this.pglite.closed) await this.pglite.close();
      await this.lock?.release();
    })();
    return this.closing;
  }
}
