import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database';
import { rowOf, runAsOne } from './one-statement';
import * as schema from './schema';

describe('runAsOne and rowOf', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    ctx = await createTestDatabase();
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  const dispute = (id: string, now: Date) => ({
    id,
    number: `TZ2026-9${id.slice(0, 5)}`,
    category: 'neighbour',
    kind: 'peoples',
    channel: 'online',
    title: '邻里纠纷',
    description: '漏水',
    status: 'routed',
    version: 2,
    claimAmount: '1200.50',
    peopleInvolved: 2,
    routing: { why: '规则' },
    createdAt: now,
    updatedAt: now,
  });

  it('inserts a parent and its children in one statement and returns the parent as Drizzle would', async () => {
    const db = ctx.db.db;
    const id = randomUUID();
    const now = new Date('2026-11-27T01:00:00.123Z');
    const raw = await runAsOne(
      db,
      db.insert(schema.disputes).values(dispute(id, now)).returning().getSQL(),
      db
        .insert(schema.disputeParties)
        .values([
          { disputeId: id, role: 'applicant', partyType: 'person', name: '甲', createdAt: now },
          {
            disputeId: id,
            role: 'respondent',
            partyType: 'person',
            name: '乙',
            createdAt: new Date(now.getTime() + 1),
          },
        ])
        .getSQL(),
    );
    expect(raw).toHaveLength(1);
    const row = rowOf(schema.disputes, raw[0]);
    const selected = (await db.select().from(schema.disputes).where(eq(schema.disputes.id, id)))[0];
    expect(row).toEqual(selected);
    expect(row.createdAt).toEqual(now);
    expect(row.claimAmount).toBe('1200.50');
    expect(row.routing).toEqual({ why: '规则' });
    expect(row.sessionMode).toBe(selected.sessionMode); // a column default, filled by the database
    const parties = await db
      .select()
      .from(schema.disputeParties)
      .where(eq(schema.disputeParties.disputeId, id));
    expect(parties.map((p) => p.name).sort()).toEqual(['乙', '甲']);
  });

  it('is all or nothing: a failing part leaves no row of any part', async () => {
    const db = ctx.db.db;
    const id = randomUUID();
    const now = new Date();
    await expect(
      runAsOne(
        db,
        db.insert(schema.disputes).values(dispute(id, now)).returning().getSQL(),
        db
          .insert(schema.disputeParties)
          .values({
            disputeId: randomUUID(),
            role: 'applicant',
            partyType: 'person',
            name: '无主',
            createdAt: now,
          })
          .getSQL(),
      ),
    ).rejects.toThrow();
    expect(await db.select().from(schema.disputes).where(eq(schema.disputes.id, id))).toEqual([]);
  });

  it('joins a transaction when given one', async () => {
    const id = randomUUID();
    await expect(
      ctx.db.transaction(async (tx) => {
        await runAsOne(tx, tx.insert(schema.disputes).values(dispute(id, new Date())).returning().getSQL());
        const seen = await tx.execute(sql`select count(*)::int as n from disputes where id = ${id}`);
        expect(JSON.stringify(seen)).toContain('"n":1');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ctx.db.db.select().from(schema.disputes).where(eq(schema.disputes.id, id))).toEqual([]);
  });
});
