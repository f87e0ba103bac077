/**
 * Deterministic synthetic disputes with realistic Chinese text, shaped like the district's intake (the grid and
 * 12345 descriptions of the synthetic year): two named parties, a category's typical complaint, a street address,
 * received over ten years. Row `i` is always the same case.
 */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国志文斌辉鹏宇浩凯健俊帆亮琳雪梅春燕飞波',
];
export const STREETS = [
  ['JS', '金沙街道', ['城中社区', '银杏社区']],
  ['XF', '先锋街道', ['先锋社区', '和平社区']],
  ['JX', '金新街道', ['金新社区', '星湖社区']],
  ['XD', '兴东街道', ['兴东社区', '机场社区']],
] as const;
const ROADS = [
  '银杏路',
  '人民路',
  '建设路',
  '解放路',
  '长江路',
  '世纪大道',
  '崇川路',
  '星湖大道',
  '通甲路',
  '青年路',
];

/** category code, label (titles end in it: 纠纷 is in most), complaints ({a} {b} parties, {n} {m} numbers). */
const CATEGORIES: [string, string, string[]][] = [
  [
    'neighbour',
    '邻里纠纷',
    [
      '{a}反映与楼上住户{b}因漏水问题多次协商未果，要求协调处理。',
      '{a}反映邻居{b}装修噪音持续到深夜，影响老人休息。',
      '{a}与{b}因相邻通道堆放杂物发生争执，要求清理。',
    ],
  ],
  [
    'family',
    '婚姻家庭纠纷',
    ['{a}与配偶{b}因抚养费支付产生争议，请求调解。', '{a}与兄弟{b}因赡养老人费用分担发生纠纷。'],
  ],
  [
    'property',
    '物业纠纷',
    [
      '{a}反映小区物业公司未按约维修电梯，双方就物业费缴纳发生争执。',
      '{a}反映小区停车位长期被占用，物业经理{b}未予处理。',
    ],
  ],
  [
    'labour',
    '劳资纠纷',
    [
      '{a}反映所在企业拖欠{n}个月工资共计{m}元，负责人{b}拒绝支付。',
      '{a}在工地受伤，要求包工头{b}赔偿医疗费和误工费。',
    ],
  ],
  ['medical', '医疗纠纷', ['{a}认为家属在某医院治疗过程中存在过错，要求医院赔偿，院方联系人{b}。']],
  [
    'traffic',
    '交通事故纠纷',
    [
      '{a}与{b}发生交通事故，就医疗费及误工费赔偿金额存在争议。',
      '{a}驾驶电动车与{b}的轿车相撞，双方对责任划分有异议。',
    ],
  ],
  [
    'consumer',
    '消费纠纷',
    [
      '{a}在某商户购买的家电出现质量问题，商户负责人{b}拒绝退换。',
      '{a}在{b}经营的健身房办卡后门店关闭，要求退还预付款。',
    ],
  ],
  [
    'contract',
    '房屋租赁纠纷',
    [
      '{a}称房东{b}拒不退还押金{m}元，双方协商无果。',
      '{a}所在企业与供应商{b}就货款支付产生合同争议，金额约{n}万元。',
    ],
  ],
  ['construction', '建设工程纠纷', ['{a}反映承包人{b}拖欠工程款，涉及农民工{n}人。']],
  ['ip', '知识产权纠纷', ['{a}所在企业认为{b}经营的店铺使用了与其近似的商标。']],
  [
    'land_expropriation',
    '土地征收补偿争议',
    ['{a}对房屋征收补偿标准有异议，认为评估价格过低，要求重新核定。'],
  ],
];
const STATUSES = [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'in_mediation',
  'accepted',
  'routed',
];
const START = Date.parse('2016-01-01T00:00:00+08:00');
const SPAN = Date.parse('2026-01-01T00:00:00+08:00') - START;

export interface SyntheticCase {
  i: number;
  number: string;
  category: string;
  label: string;
  title: string;
  description: string;
  streetCode: string;
  address: string;
  status: string;
  receivedAt: Date;
  a: { name: string; phone: string; idNumber: string | null };
  b: { name: string; phone: string };
}

/** A small deterministic mix (no Math.random: the same `i` is the same case in every run). */
function mix(i: number, salt: number): number {
  let x = (i * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822519) >>> 0;
  x ^= x >>> 13;
  return x >>> 0;
}
const pick = <T>(xs: readonly T[], i: number, salt: number): T => xs[mix(i, salt) % xs.length];

export function personName(i: number, salt: number): string {
  const given =
    mix(i, salt + 1) % 3 === 0
      ? pick(GIVEN, i, salt + 2)
      : pick(GIVEN, i, salt + 2) + pick(GIVEN, i, salt + 3);
  return pick(SURNAMES, i, salt) + given;
}

export function syntheticCase(i: number): SyntheticCase {
  const [category, label, complaints] = pick(CATEGORIES, i, 1);
  const a = personName(i, 10);
  const b = personName(i, 20);
  const [streetCode, streetName, communities] = pick(STREETS, i, 3);
  const address = `${streetName}${pick(communities, i, 4)}${pick(ROADS, i, 5)}${1 + (mix(i, 6) % 400)}号`;
  const complaint = pick(complaints, i, 7)
    .replace('{a}', a)
    .replace('{b}', b)
    .replace('{n}', String(2 + (mix(i, 8) % 30)))
    .replace('{m}', String(1000 * (3 + (mix(i, 9) % 90))));
  const lead = mix(i, 11) % 2 === 0 ? `网格员巡查发现${address}附近矛盾纠纷，` : `市民来电反映，`;
  const receivedAt = new Date(START + Math.floor((mix(i, 13) / 2 ** 32) * SPAN));
  return {
    i,
    number: `TZ${receivedAt.getUTCFullYear()}-${String(i).padStart(7, '0')}`,
    category,
    label,
    title: `${a}与${b}${label}`,
    description: lead + complaint,
    streetCode,
    address,
    status: pick(STATUSES, i, 12),
    receivedAt,
    a: {
      name: a,
      phone: `13${String((i * 7919) % 1e9).padStart(9, '0')}`,
      idNumber: i % 3 === 0 ? `3206121980${String(i % 1e8).padStart(8, '0')}` : null,
    },
    b: { name: b, phone: `15${String((i * 104729) % 1e9).padStart(9, '0')}` },
  };
}
