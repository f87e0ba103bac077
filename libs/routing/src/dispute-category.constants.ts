/** Dispute categories (纠纷类别): stable English codes with Chinese labels. */
export const DISPUTE_CATEGORIES = [
  { code: 'neighbour', zh: '邻里纠纷', en: 'Neighbour dispute' },
  { code: 'family', zh: '婚姻家庭', en: 'Marriage and family' },
  { code: 'property', zh: '物业', en: 'Property management' },
  { code: 'labour', zh: '劳动争议', en: 'Labour dispute' },
  { code: 'medical', zh: '医疗纠纷', en: 'Medical dispute' },
  { code: 'traffic', zh: '交通事故', en: 'Traffic accident' },
  { code: 'consumer', zh: '消费纠纷', en: 'Consumer dispute' },
  { code: 'land_expropriation', zh: '土地征收', en: 'Land expropriation' },
  { code: 'contract', zh: '合同纠纷', en: 'Contract dispute' },
  { code: 'ip', zh: '知识产权', en: 'Intellectual property' },
  { code: 'construction', zh: '建设工程', en: 'Construction project' },
  { code: 'commercial', zh: '商事', en: 'Commercial dispute' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

export type DisputeCategoryCode = (typeof DISPUTE_CATEGORIES)[number]['code'];

/**
 * A category code as stored with bodies, rules and disputes. The built-in codes autocomplete; other
 * strings are accepted so that a district can add categories (validateRules checks them against a list).
 */
export type CategoryCode = DisputeCategoryCode | (string & {});

export const DISPUTE_CATEGORY_CODES: readonly DisputeCategoryCode[] = DISPUTE_CATEGORIES.map((c) => c.code);

const CATEGORY_BY_CODE = new Map<string, (typeof DISPUTE_CATEGORIES)[number]>(
  DISPUTE_CATEGORIES.map((c) => [c.code, c]),
);

/** Chinese label of a category code; unknown codes are returned unchanged. */
export function categoryLabelZh(code: string): string {
  return CATEGORY_BY_CODE.get(code)?.zh ?? code;
}

/** English label of a category code; unknown codes are returned unchanged. */
export function categoryLabelEn(code: string): string {
  return CATEGORY_BY_CODE.get(code)?.en ?? code;
}
