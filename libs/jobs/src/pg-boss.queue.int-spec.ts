import { sql } from 'drizzle-orm';
import { FixedClock } from '@tiaojie/core';
import { createTestDatabase } from '@tiaojie/db';
import { PgBossQueue } from './pg-boss.queue';

function rows(r: unknown): any[] {
  return (Array.isArray(r) ? r : (r as { rows: any[] }).rows) ?? [];
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('PgBossQueue on the application database', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const queues: PgBossQueue[] = [];
  const names = ['t.a', 't.b', 't.c', 't.d'];
  const clock = new FixedClock(new Date('2020-01-01T00:00:00Z'));

  beforeAll(async () => {
    ctx = await createTestDatabase();
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await ctx.dispose();
  });

  it('lets two instances create the same new queues at once (api and worker booting together)', async () => {
    const a = new PgBossQueue(ctx.db, ctx.url, names, { clock });
    const b = new PgBossQueue(ctx.db, ctx.url, names, { clock });
    queues.push(a, b);
    if (ctx.url) {
      await Promise.all([a.start(), b.start()]);
    } else {
      // PGlite is one connection in one process: pg-boss's own start-up statements must not interleave there,
      // and the all-in-one entry starts the api's queue before the worker's. Both instances still share it.
      await a.start();
      await b.start();
    }
    // and many sends racing to a queue nobody created yet
    await Promise.all(Array.from({ length: 12 }, (_, i) => a.send('t.fresh', { i })));
    const r = await ctx.db.db.execute(sql`select count(*)::int as n from pgboss.job where name = 't.fresh'`);
    expect(rows(r)[0].n).toBe(12);
  });

  it('sends a keyed job once, measures startAfter on the injected clock, and settles each job of a batch on its own', async () => {
    const q = queues[0];
    const key = { singletonKey: 'case-1:remind:3', startAfter: new Date(clock.now().getTime() + 1500) };
    const first = await q.send('t.a', { n: 1 }, key);
    expect(first).not.toBeNull();
    expect(await q.send('t.a', { n: 1 }, key)).toBeNull();
    await ctx.db.transaction((tx) => q.send('t.a', { n: 1 }, { ...key, tx }));
    await q.send('t.a', { n: 2, fail: true });

    const seen: { n: number; at: number }[] = [];
    const sentAt = Date.now();
    await q.work<{ n: number; fail?: boolean }>(
      't.a',
      async (job) => {
        seen.push({ n: job.data.n, at: Date.now() });
        if (job.data.fail && seen.filter((s) => s.n === 2).length === 1) throw new Error('first try fails');
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await until(
      () => seen.filter((s) => s.n === 1).length === 1 && seen.filter((s) => s.n === 2).length === 2,
    );
    await new Promise((r) => setTimeout(r, 1500));
    // the keyed job ran once, about 1.5 s after it was sent although the app clock says 2020
    const keyed = seen.filter((s) => s.n === 1);
    expect(keyed).toHaveLength(1);
    expect(keyed[0].at - sentAt).toBeGreaterThanOrEqual(1000);
    expect(keyed[0].at - sentAt).toBeLessThan(10_000);
    // the failing job was retried alone; the other job of its batch was not run again
    expect(seen.filter((s) => s.n === 2)).toHaveLength(2);
  });
});
