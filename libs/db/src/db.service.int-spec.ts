import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database';
import { DbService } from './db.service';
import { streets } from './schema';

describe('DbService', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    ctx = await createTestDatabase();
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('runs the committed migrations and answers a ping', async () => {
    expect(await ctx.db.ping()).toBe(true);
    const rows = await ctx.db.db.select().from(streets);
    expect(rows).toEqual([]);
  });

  it("keeps the server's plan cache, which re-plans a named statement cached on a small table once ANALYZE has run", async () => {
    const plans = await ctx.db.transaction(async (tx) => {
      const q = (text: string) => ctx.db.raw(tx).query(text);
      const plan = async () =>
        JSON.stringify((await q('explain (format json) execute tj_plan_probe(7)')).rows);
      expect((await q('show plan_cache_mode')).rows[0].plan_cache_mode).toBe('auto');
      await q('create temp table tj_plan_probe (id int primary key, k int not null, pad text not null)');
      await q('create index on tj_plan_probe (k)');
      await q("insert into tj_plan_probe select g, g % 3, 'x' from generate_series(1, 9) g");
      await q('analyze tj_plan_probe');
      await q('prepare tj_plan_probe(int) as select id, pad from tj_plan_probe where k = $1');
      for (let i = 0; i < 6; i++) await q('execute tj_plan_probe(7)'); // past the five custom plans: a generic one may now be cached
      const small = await plan();
      await q(
        "insert into tj_plan_probe select g, g % 5000, repeat('x', 40) from generate_series(10, 40000) g",
      );
      await q('analyze tj_plan_probe');
      const grown = await plan();
      await q('deallocate tj_plan_probe');
      await q('drop table tj_plan_probe');
      return { small, grown };
    });
    expect(plans.small).toContain('Seq Scan');
    expect(plans.grown).toMatch(/Index (Only )?Scan/);
    expect(plans.grown).not.toContain('Seq Scan');
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

  it('refuses a second open of the same PGlite data folder until the first closes', async () => {
    if (ctx.url) return expect(ctx.db.engine).toBe('postgres');
    const dir = `/tmp/tj-db-lock-${process.pid}-${Date.now()}`;
    const a = await DbService.connect({ databaseUrl: null, dataDir: dir });
    await expect(DbService.connect({ databaseUrl: null, dataDir: dir })).rejects.toThrow(
      `数据目录 ${dir} 正被另一个进程使用（pid ${process.pid}）`,
    );
    await a.close();
    const b = await DbService.connect({ databaseUrl: null, dataDir: dir });
    await b.close();
  });
});
