import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DbService } from './db.service';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or, when DATABASE_URL is set,
 * a new database on that server (dropped by `dispose`).
 */
export async function createTestDatabase(): Promise<{ db: DbService; url: string | null; dispose: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await DbService.connect({ databaseUrl: null, dataDir: 'memory://' });
    await db.migrate();
    return { db, url: null, dispose: () => db.close() };
  }
  const name = `tj_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await DbService.connect({ databaseUrl: url.toString(), dataDir: '' });
  await db.migrate();
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
