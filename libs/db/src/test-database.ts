import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DbService } from './db.service';

/**
 * A new database on a PostgreSQL server (`base` names the server), migrated unless `migrate: false`; `drop`
 * removes it WITH (FORCE), since killed processes may leave sessions behind. Used by tests and benchmarks.
 */
export async function createServerDatabase(
  base: string,
  opts: { prefix?: string; migrate?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${opts.prefix ?? 'tj_test'}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect().catch(async (err: Error) => {
    await admin.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL at ${base.replace(/\/\/[^@]*@/, '//')} is not reachable (${err.message}); set DATABASE_URL to a server`,
    );
  });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  if (opts.migrate !== false) {
    const db = await DbService.connect({ databaseUrl: url.toString(), dataDir: '' });
    await db.migrate();
    await db.close();
  }
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when DATABASE_URL is set,
 * a new database on that server (dropped by `dispose`).
 */
export async function createTestDatabase(): Promise<{
  db: DbService;
  url: string | null;
  dispose: () => Promise<void>;
}> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await DbService.connect({ databaseUrl: null, dataDir: 'memory://' });
    await db.migrate();
    return { db, url: null, dispose: () => db.close() };
  }
  const server = await createServerDatabase(base);
  const db = await DbService.connect({ databaseUrl: server.url, dataDir: '' });
  return {
    db,
    url: server.url,
    dispose: async () => {
      await db.close();
      await server.drop();
    },
  };
}
