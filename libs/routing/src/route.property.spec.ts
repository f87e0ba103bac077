import fc from 'fast-check';
import type { MediationBody, RoutingDispute, RoutingRule } from './routing.types';
import { compileRouting } from './route.engine';
import { RETURN_REASON_CODES } from './return-reason.constants';
import {
  BODY_KINDS as KIND_LIST,
  INTAKE_CHANNELS as CHANNEL_LIST,
  PARTY_TYPES as PARTY_LIST,
} from './routing.constants';

const BODY_KINDS = KIND_LIST.map((k) => k.code);
const INTAKE_CHANNELS = CHANNEL_LIST.map((c) => c.code);
const PARTY_TYPES = PARTY_LIST.map((p) => p.code);

const STREETS = [
  { code: 'S1', communities: ['c11', 'c12'] },
  { code: 'S2', communities: ['c21', 'c22'] },
  { code: 'S3', communities: ['c31'] },
];
const STREET_CODES = STREETS.map((s) => s.code);
const COMMUNITY_CODES = STREETS.flatMap((s) => s.communities);
const STREET_OF = new Map(STREETS.flatMap((s) => s.communities.map((c) => [c, s.code] as const)));
const CATS = ['neighbour', 'family', 'labour', 'medical'];
const LEVELS = ['community', 'street', 'district'] as const;

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly absent: a rule with every condition present would rarely match anything. */
const rarelyFalse = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const rare = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const bodiesArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...BODY_KINDS),
      level: fc.constantFrom(...LEVELS),
      categories: fc.subarray(CATS),
      streets: fc.subarray(STREET_CODES),
      communities: fc.subarray(COMMUNITY_CODES),
      capacity: fc.integer({ min: 0, max: 5 }),
      openCases: fc.integer({ min: 0, max: 5 }),
      active: rarelyFalse,
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((list) =>
    list.map((b, i): MediationBody => ({
      id: `b${i}`,
      name: `body ${i}`,
      kind: b.kind,
      level: b.level,
      categories: b.categories,
      jurisdiction: { streets: b.streets, communities: b.communities },
      capacity: b.capacity,
      openCases: b.openCases,
      active: b.active,
    })),
  );

function rulesArb(bodyIds: string[]): fc.Arbitrary<RoutingRule[]> {
  const target = fc.oneof(
    fc.record({ type: fc.constant('bodies' as const), bodyIds: fc.subarray([...bodyIds, 'ghost']) }),
    fc.record({
      type: fc.constant('selector' as const),
      selector: fc.record(
        {
          kinds: fc.subarray([...BODY_KINDS]),
          levels: fc.subarray([...LEVELS]),
          matchCategory: fc.boolean(),
          inJurisdiction: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    }),
  );
  const conditions = fc.record({
    categories: rare(fc.subarray([...CATS, 'other'])),
    streets: rare(fc.subarray(STREET_CODES)),
    communities: rare(fc.subarray(COMMUNITY_CODES)),
    claimAmountMin: rare(fc.integer({ min: 0, max: 800_000 })),
    claimAmountMax: rare(fc.integer({ min: 0, max: 800_000 })),
    partyTypes: rare(fc.subarray([...PARTY_TYPES])),
    peopleInvolvedMin: rare(fc.integer({ min: 0, max: 12 })),
    channels: rare(fc.subarray([...INTAKE_CHANNELS])),
  });
  return fc
    .array(
      fc.record({
        priority: fc.integer({ min: 0, max: 3 }),
        weight: fc.integer({ min: 0, max: 10 }),
        enabled: rarelyFalse,
        conditions,
        target,
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((list) => list.map((r, i) => ({ ...r, id: `r${i}`, name: `rule ${i}` })));
}

function disputeArb(bodyIds: string[], thresholds: boolean): fc.Arbitrary<RoutingDispute> {
  const returns = fc.array(
    fc.record({
      bodyId: fc.constantFrom(...bodyIds, 'ghost'),
      reason: fc.constantFrom(...RETURN_REASON_CODES),
    }),
    { maxLength: 3 },
  );
  return fc.record({
    id: fc.constant('D'),
    category: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...CATS) },
      { weight: 1, arbitrary: fc.constant('other') },
    ),
    channel: fc.constantFrom(...INTAKE_CHANNELS),
    streetCode: opt(fc.constantFrom(...STREET_CODES, 'S9')),
    communityCode: opt(fc.constantFrom(...COMMUNITY_CODES)),
    claimAmount: opt(
      fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 499_999 }) },
        { weight: thresholds ? 1 : 0, arbitrary: fc.integer({ min: 500_000, max: 900_000 }) },
      ),
    ),
    peopleInvolved: opt(fc.integer({ min: 0, max: thresholds ? 12 : 9 })),
    parties: fc.array(fc.record({ type: fc.constantFrom(...PARTY_TYPES), keys: fc.constant(['k']) }), {
      maxLength: 3,
    }),
    repeated: thresholds
      ? fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
      : fc.constant(false),
    returns: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: returns }),
  });
}

const scenario = (thresholds: boolean) =>
  bodiesArb.chain((bodies) => {
    const ids = bodies.map((b) => b.id);
    return fc.record({
      bodies: fc.constant(bodies),
      rules: rulesArb(ids),
      dispute: disputeArb(ids, thresholds),
      maxReturns: fc.integer({ min: 1, max: 3 }),
    });
  });

// ---- an independent, naive oracle of what the spec demands ----
const has = (list: readonly string[] | undefined, x: string | undefined) =>
  !list || list.length === 0 || (x !== undefined && list.includes(x));
const streetOf = (d: RoutingDispute) =>
  d.streetCode ?? (d.communityCode ? STREET_OF.get(d.communityCode) : undefined);
const covers = (b: MediationBody, d: RoutingDispute) =>
  b.level === 'district' ||
  (streetOf(d) !== undefined && b.jurisdiction.streets.includes(streetOf(d) as string)) ||
  (d.communityCode !== undefined && b.jurisdiction.communities.includes(d.communityCode));
const returnedBy = (b: MediationBody, d: RoutingDispute) => (d.returns ?? []).some((r) => r.bodyId === b.id);
const overCapacity = (b: MediationBody) => b.openCases >= b.capacity;
const valid = (b: MediationBody, d: RoutingDispute) =>
  b.active && covers(b, d) && b.categories.includes(d.category) && !returnedBy(b, d) && !overCapacity(b);
const people = (d: RoutingDispute) => d.peopleInvolved ?? d.parties.length;

function ruleMatches(r: RoutingRule, d: RoutingDispute): boolean {
  const c = r.conditions;
  const location =
    (c.streets?.length ?? 0) + (c.communities?.length ?? 0) === 0 ||
    (streetOf(d) !== undefined && (c.streets ?? []).includes(streetOf(d) as string)) ||
    (d.communityCode !== undefined && (c.communities ?? []).includes(d.communityCode));
  const claimOk =
    (c.claimAmountMin === undefined && c.claimAmountMax === undefined) ||
    (d.claimAmount !== undefined &&
      d.claimAmount >= (c.claimAmountMin ?? -Infinity) &&
      d.claimAmount <= (c.claimAmountMax ?? Infinity));
  return (
    r.enabled &&
    has(c.categories, d.category) &&
    location &&
    claimOk &&
    has(c.channels, d.channel) &&
    (!c.partyTypes?.length || d.parties.some((p) => c.partyTypes?.includes(p.type))) &&
    (c.peopleInvolvedMin === undefined || people(d) >= c.peopleInvolvedMin)
  );
}

function ruleTargets(r: RoutingRule, d: RoutingDispute, bodies: MediationBody[]): MediationBody[] {
  if (r.target.type === 'bodies') {
    const ids = r.target.bodyIds;
    return bodies.filter((b) => ids.includes(b.id));
  }
  const s = r.target.selector;
  return bodies.filter(
    (b) =>
      has(s.kinds, b.kind) &&
      has(s.levels, b.level) &&
      (!s.matchCategory || b.categories.includes(d.category)) &&
      (!s.inJurisdiction || covers(b, d)),
  );
}

const crossesThreshold = (d: RoutingDispute) =>
  (d.claimAmount ?? 0) >= 500_000 || people(d) >= 10 || d.repeated === true;

describe('route: properties', () => {
  it('never picks an inactive, out-of-jurisdiction, over-capacity, wrong-category or returning body; else queues', () => {
    fc.assert(
      fc.property(scenario(true), ({ bodies, rules, dispute, maxReturns }) => {
        const registry = { bodies, streets: STREETS };
        const decision = compileRouting(registry, rules).route(dispute, { maxReturns });
        const matched = rules.filter((r) => ruleMatches(r, dispute));
        const returns = dispute.returns?.length ?? 0;
        const selected = decision.explanation.candidates.filter((c) => c.selected);
        if (decision.outcome === 'assigned') {
          const winner = bodies.find((b) => b.id === decision.bodyId);
          expect(winner).toBeDefined();
          expect(valid(winner as MediationBody, dispute)).toBe(true);
          expect(returns).toBeLessThan(maxReturns);
          expect(selected.map((c) => c.bodyId)).toEqual([decision.bodyId]);
          const proposed = matched.some((r) =>
            ruleTargets(r, dispute, bodies).some((b) => b.id === decision.bodyId),
          );
          expect(proposed || selected[0].viaEscalation).toBe(true);
          if (crossesThreshold(dispute)) expect(winner?.level).not.toBe('community');
          expect(decision.queueReason).toBeNull();
        } else {
          expect(decision.bodyId).toBeNull();
          expect(selected).toEqual([]);
          const code = decision.queueReason?.code;
          expect(code === 'RETURN_LIMIT_REACHED').toBe(returns >= maxReturns);
          if (returns < maxReturns) expect(code === 'NO_RULE_MATCHED').toBe(matched.length === 0);
        }
        // the explanation states the same facts as the registry
        for (const c of decision.explanation.candidates) {
          const b = bodies.find((x) => x.id === c.bodyId) as MediationBody;
          const codes = c.exclusions.map((e) => e.code).filter((x) => x !== 'BELOW_REQUIRED_LEVEL');
          const expected = [
            ...(b.active ? [] : ['INACTIVE']),
            ...(covers(b, dispute) ? [] : ['OUT_OF_JURISDICTION']),
            ...(b.categories.includes(dispute.category) ? [] : ['CATEGORY_NOT_HANDLED']),
            ...(returnedBy(b, dispute) ? ['RETURNED_BEFORE'] : []),
            ...(overCapacity(b) ? ['OVER_CAPACITY'] : []),
          ];
          expect(codes).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('below the escalation thresholds, assigns whenever a matched rule proposes a valid body', () => {
    fc.assert(
      fc.property(scenario(false), ({ bodies, rules, dispute, maxReturns }) => {
        const decision = compileRouting({ bodies, streets: STREETS }, rules).route(dispute, { maxReturns });
        const validProposed = rules
          .filter((r) => ruleMatches(r, dispute))
          .flatMap((r) => ruleTargets(r, dispute, bodies))
          .filter((b) => valid(b, dispute));
        const returns = dispute.returns?.length ?? 0;
        if (returns < maxReturns && validProposed.length > 0) {
          expect(decision.outcome).toBe('assigned');
        }
        if (decision.outcome === 'assigned') {
          expect(valid(bodies.find((b) => b.id === decision.bodyId) as MediationBody, dispute)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
