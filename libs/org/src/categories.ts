import { DISPUTE_CATEGORIES as CATEGORY_LIST, DisputeCategoryCode } from '@tiaojie/routing';

/** Dispute categories: the routing engine's list is the single source; code → Chinese label. */
export const DISPUTE_CATEGORIES = Object.fromEntries(CATEGORY_LIST.map((c) => [c.code, c.zh])) as Record<
  DisputeCategoryCode,
  string
>;

export type DisputeCategory = DisputeCategoryCode;
export const CATEGORY_CODES = CATEGORY_LIST.map((c) => c.code) as DisputeCategory[];
