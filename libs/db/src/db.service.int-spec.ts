import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database';
import { DbService } from './db.service';
import { streets } from './schema';

describe('DbService', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => { ctx = await createTestDatabase(); });
  afterAll(async () => { await ctx.dispose(); });

  it('runs the committed migrations and answers a ping', async () => {
    expect(await ctx.db.ping()).toBe(true);
    const rows = await ctx.db.db.select().from(streets);
    expect(rows).toEqual([]);
  });

  it('plans prepared statements with their values on a server (no generic plan cached while tables are small)', async () => {
    const rows = await ctx.db.raw(ctx.db.db).query('show plan_cache_mode');
    // PGlite is one embedded session whose statements are never named: nothing is cached there
    expect(rows.rows[0].plan_cache_mode).toBe(ctx.url ? 'force_custom_plan' : 'auto');
  });

  it('rolls back a failed transaction and shares the transaction with raw SQL', async () => {
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.insert(streets).values({ code: 'S1', name: '一街' });
        await ctx.db.raw(tx).query('INSERT INTO streets (code, name) VALUES ($1, $2)', ['S2', '二街']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ctx.db.db.select().from(streets)).toEqual([]);
    await ctx.db.transaction(async (tx) => {
      await ctx.db.raw(tx).query('INSERT INTO streets (code, name) VALUES ($1, $2)', ['S3', '三街']);
    });
    const names = await ctx.db.db.execute(sql`select name from streets`);
    expect(JSON.stringify(names)).toContain('三街');
  });

  it('keeps PGlite data across restarts when given a data folder', async () => {
    if (ctx.url) return expect(ctx.db.engine).toBe('postgres');
    const dir = `/tmp/tj-db-${process.pid}-${Date.now()}`;
    const a = await DbService.connect({ databaseUrl: null, dataDir: dir });
    await a.migrate();
    await a.db.insert(streets).values({ code: 'P1', name: '持久街' });
    await a.close();
    const b = await DbService.connect({ databaseUrl: null, dataDir: dir });
    await b.migrate();
    expect((await b.db.select().from(streets)).map((s) => s.name)).toEqual(['持久街']);
    await b.close();
  });
});
