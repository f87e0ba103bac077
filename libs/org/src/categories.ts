/** Dispute categories: stable codes with Chinese labels (12345 orders name them as `矛盾纠纷-<label>`). */
export const DISPUTE_CATEGORIES = {
  neighbour: '邻里纠纷',
  family: '婚姻家庭',
  property: '物业纠纷',
  labour: '劳动争议',
  medical: '医疗纠纷',
  traffic: '交通事故',
  consumer: '消费纠纷',
  land: '土地征收',
  contract: '合同纠纷',
  ip: '知识产权',
  construction: '建设工程',
  commercial: '商事纠纷',
  other: '其他纠纷',
} as const;

export type DisputeCategory = keyof typeof DISPUTE_CATEGORIES;
export const CATEGORY_CODES = Object.keys(DISPUTE_CATEGORIES) as DisputeCategory[];
