import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from './test-database';
import { rowOf } from './one-statement';
import { Read, readAsOne, tableRead } from './read-as-one';
import * as schema from './schema';

describe('readAsOne', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const tag = randomUUID().slice(0, 8);
  let org: typeof schema.organizations.$inferSelect;
  beforeAll(async () => {
    ctx = await createTestDatabase();
    [org] = await ctx.db.db
      .insert(schema.organizations)
      .values({
        code: `RO-${tag}`,
        name: '甲调委会',
        kind: 'peoples',
        level: 'street',
        categories: ['neighbour', 'labour'],
        streetCodes: ['JS'],
        capacity: 9,
      })
      .returning();
    await ctx.db.db.insert(schema.users).values([
      { username: `ro1-${tag}`, displayName: '甲', role: 'party', phone: '13600000001' },
      { username: `ro2-${tag}`, displayName: '乙', role: 'party', phone: '13600000002' },
    ]);
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  const orgRead = (code: string): Read<(typeof schema.organizations.$inferSelect)[]> => ({
    sql: sql`select * from organizations where code = ${code}`,
    map: (rows) => rows.map((r) => rowOf(schema.organizations, r)),
  });
  const phonesRead = (phones: string[]): Read<string[]> => ({
    sql: sql`select username from users where phone = any(${sql.param(phones)}::text[]) order by username`,
    map: (rows) => rows.map((r) => r.username as string),
  });
  const existsRead = (phone: string): Read<boolean> => ({
    sql: sql`select 1 as one from users where phone = ${phone}`,
    map: (rows) => rows.length > 0,
  });
  const scalarRead: Read<number> = { sql: sql`select 41 + 1 as n`, map: (rows) => rows[0].n as number };

  it('answers several reads with parameters in one statement, each mapped; an empty read gives no rows', async () => {
    const [orgs, names, yes, no, n, none] = await readAsOne(ctx.db.db, null, [
      orgRead(`RO-${tag}`),
      phonesRead(['13600000002', '13600000001', '13699999999']),
      existsRead('13600000001'),
      existsRead('13699999999'),
      scalarRead,
      orgRead('no such code'),
    ] as const);
    expect(names).toEqual([`ro1-${tag}`, `ro2-${tag}`]);
    expect([yes, no, n]).toEqual([true, false, 42]);
    expect(none).toEqual([]);
    // a table's row through JSON and rowOf is what Drizzle's select gives (dates, arrays, integers, booleans)
    const selected = (
      await ctx.db.db.select().from(schema.organizations).where(eq(schema.organizations.id, org.id))
    )[0];
    expect(orgs).toEqual([selected]);
    expect(orgs[0].createdAt).toBeInstanceOf(Date);
  });

  it('as a prepared statement, answers each call with its own parameters', async () => {
    const run = (phones: string[], phone: string) =>
      readAsOne(ctx.db.db, 'read_as_one_test', [phonesRead(phones), existsRead(phone)] as const);
    expect(await run(['13600000001'], '13600000002')).toEqual([[`ro1-${tag}`], true]);
    expect(await run([], '13600000003')).toEqual([[], false]);
    expect(await run(['13600000002'], '13600000001')).toEqual([[`ro2-${tag}`], true]);
  });

  it('tableRead gives what Drizzle selects, numeric text and timestamps included', async () => {
    const id = randomUUID();
    const at = new Date('2026-11-27T01:02:03.456Z');
    await ctx.db.db.insert(schema.disputes).values({
      id,
      number: `TZ2026-T${tag}`,
      category: 'neighbour',
      kind: 'peoples',
      channel: 'online',
      title: '标题',
      description: '漏水',
      status: 'routed',
      claimAmount: '1200.50',
      routing: { why: '规则', n: 1 },
      formerBodyIds: [org.id],
      dueAt: at,
      createdAt: at,
      updatedAt: at,
    });
    await ctx.db.db.insert(schema.disputeParties).values([
      { disputeId: id, role: 'respondent', partyType: 'person', name: '乙', createdAt: at },
      {
        disputeId: id,
        role: 'applicant',
        partyType: 'person',
        name: '甲',
        phone: '13600000009',
        createdAt: at,
      },
    ]);
    const [disputes, parties, none] = await readAsOne(ctx.db.db, null, [
      tableRead(schema.disputes, eq(schema.disputes.id, id)),
      tableRead(
        schema.disputeParties,
        eq(schema.disputeParties.disputeId, id),
        sql`${schema.disputeParties.role}`,
      ),
      tableRead(schema.disputes, eq(schema.disputes.id, randomUUID())),
    ] as const);
    expect(disputes).toEqual(
      await ctx.db.db.select().from(schema.disputes).where(eq(schema.disputes.id, id)),
    );
    expect(disputes[0].claimAmount).toBe('1200.50');
    expect(disputes[0].dueAt).toEqual(at);
    expect(parties.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(parties).toEqual(
      await ctx.db.db
        .select()
        .from(schema.disputeParties)
        .where(eq(schema.disputeParties.disputeId, id))
        .orderBy(schema.disputeParties.role),
    );
    expect(none).toEqual([]);
  });
});
