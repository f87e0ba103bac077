import { eq, inArray } from 'drizzle-orm';
import { PasswordHasher } from '@tiaojie/auth';
import { createTestDatabase, schema } from '@tiaojie/db';
import { DEFAULT_RULES } from '@tiaojie/dispatch';
import {
  DISPUTE_CATEGORY_CODES,
  DISPUTE_KINDS,
  INTAKE_CHANNELS,
  compileRouting,
  type DisputeReturn,
  type MediationBody,
  type RoutingDispute,
  type RoutingRegistry,
} from '@tiaojie/routing';
import { DEMO_STREETS } from './demo-data';
import { DemoSeeder } from './demo.seeder';
import { OrgRepository } from './org.repository';

const MEDIATION_KINDS = new Set(['peoples', 'industry', 'administrative', 'judicial']);

/**
 * Every body a dispute can reach under the default rules: the rules' first choice, and every body the engine falls
 * back to when the chosen one is full or returns the dispute (up to the return limit), for every category, dispute
 * kind, channel and place, with and without the escalation triggers.
 */
function reachableBodies(registry: RoutingRegistry): Set<string> {
  const places: { streetCode?: string; communityCode?: string }[] = [{}];
  for (const s of DEMO_STREETS) {
    places.push({ streetCode: s.code });
    for (const [c] of s.communities) places.push({ streetCode: s.code, communityCode: c });
  }
  const reached = new Set<string>();
  let n = 0;
  for (const category of DISPUTE_CATEGORY_CODES)
    for (const { code: kind } of DISPUTE_KINDS)
      for (const { code: channel } of INTAKE_CHANNELS)
        for (const place of places)
          for (const claimAmount of [undefined, 1_000_000])
            for (const repeated of [false, true]) {
              const dispute: RoutingDispute = {
                id: `d${n++}`,
                category,
                kind,
                channel,
                ...place,
                claimAmount,
                repeated,
                parties: [],
              };
              // a full body makes the engine look elsewhere; a return excludes the body that returned it
              const full = new Set<string>();
              const returns: DisputeReturn[] = [];
              for (let step = 0; step < 6; step++) {
                const bodies = registry.bodies.map((b): MediationBody =>
                  full.has(b.id) ? { ...b, openCases: b.capacity } : b,
                );
                const decision = compileRouting({ ...registry, bodies }, DEFAULT_RULES).route({
                  ...dispute,
                  returns,
                });
                if (!decision.bodyId) break;
                reached.add(decision.bodyId);
                if (step % 2 === 0) full.add(decision.bodyId);
                else returns.push({ bodyId: decision.bodyId, reason: 'OTHER' });
              }
            }
  return reached;
}

/** The seeded demo district: whichever body the default rules can send a dispute to has staff who can take it. */
describe('demo data staffing', () => {
  let ctx: Awaited<ReturnType<typeof createTestDatabase>>;
  let seeder: DemoSeeder;

  beforeAll(async () => {
    ctx = await createTestDatabase();
    seeder = new DemoSeeder(ctx.db, new OrgRepository(), new PasswordHasher());
    expect(await seeder.seedOnce()).toBe(true);
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('gives every body reachable by the default rules an active body admin and an active mediator', async () => {
    const orgs = await ctx.db.db.select().from(schema.organizations);
    const users = await ctx.db.db.select().from(schema.users);
    const streets = await ctx.db.db.select().from(schema.communities);
    const registry: RoutingRegistry = {
      bodies: orgs
        .filter((o) => MEDIATION_KINDS.has(o.kind))
        .map((o) => ({
          id: o.code,
          name: o.name,
          kind: o.kind as MediationBody['kind'],
          level: o.level as MediationBody['level'],
          categories: o.categories,
          capacity: o.capacity,
          openCases: 0,
          active: o.active,
          jurisdiction: { streets: o.streetCodes, communities: o.communityCodes },
        })),
      mediators: [],
      streets: DEMO_STREETS.map((s) => ({
        code: s.code,
        communities: streets.filter((c) => c.streetCode === s.code).map((c) => c.code),
      })),
    };
    const reached = reachableBodies(registry);
    // the bodies of the README's first case, a court referral in 先锋街道 and the administrative departments
    expect([...reached]).toEqual(
      expect.arrayContaining(['PMC-JS01', 'PMC-JS', 'PMC-XF', 'IND-LABOUR', 'ADM-HRSS', 'ADM-SAMR']),
    );

    const idOf = new Map(orgs.map((o) => [o.code, o.id]));
    const unstaffed = [...reached].sort().flatMap((code) => {
      const staff = users.filter((u) => u.orgId === idOf.get(code) && u.active);
      const missing = ['body_admin', 'mediator'].filter((role) => !staff.some((u) => u.role === role));
      return missing.length ? [`${code}: ${missing.join(', ')}`] : [];
    });
    expect(unstaffed).toEqual([]);
  });

  it('adds the demo accounts a district seeded by an earlier version lacks, leaving the others alone', async () => {
    const users = schema.users;
    const added = ['jscz_admin', 'jscz_mediator'];
    await ctx.db.db.delete(users).where(inArray(users.username, added));
    const [before] = await ctx.db.db.select().from(users).where(eq(users.username, 'js_admin'));
    expect(await seeder.seedOnce()).toBe(false);
    const now = await ctx.db.db
      .select()
      .from(users)
      .where(inArray(users.username, [...added, 'js_admin']));
    expect(now.map((u) => u.username).sort()).toEqual(['js_admin', ...added].sort());
    expect(now.find((u) => u.username === 'js_admin')).toEqual(before);
    expect(
      await new PasswordHasher().verify(
        now.find((u) => u.username === 'jscz_mediator')!.passwordHash!,
        'Tiaojie2026',
      ),
    ).toBe(true);
  });
});
