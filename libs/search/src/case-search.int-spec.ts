import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CoreModule, loadConfig } from '@tiaojie/core';
import { DbModule, DbService, createTestDatabase } from '@tiaojie/db';
import { CaseSearchIndexService } from './case-search-index.service';
import { CaseSearchRepository, Condition } from './case-search.repository';
import { SearchModule } from './search.module';

/** The index and its read on a real database: what the postings hold, and the order a page comes in. */
describe('case search index (int)', () => {
  let app: INestApplicationContext;
  let db: DbService;
  let dispose: () => Promise<void>;
  let index: CaseSearchIndexService;
  let repo: CaseSearchRepository;

  beforeAll(async () => {
    const ctx = await createTestDatabase();
    db = ctx.db;
    dispose = ctx.dispose;
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret!' });
    @Module({ imports: [CoreModule.forRoot(config), DbModule.forRoot(ctx.db), SearchModule] })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    index = app.get(CaseSearchIndexService);
    repo = app.get(CaseSearchRepository);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  let serial = 900000;
  /** A dispute written as a row (as an import writes it), then indexed in its own transaction. */
  async function dispute(f: { title?: string; description?: string; party?: string; at: string }) {
    const id = randomUUID();
    serial += 1;
    await db.raw(db.db).query(
      `insert into disputes (id, number, category, channel, title, description, status, created_at, updated_at)
       values ($1, $2, 'neighbour', 'window', $3, $4, 'received', $5, $5)`,
      [id, `TZ2026-${serial}`, f.title ?? '邻里纠纷', f.description ?? '双方协商未果。', f.at],
    );
    if (f.party)
      await db
        .raw(db.db)
        .query(`insert into dispute_parties (dispute_id, role, name) values ($1, 'applicant', $2)`, [
          id,
          f.party,
        ]);
    await db.transaction((tx) => index.reindex(tx, [id]));
    return { id, number: `TZ2026-${serial}` };
  }

  const read = async (driver: Condition, others: Condition[] = [], limit = 10) =>
    (await repo.read(db.db, { driver, others, where: [sql`true`], joinCases: true, after: null, limit }))
      .hits;

  it('ranks identifiers, then names, then the title, then the text, newest first within each', async () => {
    const text1 = await dispute({ description: '门前青松被邻居砍伐。', at: '2026-03-01T00:00:00Z' });
    const text2 = await dispute({ description: '院内青松遮挡阳光。', at: '2026-04-01T00:00:00Z' });
    const title = await dispute({ title: '青松小区噪音纠纷', at: '2026-02-01T00:00:00Z' });
    const name = await dispute({ party: '青松', at: '2026-01-01T00:00:00Z' });
    const hits = await read([{ terms: ['青松'] }]);
    expect(hits.map((h) => h.disputeId)).toEqual([name.id, title.id, text2.id, text1.id]);
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 3, 3]);
    // a number's serial (identifier) before the same digits in a description
    const inText = await dispute({ description: `门牌号${serial + 2}被涂改。`, at: '2026-05-01T00:00:00Z' });
    const byNumber = await dispute({ at: '2026-01-01T00:00:00Z' });
    const digits = byNumber.number.slice(-6);
    const both = await read([{ terms: [`s:${digits}`] }, { terms: [digits] }]);
    expect(both.map((h) => h.disputeId)).toEqual([byNumber.id, inText.id]);
  });

  it('narrows by every term (AND) and reads a number prefix as a range', async () => {
    const a = await dispute({ description: '楼上卫生间漏水，吊顶发霉。', at: '2026-06-01T00:00:00Z' });
    await dispute({ description: '楼上卫生间漏水。', at: '2026-06-02T00:00:00Z' });
    expect((await read([{ terms: ['漏水'] }], [[{ terms: ['发霉'] }]])).map((h) => h.disputeId)).toEqual([
      a.id,
    ]);
    const prefix = (await read([{ prefix: `n:${a.number.slice(0, -1)}` }], [], 100)).map((h) => h.disputeId);
    expect(prefix).toContain(a.id);
    const all = { others: [], where: [], joinCases: false, after: null, limit: 10 };
    expect((await repo.read(db.db, { ...all, driver: [{ terms: ['漏水'] }] })).total).toBe(2);
  });

  it('walks on, or joins whole posting lists, when the budgeted walk does not fill a page', async () => {
    const old = await dispute({ description: '阳台花盆坠落砸坏雨棚。', at: '2025-01-01T00:00:00Z' });
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (await dispute({ description: `阳台花盆第${i}次摆放外沿。`, at: `2026-0${i + 1}-02T00:00:00Z` })).id,
      );
    const base = { where: [], joinCases: false, limit: 2 };
    const and = { ...base, driver: [{ terms: ['花盆'] }], others: [[{ terms: ['雨棚'] }]] };
    // the three newest 花盆 postings lack 雨棚: a budget of two finds nothing, so the lists are joined whole
    for (const budget of [2, 3000])
      expect(await repo.read(db.db, { ...and, after: null, budget })).toEqual({
        hits: [expect.objectContaining({ disputeId: old.id, rank: 3 })],
        total: 1,
      });
    const first = await repo.read(db.db, { ...base, driver: [{ terms: ['花盆'] }], others: [], after: null });
    expect(first.total).toBe(4);
    // a page the budget fills, a count it cannot finish: the total is unknown
    const uncounted = await repo.read(db.db, {
      ...base,
      driver: [{ terms: ['花盆'] }],
      others: [],
      after: null,
      budget: 2,
    });
    expect(uncounted).toEqual({ hits: first.hits, total: null });
    // the page after the cursor: one match within a budget of one, the rest walked on; the count was not finished
    const last = first.hits[1];
    const cursor = { rank: last.rank, receivedAt: last.receivedAt.toISOString(), id: last.disputeId };
    const next = await repo.read(db.db, {
      ...base,
      driver: [{ terms: ['花盆'] }],
      others: [[{ terms: ['阳台'] }]],
      after: cursor,
      budget: 1,
    });
    expect(next).toEqual({
      hits: [expect.objectContaining({ disputeId: made[0] }), expect.objectContaining({ disputeId: old.id })],
      total: null,
    });
  });

  it('replaces a case postings as a whole when it is indexed again', async () => {
    const c = await dispute({ description: '琵琶声扰民。', at: '2026-07-01T00:00:00Z' });
    await db.raw(db.db).query(`update disputes set description = '二胡声扰民。' where id = $1`, [c.id]);
    await db.transaction((tx) => index.reindex(tx, [c.id]));
    expect(await read([{ terms: ['琵琶'] }])).toEqual([]);
    expect((await read([{ terms: ['二胡'] }])).map((h) => h.disputeId)).toEqual([c.id]);
  });
});
