/** Evaluates a compiled rule's conditions against a dispute, naming every condition that fails (internal). */
import type { RuleMismatch } from './decision.types';
import type { CompiledRule } from './rule.compiler';
import { categoryLabelEn, categoryLabelZh } from './dispute-category.constants';
import { channelLabel, disputeKindLabel, partyTypeLabel } from './routing.constants';

/** What the rules look at, derived once per dispute. */
export interface DisputeFacts {
  readonly category: string;
  readonly channel: string;
  /** 'peoples' when the dispute gives none. */
  readonly kind: string;
  readonly street: string | undefined;
  readonly community: string | undefined;
  readonly claimAmount: number | undefined;
  readonly people: number;
  readonly partyTypes: ReadonlySet<string>;
  readonly repeated: boolean;
  /** "street/community" as shown in texts. */
  readonly where: string;
  /** formatYuan(claimAmount). */
  readonly claimText: string;
}

/** 1234567.5 → "1,234,567.5" (no Intl: toLocaleString costs tens of microseconds per call). */
export function formatYuan(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.round(Math.abs(n) * 100) / 100).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const CACHE_LIMIT = 4096;

function memo(map: Map<string, RuleMismatch>, key: string, make: () => RuleMismatch): RuleMismatch {
  let m = map.get(key);
  if (!m) {
    m = Object.freeze(make());
    if (map.size < CACHE_LIMIT) map.set(key, m);
  }
  return m;
}

/**
 * Mismatch texts that depend on one value only are built once and shared (frozen) between decisions:
 * the explanation of ~100 rules per decision must not cost ~100 string builds.
 */
export class MismatchTexts {
  private readonly byCategory = new Map<string, RuleMismatch>();
  private readonly byChannel = new Map<string, RuleMismatch>();
  private readonly byLocation = new Map<string, RuleMismatch>();
  private readonly byPartyTypes = new Map<string, RuleMismatch>();
  private readonly byKind = new Map<string, RuleMismatch>();

  kind(kind: string): RuleMismatch {
    return memo(this.byKind, kind, () => ({
      code: 'KIND_NOT_LISTED',
      zh: `纠纷性质「${disputeKindLabel(kind).zh}」不在规则所列之列`,
      en: `dispute kind "${disputeKindLabel(kind).en}" is not among the rule's kinds`,
    }));
  }

  category(category: string): RuleMismatch {
    return memo(this.byCategory, category, () => ({
      code: 'CATEGORY_NOT_LISTED',
      zh: `纠纷类别「${categoryLabelZh(category)}」不在规则类别之列`,
      en: `category "${categoryLabelEn(category)}" is not among the rule's categories`,
    }));
  }

  channel(channel: string): RuleMismatch {
    return memo(this.byChannel, channel, () => ({
      code: 'CHANNEL_NOT_LISTED',
      zh: `受理渠道「${channelLabel(channel).zh}」不在规则渠道之列`,
      en: `intake channel "${channelLabel(channel).en}" is not among the rule's channels`,
    }));
  }

  location(where: string): RuleMismatch {
    return memo(this.byLocation, where, () => ({
      code: 'LOCATION_NOT_LISTED',
      zh: `发生地（${where}）不在规则所列街道/社区内`,
      en: `location (${where}) is not among the rule's streets/communities`,
    }));
  }

  partyTypes(required: ReadonlySet<string>): RuleMismatch {
    const list = [...required];
    return memo(this.byPartyTypes, list.join(','), () => ({
      code: 'PARTY_TYPE_ABSENT',
      zh: `当事人中没有规则要求的类型（${list.map((t) => partyTypeLabel(t).zh).join('、')}）`,
      en: `no party is of a required type (${list.map((t) => partyTypeLabel(t).en).join(', ')})`,
    }));
  }
}

const CLAIM_UNKNOWN: RuleMismatch = Object.freeze({
  code: 'CLAIM_AMOUNT_UNKNOWN',
  zh: '纠纷未填写标的额',
  en: 'the dispute has no claim amount',
});

function claimMismatch(
  rule: CompiledRule,
  amount: number | undefined,
  amountText: string,
): RuleMismatch | null {
  if (rule.claimMin === undefined && rule.claimMax === undefined) return null;
  if (amount === undefined) return CLAIM_UNKNOWN;
  if (rule.claimMin !== undefined && amount < rule.claimMin) {
    return {
      code: 'CLAIM_BELOW_MIN',
      zh: `标的额 ${amountText} 元低于下限 ${formatYuan(rule.claimMin)} 元`,
      en: `claim amount ${amountText} yuan is below the minimum ${formatYuan(rule.claimMin)} yuan`,
    };
  }
  if (rule.claimMax !== undefined && amount > rule.claimMax) {
    return {
      code: 'CLAIM_ABOVE_MAX',
      zh: `标的额 ${amountText} 元高于上限 ${formatYuan(rule.claimMax)} 元`,
      en: `claim amount ${amountText} yuan is above the maximum ${formatYuan(rule.claimMax)} yuan`,
    };
  }
  return null;
}

/** Every failing condition of the rule, in a fixed order; empty when the rule matches. */
export function ruleMismatches(rule: CompiledRule, f: DisputeFacts, texts: MismatchTexts): RuleMismatch[] {
  const out: RuleMismatch[] = [];
  if (rule.categories && !rule.categories.has(f.category)) out.push(texts.category(f.category));
  if (rule.streets || rule.communities) {
    const inStreet = rule.streets !== null && f.street !== undefined && rule.streets.has(f.street);
    const inCommunity =
      rule.communities !== null && f.community !== undefined && rule.communities.has(f.community);
    if (!inStreet && !inCommunity) out.push(texts.location(f.where));
  }
  const claim = claimMismatch(rule, f.claimAmount, f.claimText);
  if (claim) out.push(claim);
  if (rule.partyTypes) {
    let any = false;
    for (const t of f.partyTypes) if (rule.partyTypes.has(t)) any = true;
    if (!any) out.push(texts.partyTypes(rule.partyTypes));
  }
  if (rule.peopleMin !== undefined && !(f.people >= rule.peopleMin)) {
    out.push({
      code: 'PEOPLE_BELOW_MIN',
      zh: `涉及人数 ${f.people} 少于 ${rule.peopleMin} 人`,
      en: `${f.people} people involved, fewer than ${rule.peopleMin}`,
    });
  }
  if (rule.channels && !rule.channels.has(f.channel)) out.push(texts.channel(f.channel));
  if (rule.disputeKinds && !rule.disputeKinds.has(f.kind)) out.push(texts.kind(f.kind));
  return out;
}
