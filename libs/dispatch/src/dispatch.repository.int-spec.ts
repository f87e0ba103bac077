import { randomUUID } from 'node:crypto';
import { createTestDatabase, readAsOne, schema } from '@tiaojie/db';
import { DispatchRepository } from './dispatch.repository';

/** The prepared reads routing makes on every application, against a real database. */
describe('DispatchRepository (prepared routing reads)', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  const repo = new DispatchRepository();
  const tag = randomUUID().slice(0, 8);
  let bodyA: string;
  let bodyB: string;
  let court: string;
  const now = new Date('2026-11-27T02:00:00Z');

  const dispute = async (
    status: string,
    bodyId: string | null,
    phones: string[],
    category = 'neighbour',
    createdAt = now,
  ) => {
    const id = randomUUID();
    await ctx.db.db.insert(schema.disputes).values({
      id,
      number: `TZ2026-R${randomUUID().slice(0, 8)}`,
      category,
      kind: 'peoples',
      channel: 'online',
      title: 't',
      description: 'd',
      status,
      bodyId,
      peopleInvolved: phones.length,
      createdAt,
      updatedAt: createdAt,
    });
    if (phones.length)
      await ctx.db.db.insert(schema.disputeParties).values(
        phones.map((phone, i) => ({
          disputeId: id,
          role: i === 0 ? 'applicant' : 'respondent',
          partyType: 'person',
          name: `当事人${i}`,
          phone,
          createdAt,
        })),
      );
    return id;
  };

  beforeAll(async () => {
    ctx = await createTestDatabase();
    const orgs = await ctx.db.db
      .insert(schema.organizations)
      .values([
        {
          code: `R-A-${tag}`,
          name: '甲调委会',
          kind: 'peoples',
          level: 'street',
          categories: ['neighbour'],
          streetCodes: ['JS'],
          capacity: 7,
        },
        { code: `R-B-${tag}`, name: '乙调委会', kind: 'industry', level: 'district' },
        { code: `R-C-${tag}`, name: '某法院', kind: 'court', level: 'district' },
      ])
      .returning();
    [bodyA, bodyB, court] = orgs.map((o) => o.id);
    await dispute('routed', bodyA, ['13800000001']);
    await dispute('in_mediation', bodyA, ['13800000002']);
    await dispute('closed', bodyA, ['13800000003']);
    await dispute('district_queue', null, ['13800000004']);
    await dispute('accepted', bodyB, []);
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('reads every mediation body (not courts) with its open cases, as Drizzle rows', async () => {
    const rows = await repo.mediationBodiesWithLoads(ctx.db.db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(bodyA)).toMatchObject({
      name: '甲调委会',
      kind: 'peoples',
      categories: ['neighbour'],
      streetCodes: ['JS'],
      capacity: 7,
      active: true,
      openCases: 2,
    });
    expect(byId.get(bodyA)!.createdAt).toBeInstanceOf(Date);
    expect(byId.get(bodyB)!.openCases).toBe(1);
    expect(byId.has(court)).toBe(false);
    // the same statement again (prepared once per connection) sees a new open case
    await dispute('agreement_pending', bodyA, []);
    expect((await repo.mediationBodiesWithLoads(ctx.db.db)).find((r) => r.id === bodyA)!.openCases).toBe(3);
  });

  it('finds an earlier dispute of the same category by any of the phones, within the window, never the dispute itself', async () => {
    const since = new Date(now.getTime() - 86_400_000);
    expect(
      await repo.hasPriorDispute(ctx.db.db, randomUUID(), 'neighbour', ['13900000000', '13800000002'], since),
    ).toBe(true);
    expect(await repo.hasPriorDispute(ctx.db.db, randomUUID(), 'labour', ['13800000002'], since)).toBe(false);
    expect(
      await repo.hasPriorDispute(
        ctx.db.db,
        randomUUID(),
        'neighbour',
        ['13800000002'],
        new Date(now.getTime() + 1000),
      ),
    ).toBe(false);
    expect(await repo.hasPriorDispute(ctx.db.db, randomUUID(), 'neighbour', ['13911111111'], since)).toBe(
      false,
    );
    const own = await dispute('received', null, ['13855555555']);
    expect(await repo.hasPriorDispute(ctx.db.db, own, 'neighbour', ['13855555555'], since)).toBe(false);
    expect(await repo.hasPriorDispute(ctx.db.db, randomUUID(), 'neighbour', ['13855555555'], since)).toBe(
      true,
    );
    expect(await repo.hasPriorDispute(ctx.db.db, randomUUID(), 'neighbour', [], since)).toBe(false);
  });

  it("also matches the phone of a named account, read in the same statement (an applicant's)", async () => {
    const [user] = await ctx.db.db
      .insert(schema.users)
      .values({ username: `acct-${tag}`, displayName: '甲', role: 'party', phone: '13800000002' })
      .returning();
    const [noPhone] = await ctx.db.db
      .insert(schema.users)
      .values({ username: `acct2-${tag}`, displayName: '乙', role: 'party' })
      .returning();
    const since = new Date(now.getTime() - 86_400_000);
    const check = async (phones: string[], user: string | null) =>
      (
        await readAsOne(ctx.db.db, 'prior_test', [
          repo.hasPriorDisputeRead(randomUUID(), 'neighbour', phones, since, user),
        ] as const)
      )[0];
    expect(await check([], user.id)).toBe(true);
    expect(await check([], noPhone.id)).toBe(false);
    expect(await check([], null)).toBe(false);
    expect(await check(['13800000001'], noPhone.id)).toBe(true);
    expect(await check(['13911111111'], randomUUID())).toBe(false);
  });
});
