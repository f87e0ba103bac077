import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { createServerDatabase, DbService, MIGRATIONS_DIR, resultRows } from '@tiaojie/db';
import { TRIGGER_NAMES } from './stats-triggers.sql';

const TRIGGER_MIGRATION = '0006_stats-triggers';

/** The migrations folder as it was before the trigger migration. */
function migrationsBeforeTriggers(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tj-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === TRIGGER_MIGRATION);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('statistics triggers (int)', () => {
  let db: DbService;
  let dropServer: (() => Promise<void>) | null = null;
  let oldMigrations: string;

  beforeAll(async () => {
    oldMigrations = migrationsBeforeTriggers();
    const base = process.env.DATABASE_URL;
    if (base) {
      const server = await createServerDatabase(base, { migrate: false });
      dropServer = server.drop;
      db = await DbService.connect({ databaseUrl: server.url, dataDir: '' });
    } else {
      db = await DbService.connect({ databaseUrl: null, dataDir: 'memory://' });
    }
  });
  afterAll(async () => {
    await db.close();
    await dropServer?.();
    rmSync(oldMigrations, { recursive: true, force: true });
  });

  const run = (folder: string) =>
    db.engine === 'pglite'
      ? migratePglite(db.db as never, { migrationsFolder: folder })
      : migratePg(db.db as never, { migrationsFolder: folder });
  const count = async (q: ReturnType<typeof sql>) =>
    Number(resultRows<{ n: number }>(await db.db.execute(q))[0].n);
  const insertDispute = (n: string) =>
    db.db.execute(
      sql`insert into disputes (number, category, channel, title, description, status)
          values (${n}, 'neighbour', 'online', '邻里纠纷', '说明', 'received')`,
    );

  it('a database created before the trigger migration gets the triggers and the aggregates of its disputes', async () => {
    await run(oldMigrations);
    await insertDispute('T-1');
    await insertDispute('T-2');
    expect(await count(sql`select count(*)::int as n from pg_trigger where tgname like 'tj_stats_%'`)).toBe(
      0,
    );

    await db.migrate();
    const names = resultRows<{ tgname: string }>(
      await db.db.execute(sql`select tgname from pg_trigger where tgname like 'tj_stats_%' order by tgname`),
    ).map((r) => r.tgname);
    expect(names).toEqual([...TRIGGER_NAMES].sort());
    expect(
      await count(
        sql`select coalesce(sum(received), 0)::int as n from stats_dispute_daily where dim = 'all'`,
      ),
    ).toBe(2);

    // from now on the triggers record each new dispute as a delta
    await insertDispute('T-3');
    expect(await count(sql`select count(*)::int as n from stats_dispute_delta`)).toBe(1);
  });
});
