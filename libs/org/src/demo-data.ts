import type { DisputeCategory } from './categories';

/** The demo district: 南通市通州区 (court number prefix 苏0612), four streets, two communities each. */
export const DEMO_STREETS = [
  {
    code: 'JS',
    name: '金沙街道',
    communities: [
      ['JS01', '城中社区'],
      ['JS02', '东方社区'],
    ],
  },
  {
    code: 'XF',
    name: '先锋街道',
    communities: [
      ['XF01', '先锋社区'],
      ['XF02', '白蒲路社区'],
    ],
  },
  {
    code: 'JX',
    name: '金新街道',
    communities: [
      ['JX01', '金新社区'],
      ['JX02', '新联社区'],
    ],
  },
  {
    code: 'XD',
    name: '兴东街道',
    communities: [
      ['XD01', '兴东社区'],
      ['XD02', '机场社区'],
    ],
  },
] as const;

export interface DemoOrg {
  code: string;
  name: string;
  kind: 'peoples' | 'administrative' | 'judicial' | 'industry' | 'district' | 'hotline' | 'grid';
  level: 'community' | 'street' | 'district';
  categories: DisputeCategory[];
  streetCodes: string[];
  communityCodes?: string[];
  capacity?: number;
}

const ALL = DEMO_STREETS.map((s) => s.code);
const GENERAL: DisputeCategory[] = [
  'neighbour',
  'family',
  'property',
  'labour',
  'consumer',
  'contract',
  'other',
];

export const DEMO_ORGS: DemoOrg[] = [
  {
    code: 'DIST',
    name: '通州区委政法委（区社会矛盾纠纷调处化解中心）',
    kind: 'district',
    level: 'district',
    categories: [],
    streetCodes: ALL,
  },
  ...DEMO_STREETS.map((s): DemoOrg => ({
    code: `PMC-${s.code}`,
    name: `${s.name}人民调解委员会`,
    kind: 'peoples',
    level: 'street',
    categories: GENERAL,
    streetCodes: [s.code],
  })),
  {
    code: 'PMC-JS01',
    name: '金沙街道城中社区人民调解委员会',
    kind: 'peoples',
    level: 'community',
    categories: ['neighbour', 'family', 'property'],
    streetCodes: [],
    communityCodes: ['JS01'],
    capacity: 30,
  },
  {
    code: 'PMC-XF01',
    name: '先锋街道先锋社区人民调解委员会',
    kind: 'peoples',
    level: 'community',
    categories: ['neighbour', 'family'],
    streetCodes: [],
    communityCodes: ['XF01'],
    capacity: 30,
  },
  {
    code: 'IND-PROPERTY-JS',
    name: '金沙街道物业纠纷人民调解委员会',
    kind: 'industry',
    level: 'street',
    categories: ['property'],
    streetCodes: ['JS'],
  },
  {
    code: 'IND-MEDICAL',
    name: '通州区医疗纠纷人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['medical'],
    streetCodes: ALL,
  },
  {
    code: 'IND-LABOUR',
    name: '通州区劳动争议人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['labour'],
    streetCodes: ALL,
  },
  {
    code: 'IND-TRAFFIC',
    name: '通州区道路交通事故纠纷人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['traffic'],
    streetCodes: ALL,
  },
  {
    code: 'IND-PROPERTY',
    name: '通州区物业纠纷人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['property'],
    streetCodes: ALL,
  },
  {
    code: 'IND-FAMILY',
    name: '通州区婚姻家庭纠纷人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['family'],
    streetCodes: ALL,
  },
  {
    code: 'IND-CONSUMER',
    name: '通州区消费纠纷人民调解委员会',
    kind: 'industry',
    level: 'district',
    categories: ['consumer'],
    streetCodes: ALL,
  },
  {
    code: 'ADM-HRSS',
    name: '通州区人力资源和社会保障局（劳动保障监察）',
    kind: 'administrative',
    level: 'district',
    categories: ['labour'],
    streetCodes: ALL,
  },
  {
    code: 'ADM-SAMR',
    name: '通州区市场监督管理局',
    kind: 'administrative',
    level: 'district',
    categories: ['consumer'],
    streetCodes: ALL,
  },
  {
    code: 'COURT',
    name: '南通市通州区人民法院',
    kind: 'judicial',
    level: 'district',
    categories: [],
    streetCodes: ALL,
  },
  {
    code: 'HOTLINE',
    name: '通州区 12345 政务服务便民热线',
    kind: 'hotline',
    level: 'district',
    categories: [],
    streetCodes: ALL,
  },
  {
    code: 'GRID',
    name: '通州区网格化服务管理中心',
    kind: 'grid',
    level: 'district',
    categories: [],
    streetCodes: ALL,
  },
];

/** Demo staff accounts (password DEMO_PASSWORD); refused when NODE_ENV=production. */
export const DEMO_PASSWORD = 'Tiaojie2026';

export interface DemoStaff {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly org: string;
  readonly specialties?: readonly DisputeCategory[];
}

/** `<prefix>_admin` and `<prefix>_mediator` of one body; surnames give 王主任-style display names. */
function bodyStaff(
  prefix: string,
  org: string,
  [adminSurname, mediatorSurname]: [string, string],
  specialties: DisputeCategory[],
): DemoStaff[] {
  return [
    { username: `${prefix}_admin`, displayName: `${adminSurname}主任`, role: 'body_admin', org },
    {
      username: `${prefix}_mediator`,
      displayName: `${mediatorSurname}调解`,
      role: 'mediator',
      org,
      specialties,
    },
  ];
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { username: 'admin', displayName: '周区管', role: 'district_admin', org: 'DIST' },
  { username: 'js_admin', displayName: '王主任', role: 'body_admin', org: 'PMC-JS' },
  {
    username: 'js_mediator',
    displayName: '李调解',
    role: 'mediator',
    org: 'PMC-JS',
    specialties: ['neighbour', 'family'],
  },
  {
    username: 'js_mediator2',
    displayName: '陈调解',
    role: 'mediator',
    org: 'PMC-JS',
    specialties: ['contract', 'labour'],
  },
  { username: 'prop_admin', displayName: '赵主任', role: 'body_admin', org: 'IND-PROPERTY-JS' },
  {
    username: 'prop_mediator',
    displayName: '钱调解',
    role: 'mediator',
    org: 'IND-PROPERTY-JS',
    specialties: ['property'],
  },
  {
    username: 'med_mediator',
    displayName: '孙调解',
    role: 'mediator',
    org: 'IND-MEDICAL',
    specialties: ['medical'],
  },
  {
    username: 'labour_mediator',
    displayName: '吴调解',
    role: 'mediator',
    org: 'IND-LABOUR',
    specialties: ['labour'],
  },
  { username: 'med_admin', displayName: '孔主任', role: 'body_admin', org: 'IND-MEDICAL' },
  { username: 'labour_admin', displayName: '曹主任', role: 'body_admin', org: 'IND-LABOUR' },
  // Every other body the default rules, the escalation ladder or a court referral can reach: one admin, one mediator.
  ...bodyStaff('jscz', 'PMC-JS01', ['严', '华'], ['neighbour', 'family', 'property']),
  ...bodyStaff('xf', 'PMC-XF', ['金', '魏'], ['neighbour', 'contract']),
  ...bodyStaff('xfxf', 'PMC-XF01', ['陶', '姜'], ['neighbour', 'family']),
  ...bodyStaff('jx', 'PMC-JX', ['戚', '谢'], ['neighbour', 'contract']),
  ...bodyStaff('xd', 'PMC-XD', ['邹', '喻'], ['neighbour', 'contract']),
  ...bodyStaff('traffic', 'IND-TRAFFIC', ['柏', '鲁'], ['traffic']),
  ...bodyStaff('propd', 'IND-PROPERTY', ['窦', '章'], ['property']),
  ...bodyStaff('family', 'IND-FAMILY', ['云', '苏'], ['family']),
  ...bodyStaff('consumer', 'IND-CONSUMER', ['潘', '葛'], ['consumer']),
  ...bodyStaff('hrss', 'ADM-HRSS', ['奚', '范'], ['labour']),
  ...bodyStaff('samr', 'ADM-SAMR', ['彭', '郎'], ['consumer']),
  { username: 'grid1', displayName: '郑网格', role: 'grid_worker', org: 'GRID' },
  { username: 'hotline1', displayName: '冯话务', role: 'hotline_operator', org: 'HOTLINE' },
  { username: 'clerk1', displayName: '何立案', role: 'court_clerk', org: 'COURT' },
  { username: 'judge1', displayName: '许法官', role: 'judge', org: 'COURT' },
  { username: 'official1', displayName: '蒋科长', role: 'official', org: 'ADM-HRSS' },
];

/** Demo parties sign in with phone + one-time code (the code is written to the log in development). */
export const DEMO_PARTIES = [
  { phone: '13800000001', displayName: '张三' },
  { phone: '13800000002', displayName: '李四' },
] as const;
