/** Intake channels of the three exports, and how their dispute categories map onto the platform's. */
import type { IntakeFormat, IntakeRecord } from '@tiaojie/intake-parsers';
import { DEFAULT_CAUSE_OF_ACTION_CATEGORIES } from '@tiaojie/intake-parsers';

export type IntakeChannel = 'hotline_12345' | 'grid' | 'court';

export const CHANNEL_OF_FORMAT: Readonly<Record<IntakeFormat, IntakeChannel>> = {
  'work-order': 'hotline_12345',
  'grid-report': 'grid',
  'court-referral': 'court',
};

export const FORMAT_OF_CHANNEL: Readonly<Record<IntakeChannel, IntakeFormat>> = {
  hotline_12345: 'work-order',
  grid: 'grid-report',
  court: 'court-referral',
};

export const CHANNEL_LABELS: Readonly<Record<IntakeChannel, string>> = {
  hotline_12345: '12345热线',
  grid: '网格上报',
  court: '法院委派',
};

/**
 * Dispute category labels used by 12345 orders (矛盾纠纷-…) and grid reports (事件小类) → the
 * platform's category codes (libs/routing's list). A local mapping: districts may extend it.
 */
export const DISPUTE_CATEGORY_CODES: Readonly<Record<string, string>> = {
  邻里纠纷: 'neighbour',
  婚姻家庭纠纷: 'family',
  物业纠纷: 'property',
  劳资纠纷: 'labour',
  医疗纠纷: 'medical',
  交通事故纠纷: 'traffic',
  消费纠纷: 'consumer',
  土地征收补偿争议: 'land_expropriation',
  房屋租赁纠纷: 'contract',
  涉企合同纠纷: 'commercial',
  知识产权纠纷: 'ip',
  建设工程纠纷: 'construction',
  行政执法争议: 'other',
};

/** Labels whose disputes are administrative (行政调解) rather than people's mediation. */
export const ADMINISTRATIVE_CATEGORY_LABELS: ReadonlySet<string> = new Set([
  '行政执法争议',
  '土地征收补偿争议',
]);

export type DisputeKind = 'peoples' | 'administrative' | 'judicial';

export function categoryCodeOf(label: string | null): string {
  return (label && DISPUTE_CATEGORY_CODES[label]) || 'other';
}

/** The dispute category label of a record: its own for orders/grid, the 案由's equivalent for court referrals. */
export function disputeCategoryLabel(record: IntakeRecord): string | null {
  if (record.kind === 'court-referral')
    return DEFAULT_CAUSE_OF_ACTION_CATEGORIES[record.causeOfAction]?.[0] ?? null;
  return record.disputeCategory;
}

export function disputeKindOf(record: IntakeRecord): DisputeKind {
  if (record.kind === 'court-referral') return 'judicial';
  return record.disputeCategory && ADMINISTRATIVE_CATEGORY_LABELS.has(record.disputeCategory)
    ? 'administrative'
    : 'peoples';
}

/** Every court referral is a dispute; orders and grid reports when the export marks them so. */
export function isDisputeRecord(record: IntakeRecord): boolean {
  return record.kind === 'court-referral' || record.isDispute;
}
