import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { LOAD_STATUSES, createTestDatabase, resultRows, schema } from '@tiaojie/db';
import { DispatchRepository } from './dispatch.repository';

/**
 * body_loads is kept by statement-level triggers on disputes (migration 0001_body_loads). After every kind of change
 * it must equal a fresh count of the open disputes per body, which is what routing used to read on every application.
 */
describe('body_loads (trigger-kept open cases per body)', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const repo = new DispatchRepository();
  const tag = randomUUID().slice(0, 8);
  let bodies: string[];
  const d = schema.disputes;

  const insert = (rows: { status: string; bodyId: string | null }[]) =>
    ctx.db.db
      .insert(d)
      .values(
        rows.map((r) => ({
          number: `TZ2026-L${randomUUID().slice(0, 10)}`,
          category: 'neighbour',
          kind: 'peoples',
          channel: 'online',
          title: 't',
          description: 'd',
          ...r,
        })),
      )
      .returning({ id: d.id });

  /** What routing used to compute: open disputes counted per body. */
  const counted = async () => {
    const rows = resultRows<{ body_id: string; n: number }>(
      await ctx.db.db.execute(sql`
      select body_id, count(*)::int as n from disputes where body_id is not null and status = any(${sql.param([...LOAD_STATUSES])}::text[]) group by body_id`),
    );
    return Object.fromEntries(rows.map((r) => [r.body_id, Number(r.n)]));
  };
  const kept = async () => Object.fromEntries(await repo.bodyLoads(ctx.db.db));
  const expectConsistent = async (expected: Record<number, number>) => {
    const want = Object.fromEntries(
      Object.entries(expected)
        .filter(([, n]) => n !== 0)
        .map(([i, n]) => [bodies[Number(i)], n]),
    );
    expect(await counted()).toEqual(want);
    expect(await kept()).toEqual(want);
  };

  beforeAll(async () => {
    ctx = await createTestDatabase();
    bodies = (
      await ctx.db.db
        .insert(schema.organizations)
        .values(
          [0, 1, 2].map((i) => ({
            code: `L-${i}-${tag}`,
            name: `调委会${i}`,
            kind: 'peoples',
            level: 'street',
          })),
        )
        .returning()
    ).map((o) => o.id);
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('counts inserts, status changes, moves between bodies, bulk updates and deletes', async () => {
    const [a, b, closed] = await insert([
      { status: 'routed', bodyId: bodies[0] },
      { status: 'in_mediation', bodyId: bodies[0] },
      { status: 'closed', bodyId: bodies[1] },
    ]);
    await insert([
      { status: 'district_queue', bodyId: null },
      { status: 'agreement_pending', bodyId: bodies[1] },
      { status: 'received', bodyId: bodies[2] },
    ]);
    await expectConsistent({ 0: 2, 1: 1 });

    await ctx.db.db.update(d).set({ status: 'accepted' }).where(eq(d.id, a.id)); // open → open: no change
    await ctx.db.db.update(d).set({ title: 'renamed' }).where(eq(d.id, a.id)); // neither status nor body
    await expectConsistent({ 0: 2, 1: 1 });

    await ctx.db.db.update(d).set({ bodyId: bodies[2] }).where(eq(d.id, b.id)); // transfer
    await ctx.db.db.update(d).set({ status: 'routed' }).where(eq(d.id, closed.id)); // reopened
    await expectConsistent({ 0: 1, 1: 2, 2: 1 });

    // one statement moving cases both ways and closing another
    await ctx.db.db
      .execute(sql`update disputes set body_id = case when body_id = ${bodies[1]}::uuid then ${bodies[2]}::uuid else ${bodies[1]}::uuid end
      where body_id in (${bodies[1]}::uuid, ${bodies[2]}::uuid) and status <> 'received'`);
    await ctx.db.db.update(d).set({ status: 'closed' }).where(eq(d.id, a.id));
    await expectConsistent({ 0: 0, 1: 1, 2: 2 });

    await ctx.db.db.delete(d).where(and(eq(d.bodyId, bodies[2]), inArray(d.status, ['routed'])));
    await expectConsistent({ 1: 1, 2: 1 });
  });

  it('stays exact under concurrent writers on the same bodies', async () => {
    const before = await counted();
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => insert([{ status: 'routed', bodyId: bodies[i % 3] }])),
    );
    await Promise.all(
      created.map(([row], i) =>
        ctx.db.db
          .update(d)
          .set({ bodyId: bodies[(i + 1) % 3] })
          .where(eq(d.id, row.id)),
      ),
    );
    const after = await counted();
    for (const id of bodies) expect(after[id] ?? 0).toBe((before[id] ?? 0) + 10);
    expect(await kept()).toEqual(after);
  });

  it('feeds the routing read of bodies with their loads', async () => {
    const loads = await counted();
    const rows = await repo.mediationBodiesWithLoads(ctx.db.db);
    for (const id of bodies) expect(rows.find((r) => r.id === id)!.openCases).toBe(loads[id] ?? 0);
  });
});
