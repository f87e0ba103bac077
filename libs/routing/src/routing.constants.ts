/** Enumerations of the routing domain with Chinese and English labels, and default thresholds. */

export const BODY_KINDS = [
  { code: 'peoples', zh: '人民调解', en: "people's mediation" },
  { code: 'administrative', zh: '行政调解', en: 'administrative mediation' },
  { code: 'judicial', zh: '司法调解', en: 'judicial mediation' },
  { code: 'industry', zh: '行业性专业性调解', en: 'industry/professional mediation' },
] as const;
export type BodyKind = (typeof BODY_KINDS)[number]['code'];

/** Ordered from lowest to highest: the escalation ladder. */
/** The kind of mediation a dispute calls for (a dispute's `kind`), as rules may require it. */
export const DISPUTE_KINDS = [
  { code: 'peoples', zh: '人民调解', en: "people's mediation" },
  { code: 'administrative', zh: '行政调解', en: 'administrative mediation' },
  { code: 'judicial', zh: '司法调解', en: 'judicial mediation' },
] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number]['code'];

export const BODY_LEVELS = [
  { code: 'community', zh: '社区级', en: 'community level' },
  { code: 'street', zh: '街道级', en: 'street level' },
  { code: 'district', zh: '区级', en: 'district level' },
] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number]['code'];

export const INTAKE_CHANNELS = [
  { code: 'online', zh: '线上申请', en: 'online application' },
  { code: 'window', zh: '窗口', en: 'walk-in window' },
  { code: 'grid', zh: '网格上报', en: 'grid worker report' },
  { code: 'hotline_12345', zh: '12345 工单', en: '12345 work order' },
  { code: 'court', zh: '法院委派/委托', en: 'court referral' },
  { code: 'petition', zh: '信访', en: 'petition' },
  { code: 'enterprise', zh: '涉企纠纷', en: 'enterprise-related dispute' },
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number]['code'];

export const PARTY_TYPES = [
  { code: 'individual', zh: '自然人', en: 'individual' },
  { code: 'enterprise', zh: '企业', en: 'enterprise' },
  { code: 'organisation', zh: '社会组织', en: 'organisation' },
  { code: 'government', zh: '行政机关', en: 'government body' },
] as const;
export type PartyType = (typeof PARTY_TYPES)[number]['code'];

export const CONFLICT_KINDS = [
  { code: 'relative', zh: '近亲属', en: 'relative' },
  { code: 'employer', zh: '雇佣/任职关系', en: 'employer' },
  { code: 'prior_involvement', zh: '曾参与处理', en: 'prior involvement' },
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number]['code'];

export const LEVEL_ORDER: Readonly<Record<BodyLevel, number>> = { community: 0, street: 1, district: 2 };
export const LEVELS_BY_ORDER: readonly BodyLevel[] = ['community', 'street', 'district'];

/** Defaults of RouteOptions; every one is configurable per call or per compiled router. */
export const ROUTING_DEFAULTS = {
  /** After this many returns (退单) the dispute goes to the district admin queue. */
  maxReturns: 2,
  /** Claim amount (yuan) at or above which a dispute escalates one level. */
  claimAmountThreshold: 500_000,
  /** Number of people involved at or above which a dispute escalates one level (群体性纠纷). */
  peopleInvolvedThreshold: 10,
  /** Whether a repeated dispute (重复纠纷) escalates one level. */
  escalateRepeated: true,
} as const;

function labels<T extends { code: string; zh: string; en: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.code, x]));
}
const KIND = labels(BODY_KINDS);
const LEVEL = labels(BODY_LEVELS);
const CHANNEL = labels(INTAKE_CHANNELS);
const PARTY = labels(PARTY_TYPES);
const DISPUTE_KIND = labels(DISPUTE_KINDS);

export const kindLabel = (code: string) => KIND.get(code) ?? { code, zh: code, en: code };
export const levelLabel = (code: string) => LEVEL.get(code) ?? { code, zh: code, en: code };
export const channelLabel = (code: string) => CHANNEL.get(code) ?? { code, zh: code, en: code };
export const partyTypeLabel = (code: string) => PARTY.get(code) ?? { code, zh: code, en: code };
export const disputeKindLabel = (code: string) => DISPUTE_KIND.get(code) ?? { code, zh: code, en: code };
export const isDisputeKind = (code: string): code is DisputeKind => DISPUTE_KIND.has(code);
export const isIntakeChannel = (code: string): code is IntakeChannel => CHANNEL.has(code);
export const isPartyType = (code: string): code is PartyType => PARTY.has(code);
export const isBodyKind = (code: string): code is BodyKind => KIND.has(code);
export const isBodyLevel = (code: string): code is BodyLevel => LEVEL.has(code);
