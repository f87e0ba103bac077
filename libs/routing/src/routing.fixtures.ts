/** Test fixtures (used by the specs only): a small district, its bodies and a realistic rule set. */
import type { MediationBody, Mediator, RoutingDispute, RoutingRegistry, RoutingRule } from './routing.types';
import { DISPUTE_CATEGORY_CODES } from './dispute-category.constants';

export const STREETS = [
  { code: 'S01', name: '城东街道', communities: ['C0101', 'C0102'] },
  { code: 'S02', name: '城西街道', communities: ['C0201', 'C0202'] },
  { code: 'S03', name: '港湾街道', communities: ['C0301'] },
];

const COMMUNITY_CATS = ['neighbour', 'family', 'property', 'other'];
const STREET_CATS = ['neighbour', 'family', 'property', 'labour', 'consumer', 'contract', 'other'];

function body(
  id: string,
  name: string,
  kind: MediationBody['kind'],
  level: MediationBody['level'],
  categories: string[],
  where: Partial<MediationBody['jurisdiction']>,
  capacity: number,
  openCases: number,
  active = true,
): MediationBody {
  return {
    id,
    name,
    kind,
    level,
    categories,
    jurisdiction: { streets: where.streets ?? [], communities: where.communities ?? [] },
    capacity,
    openCases,
    active,
  };
}

export const BODIES: readonly MediationBody[] = [
  body(
    'pm-c0101',
    '城东一社区人民调解委员会',
    'peoples',
    'community',
    COMMUNITY_CATS,
    { communities: ['C0101'] },
    20,
    5,
  ),
  body(
    'pm-c0102',
    '城东二社区人民调解委员会',
    'peoples',
    'community',
    COMMUNITY_CATS,
    { communities: ['C0102'] },
    20,
    19,
  ),
  body(
    'pm-c0201',
    '城西一社区人民调解委员会',
    'peoples',
    'community',
    COMMUNITY_CATS,
    { communities: ['C0201'] },
    20,
    3,
  ),
  body(
    'pm-c0202',
    '城西二社区人民调解委员会',
    'peoples',
    'community',
    COMMUNITY_CATS,
    { communities: ['C0202'] },
    20,
    20,
  ),
  body(
    'pm-c0301',
    '港湾社区人民调解委员会',
    'peoples',
    'community',
    COMMUNITY_CATS,
    { communities: ['C0301'] },
    20,
    0,
    false,
  ),
  body('pm-s01', '城东街道人民调解委员会', 'peoples', 'street', STREET_CATS, { streets: ['S01'] }, 40, 10),
  body('pm-s02', '城西街道人民调解委员会', 'peoples', 'street', STREET_CATS, { streets: ['S02'] }, 40, 39),
  body('pm-s03', '港湾街道人民调解委员会', 'peoples', 'street', STREET_CATS, { streets: ['S03'] }, 40, 1),
  body('pm-district', '区人民调解委员会', 'peoples', 'district', [...DISPUTE_CATEGORY_CODES], {}, 100, 50),
  body('med-district', '区医疗纠纷人民调解委员会', 'industry', 'district', ['medical'], {}, 30, 10),
  body(
    'traffic-district',
    '区道路交通事故纠纷人民调解委员会',
    'industry',
    'district',
    ['traffic'],
    {},
    30,
    12,
  ),
  body('labour-admin', '区劳动人事争议调解中心', 'administrative', 'district', ['labour'], {}, 50, 10),
  body(
    'land-admin',
    '区征收补偿行政调解办公室',
    'administrative',
    'district',
    ['land_expropriation'],
    {},
    10,
    2,
  ),
  body('consumer-admin', '区市场监管局消费纠纷调解室', 'administrative', 'district', ['consumer'], {}, 50, 0),
  body(
    'court-center',
    '区人民法院诉前调解中心',
    'judicial',
    'district',
    ['contract', 'commercial', 'ip', 'construction', 'labour', 'family', 'traffic'],
    {},
    80,
    40,
  ),
  body(
    'commerce-industry',
    '区商事调解中心',
    'industry',
    'district',
    ['commercial', 'contract', 'ip', 'construction'],
    {},
    40,
    5,
  ),
  body('ip-industry', '区知识产权纠纷人民调解委员会', 'industry', 'district', ['ip'], {}, 20, 2),
  body('property-industry', '区物业纠纷人民调解委员会', 'industry', 'district', ['property'], {}, 20, 4),
];

function rule(
  id: string,
  name: string,
  priority: number,
  weight: number,
  conditions: RoutingRule['conditions'],
  target: RoutingRule['target'],
  enabled = true,
): RoutingRule {
  return { id, name, priority, weight, enabled, conditions, target };
}
const bodies = (...bodyIds: string[]): RoutingRule['target'] => ({ type: 'bodies', bodyIds });
const selector = (
  s: Extract<RoutingRule['target'], { type: 'selector' }>['selector'],
): RoutingRule['target'] => ({ type: 'selector', selector: s });

export const RULES: readonly RoutingRule[] = [
  rule('r-medical', '医疗纠纷交医调委', 100, 100, { categories: ['medical'] }, bodies('med-district')),
  rule('r-traffic', '交通事故交交调委', 100, 100, { categories: ['traffic'] }, bodies('traffic-district')),
  rule(
    'r-land',
    '征收补偿交行政调解',
    100,
    100,
    { categories: ['land_expropriation'] },
    selector({ kinds: ['administrative'], matchCategory: true }),
  ),
  rule(
    'r-court',
    '法院委派交诉前调解',
    90,
    80,
    { channels: ['court'] },
    selector({ kinds: ['judicial'], matchCategory: true }),
  ),
  rule(
    'r-big-contract',
    '大额合同商事纠纷',
    85,
    70,
    { categories: ['contract', 'commercial'], claimAmountMin: 1_000_000 },
    bodies('commerce-industry'),
  ),
  rule(
    'r-enterprise',
    '涉企纠纷交行业调解',
    80,
    60,
    { partyTypes: ['enterprise'], categories: ['contract', 'commercial', 'ip', 'construction'] },
    selector({ kinds: ['industry'], matchCategory: true }),
  ),
  rule(
    'r-labour',
    '劳动争议交劳动调解',
    70,
    50,
    { categories: ['labour'] },
    selector({ kinds: ['administrative'], matchCategory: true }),
  ),
  rule(
    'r-consumer',
    '消费纠纷交市场监管',
    70,
    50,
    { categories: ['consumer'] },
    selector({ kinds: ['administrative'], matchCategory: true }),
  ),
  rule(
    'r-property-group',
    '群体性物业纠纷',
    60,
    40,
    { categories: ['property'], peopleInvolvedMin: 5 },
    bodies('property-industry'),
  ),
  rule(
    'r-petition',
    '信访纠纷交街道',
    50,
    30,
    { channels: ['petition'] },
    selector({ kinds: ['peoples'], levels: ['street'], matchCategory: true, inJurisdiction: true }),
  ),
  rule(
    'r-community',
    '基层纠纷就地化解',
    10,
    10,
    { categories: ['neighbour', 'family', 'property', 'other'] },
    selector({ kinds: ['peoples'], levels: ['community'], matchCategory: true, inJurisdiction: true }),
  ),
  rule(
    'r-street',
    '街道人民调解兜底',
    5,
    10,
    {},
    selector({ kinds: ['peoples'], levels: ['street'], matchCategory: true, inJurisdiction: true }),
  ),
  rule('r-district', '区人民调解委员会兜底', 0, 1, {}, bodies('pm-district')),
  rule('r-old', '旧规则（停用）', 200, 100, { categories: ['neighbour'] }, bodies('pm-district'), false),
];

export const MEDIATORS: readonly Mediator[] = [
  {
    id: 'm-wang',
    name: '王调解',
    bodyId: 'med-district',
    active: true,
    specialties: ['medical'],
    openCases: 3,
    conflicts: [],
  },
  {
    id: 'm-li',
    name: '李调解',
    bodyId: 'med-district',
    active: true,
    specialties: ['medical'],
    openCases: 1,
    conflicts: [{ kind: 'relative', partyKey: '139 0000 0002' }],
  },
  {
    id: 'm-zhao',
    name: '赵调解',
    bodyId: 'med-district',
    active: true,
    specialties: [],
    openCases: 0,
    conflicts: [],
  },
  {
    id: 'm-sun',
    name: '孙调解',
    bodyId: 'med-district',
    active: false,
    specialties: ['medical'],
    openCases: 0,
    conflicts: [],
  },
  {
    id: 'm-zhou',
    name: '周调解',
    bodyId: 'pm-c0101',
    active: true,
    specialties: ['neighbour'],
    openCases: 2,
    conflicts: [],
  },
];

export const REGISTRY: RoutingRegistry = { bodies: BODIES, mediators: MEDIATORS, streets: STREETS };

/** A registry with some bodies' fields overridden. */
export function registryWith(
  overrides: Readonly<Record<string, Partial<MediationBody>>> = {},
): RoutingRegistry {
  return { ...REGISTRY, bodies: BODIES.map((b) => (overrides[b.id] ? { ...b, ...overrides[b.id] } : b)) };
}

export function rulesOnly(ids: readonly string[]): RoutingRule[] {
  return RULES.filter((r) => ids.includes(r.id));
}

/** A neighbour dispute between two individuals in 城东一社区, applied for online. */
export function dispute(over: Partial<RoutingDispute> = {}): RoutingDispute {
  return {
    id: 'D-001',
    category: 'neighbour',
    channel: 'online',
    streetCode: 'S01',
    communityCode: 'C0101',
    parties: [
      { type: 'individual', keys: ['13800000001', '320602199001011234'] },
      { type: 'individual', keys: ['13900000002'] },
    ],
    ...over,
  };
}
