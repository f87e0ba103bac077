/**
 * Channel-independent view of an intake record for duplicate matching: who (names, phones,
 * ID numbers), what (dispute category, text), when and where.
 */
import type { IntakeRecord } from './intake.types';
import { startOfBusinessDay } from '@tiaojie/business-time';

export interface MatchPerson {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

export interface MatchProfile {
  record: IntakeRecord;
  key: string;
  at: Date;
  people: MatchPerson[];
  /** Dispute categories in the 12345/grid vocabulary (e.g. '物业纠纷'), or the plain category/subtype. */
  categories: string[];
  isDispute: boolean;
  street: string | null;
  community: string | null;
  /** Road + house number tokens, e.g. '星湖大道215号'. */
  places: string[];
  text: string;
}

/**
 * Court 案由 → dispute category of the 12345/grid vocabulary (local example; configurable through
 * DuplicateMatchOptions.causeOfActionCategories). Causes without an equivalent are left out.
 */
export const DEFAULT_CAUSE_OF_ACTION_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  物业服务合同纠纷: ['物业纠纷'],
  房屋租赁合同纠纷: ['房屋租赁纠纷'],
  机动车交通事故责任纠纷: ['交通事故纠纷'],
  离婚纠纷: ['婚姻家庭纠纷'],
  追索劳动报酬纠纷: ['劳资纠纷'],
  劳务合同纠纷: ['劳资纠纷'],
  装饰装修合同纠纷: ['建设工程纠纷'],
  建设工程施工合同纠纷: ['建设工程纠纷'],
  医疗损害责任纠纷: ['医疗纠纷'],
  侵害商标权纠纷: ['知识产权纠纷'],
  买卖合同纠纷: ['消费纠纷', '涉企合同纠纷'],
  相邻关系纠纷: ['邻里纠纷'],
};

const PLACE_RE = /[\u4e00-\u9fff]{1,8}?(?:路|街|大道|巷|弄|道)\d+号/g;
const COMMUNITY_RE = /^[\u4e00-\u9fff]{1,8}?(?:社区|村)/;

export function placesIn(text: string): string[] {
  return [...new Set(text.match(PLACE_RE) ?? [])];
}

/** The community named in an address such as '东湖街道湖滨社区星湖大道215号' (after the street). */
function communityIn(address: string, street: string): string | null {
  const rest = street && address.startsWith(street) ? address.slice(street.length) : address;
  return COMMUNITY_RE.exec(rest)?.[0] ?? null;
}

export function recordKey(record: IntakeRecord): string {
  return `${record.kind}:${record.sourceId}`;
}

function nonEmpty(...values: (string | null)[]): string[] {
  return values.filter((v): v is string => !!v);
}

export function toMatchProfile(
  record: IntakeRecord,
  causeMap: Readonly<Record<string, readonly string[]>>,
): MatchProfile {
  const key = recordKey(record);
  switch (record.kind) {
    case 'work-order':
      return {
        record,
        key,
        at: record.acceptedAt,
        people: [{ name: record.requester || null, phone: record.phone, idNumber: null }],
        categories: nonEmpty(record.disputeCategory ?? record.category),
        isDispute: record.isDispute,
        street: record.street || null,
        community: communityIn(record.address, record.street),
        places: placesIn(record.address),
        text: record.content,
      };
    case 'grid-report':
      return {
        record,
        key,
        at: record.reportedAt,
        // The grid worker is the reporter, not a party: only the party identifies the dispute.
        people: [{ name: record.partyName, phone: record.partyPhone, idNumber: null }],
        categories: nonEmpty(record.disputeCategory ?? record.eventSubtype),
        isDispute: record.isDispute,
        street: record.street || null,
        community: record.community || null,
        places: placesIn(record.description),
        text: record.description,
      };
    case 'court-referral':
      return {
        record,
        key,
        at: startOfBusinessDay(record.referredOn),
        people: [record.plaintiff, record.defendant],
        categories: [...(causeMap[record.causeOfAction] ?? [])],
        isDispute: true,
        street: null,
        community: null,
        places: [],
        text: '',
      };
  }
}

function bigrams(text: string): Map<string, number> {
  const clean = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < clean.length; i++) {
    const g = clean.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams (0..1), suited to Chinese text without word breaks. */
export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
