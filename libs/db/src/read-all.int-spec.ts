import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database';
import { compiledQuery, executePrepared } from './prepared-sql';
import { readAll } from './read-all';
import type { Executor } from './db.types';

describe('readAll and executePrepared', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    ctx = await createTestDatabase();
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  /** A read that logs when it starts and when its answer arrives. */
  const read = (db: Executor, log: string[], name: string) => async () => {
    log.push(`start ${name}`);
    const r = await db.execute(sql`select ${name}::text as v, pg_sleep(0.02)`);
    log.push(`end ${name}`);
    return JSON.stringify(r).includes(name) ? name : null;
  };

  it('reads one after another inside a transaction, in the order given', async () => {
    const log: string[] = [];
    const out = await ctx.db.transaction((tx) =>
      readAll(tx, read(tx, log, 'a'), read(tx, log, 'b'), read(tx, log, 'c')),
    );
    expect(out).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('starts every read at once outside a transaction', async () => {
    const log: string[] = [];
    const out = await readAll(ctx.db.db, read(ctx.db.db, log, 'a'), read(ctx.db.db, log, 'b'));
    expect(out).toEqual(['a', 'b']);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('runs a named prepared statement again and again, in and outside a transaction', async () => {
    const answer = async (db: Executor, n: number) =>
      JSON.stringify(
        await executePrepared(
          db,
          'read_all_spec_double',
          compiledQuery(sql`select (${n}::int * 2) as doubled`),
        ),
      );
    for (let i = 1; i <= 7; i++) expect(await answer(ctx.db.db, i)).toContain(`"doubled":${i * 2}`);
    expect(await ctx.db.transaction((tx) => answer(tx, 21))).toContain('"doubled":42');
  });
});
