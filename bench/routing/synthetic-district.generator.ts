/** Deterministic synthetic district for the routing benchmark: 200 bodies, 100 rules, N disputes. */
import type {
  BodyKind,
  IntakeChannel,
  MediationBody,
  PartyType,
  RoutingDispute,
  RoutingRegistry,
  RoutingRule,
  RuleConditions,
  StreetArea,
} from '@tiaojie/routing';
import { DISPUTE_CATEGORY_CODES, INTAKE_CHANNELS } from '@tiaojie/routing';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
/** n distinct elements (partial Fisher–Yates). */
function sample<T>(r: Rand, list: readonly T[], n: number): T[] {
  const a = [...list];
  for (let i = 0; i < Math.min(n, a.length); i++) {
    const j = i + Math.floor(r() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

const CATS = DISPUTE_CATEGORY_CODES;
const CHANNELS: IntakeChannel[] = INTAKE_CHANNELS.map((c) => c.code);
const LOCAL_CATS = ['neighbour', 'family', 'property', 'other'];
const STREET_CATS = ['neighbour', 'family', 'property', 'labour', 'consumer', 'contract', 'traffic', 'other'];

export interface SyntheticDistrict {
  readonly registry: RoutingRegistry;
  readonly rules: RoutingRule[];
  readonly streets: StreetArea[];
}

function body(
  r: Rand,
  id: string,
  kind: BodyKind,
  level: MediationBody['level'],
  categories: string[],
  streets: string[],
  communities: string[],
): MediationBody {
  const capacity =
    level === 'district' ? int(r, 50, 200) : level === 'street' ? int(r, 20, 60) : int(r, 5, 20);
  const full = r() < 0.1;
  return {
    id,
    name: `${id} 调解组织`,
    kind,
    level,
    categories,
    jurisdiction: { streets, communities },
    capacity,
    openCases: full ? capacity : int(r, 0, capacity - 1),
    active: r() > 0.03,
  };
}

/** 13 streets × 10 communities; 130 community, 39 street and 31 district-level bodies = 200. */
export function syntheticDistrict(seed: number): SyntheticDistrict {
  const r = prng(seed);
  const streets: StreetArea[] = Array.from({ length: 13 }, (_, s) => ({
    code: `S${String(s + 1).padStart(2, '0')}`,
    communities: Array.from(
      { length: 10 },
      (_, c) => `C${String(s + 1).padStart(2, '0')}${String(c + 1).padStart(2, '0')}`,
    ),
  }));
  const bodies: MediationBody[] = [];
  for (const s of streets) {
    for (const c of s.communities)
      bodies.push(body(r, `pm-${c}`, 'peoples', 'community', LOCAL_CATS, [], [c]));
    bodies.push(body(r, `pm-${s.code}`, 'peoples', 'street', STREET_CATS, [s.code], []));
    bodies.push(
      body(
        r,
        `adm-${s.code}`,
        'administrative',
        'street',
        ['labour', 'consumer', 'land_expropriation'],
        [s.code],
        [],
      ),
    );
    bodies.push(
      body(
        r,
        `court-${s.code}`,
        'judicial',
        'street',
        ['contract', 'family', 'traffic', 'commercial'],
        [s.code],
        [],
      ),
    );
  }
  const districtKinds: BodyKind[] = ['peoples', 'industry', 'administrative', 'judicial'];
  for (let i = 0; i < 31; i++) {
    const kind = i === 0 ? 'peoples' : districtKinds[i % 4];
    const categories = i === 0 ? [...CATS] : sample(r, CATS, int(r, 1, 4));
    bodies.push(body(r, `dist-${String(i).padStart(2, '0')}`, kind, 'district', categories, [], []));
  }
  if (bodies.length !== 200) throw new Error(`expected 200 bodies, got ${bodies.length}`);
  return { registry: { bodies, streets }, rules: syntheticRules(r, bodies, streets), streets };
}

function syntheticRules(r: Rand, bodies: MediationBody[], streets: StreetArea[]): RoutingRule[] {
  const rules: RoutingRule[] = [];
  const district = bodies.filter((b) => b.level === 'district');
  const streetCodes = streets.map((s) => s.code);
  const partyTypes: PartyType[] = ['enterprise', 'organisation', 'government'];
  for (let i = 0; i < 97; i++) {
    const conditions: { -readonly [K in keyof RuleConditions]: RuleConditions[K] } = {};
    if (r() < 0.7) conditions.categories = sample(r, CATS, int(r, 1, 3));
    if (r() < 0.3) conditions.streets = sample(r, streetCodes, int(r, 1, 4));
    if (r() < 0.25) conditions.channels = sample(r, CHANNELS, int(r, 1, 3));
    if (r() < 0.15) conditions.partyTypes = sample(r, partyTypes, 1);
    if (r() < 0.15) conditions.claimAmountMin = int(r, 0, 20) * 50_000;
    if (r() < 0.1) conditions.claimAmountMax = 1_000_000 + int(r, 0, 20) * 100_000;
    if (r() < 0.1) conditions.peopleInvolvedMin = int(r, 2, 8);
    const explicit = r() < 0.4;
    rules.push({
      id: `rule-${String(i).padStart(3, '0')}`,
      name: `规则 ${i}`,
      priority: int(r, 1, 100),
      weight: int(r, 1, 100),
      enabled: r() > 0.1,
      conditions,
      target: explicit
        ? { type: 'bodies', bodyIds: sample(r, district, int(r, 1, 3)).map((b) => b.id) }
        : {
            type: 'selector',
            selector: {
              kinds:
                r() < 0.6
                  ? [pick(r, ['peoples', 'industry', 'administrative', 'judicial'] as BodyKind[])]
                  : undefined,
              levels: r() < 0.6 ? [pick(r, ['community', 'street', 'district'] as const)] : undefined,
              matchCategory: r() < 0.8,
              inJurisdiction: r() < 0.8,
            },
          },
    });
  }
  const catchAll = (id: string, priority: number, level: MediationBody['level']): RoutingRule => ({
    id,
    name: `兜底 ${level}`,
    priority,
    weight: 1,
    enabled: true,
    conditions: {},
    target: {
      type: 'selector',
      selector: { kinds: ['peoples'], levels: [level], matchCategory: true, inJurisdiction: true },
    },
  });
  rules.push(
    catchAll('fallback-community', 3, 'community'),
    catchAll('fallback-street', 2, 'street'),
    catchAll('fallback-district', 0, 'district'),
  );
  return rules;
}

export function syntheticDisputes(
  seed: number,
  count: number,
  district: SyntheticDistrict,
): RoutingDispute[] {
  const r = prng(seed);
  const out: RoutingDispute[] = [];
  const ids = district.registry.bodies.map((b) => b.id);
  for (let i = 0; i < count; i++) {
    const street = pick(r, district.streets);
    const parties = Array.from({ length: int(r, 1, 3) }, () => ({
      type: (r() < 0.2 ? 'enterprise' : 'individual') as PartyType,
      keys: [`138${String(int(r, 0, 99_999_999)).padStart(8, '0')}`],
    }));
    out.push({
      id: `D${i}`,
      category: pick(r, CATS),
      channel: pick(r, CHANNELS),
      streetCode: street.code,
      communityCode: pick(r, street.communities),
      claimAmount: r() < 0.6 ? int(r, 0, 800_000) : undefined,
      peopleInvolved: r() < 0.3 ? int(r, 1, 15) : undefined,
      parties,
      repeated: r() < 0.05,
      returns: r() < 0.15 ? [{ bodyId: pick(r, ids), reason: 'NOT_IN_SCOPE' }] : [],
    });
  }
  return out;
}
