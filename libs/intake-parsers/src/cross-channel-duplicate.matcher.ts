/**
 * Cross-channel duplicate matching (one dispute arriving as a grid report, a 12345 order and/or
 * a court referral). Pure: records in, scored pairs out.
 *
 * Candidates share a phone, an ID number, or a name within a street (blocking keeps this near
 * linear); they must lie within the time window. The score adds up evidence (weights below) and
 * subtracts for conflicting evidence (different dispute categories, different phones). A pair is 'certain' when it has an identity match
 * (phone or ID number) and scores at least certainThreshold; otherwise 'uncertain' (review queue)
 * when it scores at least reviewThreshold; anything lower is dropped.
 */
import type { IntakeFormat, IntakeRecord } from './intake.types';
import {
  DEFAULT_CAUSE_OF_ACTION_CATEGORIES,
  recordKey,
  textSimilarity,
  toMatchProfile,
  type MatchProfile,
} from './match-profile';

export interface DuplicateMatchOptions {
  /** Maximum distance in time between the two intakes, in days (default 7). */
  windowDays?: number;
  /** Minimum score of a certain pair, which must also share a phone or ID number (default 0.8). */
  certainThreshold?: number;
  /** Minimum score to report a pair at all, as uncertain (default 0.45). */
  reviewThreshold?: number;
  /** Also pair records of the same channel (e.g. two 12345 orders); default false. */
  includeSameChannel?: boolean;
  /** Court 案由 → dispute categories (default DEFAULT_CAUSE_OF_ACTION_CATEGORIES). */
  causeOfActionCategories?: Readonly<Record<string, readonly string[]>>;
  /** Name-within-street blocks larger than this are skipped (very common names; default 200). */
  maxNameBlockSize?: number;
}

export type DuplicateConfidence = 'certain' | 'uncertain';

export type DuplicateReasonCode =
  | 'same-id-number'
  | 'same-phone'
  | 'different-phone'
  | 'same-name'
  | 'same-category'
  | 'different-category'
  | 'close-in-time'
  | 'same-street'
  | 'same-community'
  | 'same-address'
  | 'similar-text';

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** Contribution to the score (negative for conflicting evidence). */
  weight: number;
  /** Readable Chinese detail. */
  detail: string;
}

export interface IntakeRecordRef {
  kind: IntakeFormat;
  sourceId: string;
}

export interface CrossChannelDuplicate {
  a: IntakeRecordRef;
  b: IntakeRecordRef;
  /** 0..1. */
  score: number;
  confidence: DuplicateConfidence;
  reasons: DuplicateReason[];
  hoursApart: number;
}

export const DUPLICATE_WEIGHTS = {
  sameIdNumber: 0.45,
  samePhone: 0.4,
  bothIdentities: 0.05,
  differentPhone: -0.1,
  sameName: 0.15,
  sameCategory: 0.15,
  differentCategory: -0.2,
  closeInTime: 0.1,
  sameStreet: 0.06,
  sameCommunity: 0.04,
  sameAddress: 0.05,
  similarText: 0.15,
} as const;

/** Text similarity below this is ignored. */
const MIN_TEXT_SIMILARITY = 0.3;
const KIND_ORDER: IntakeFormat[] = ['grid-report', 'work-order', 'court-referral'];
const HOUR_MS = 3_600_000;

function shared(a: (string | null)[], b: (string | null)[]): string | null {
  const set = new Set(a.filter(Boolean));
  return b.find((v) => v !== null && set.has(v)) ?? null;
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** What a pair is scored on: a profile without its export row (a live registration has none). */
export type MatchFacts = Pick<
  MatchProfile,
  'at' | 'people' | 'categories' | 'street' | 'community' | 'places' | 'text'
>;

function scorePair(
  p: MatchFacts,
  q: MatchFacts,
  windowHours: number,
): { score: number; reasons: DuplicateReason[]; identity: boolean } {
  const w = DUPLICATE_WEIGHTS;
  const reasons: DuplicateReason[] = [];
  const add = (code: DuplicateReasonCode, weight: number, detail: string) =>
    reasons.push({ code, weight: round(weight), detail });

  const id = shared(
    p.people.map((x) => x.idNumber),
    q.people.map((x) => x.idNumber),
  );
  const phone = shared(
    p.people.map((x) => x.phone),
    q.people.map((x) => x.phone),
  );
  if (id) add('same-id-number', w.sameIdNumber, '身份证号相同');
  if (phone) add('same-phone', id ? w.bothIdentities : w.samePhone, '电话号码相同');
  else if (!id && p.people.some((x) => x.phone) && q.people.some((x) => x.phone)) {
    add('different-phone', w.differentPhone, '电话号码不同');
  }
  const name = shared(
    p.people.map((x) => x.name),
    q.people.map((x) => x.name),
  );
  if (name) add('same-name', w.sameName, `姓名相同（${name}）`);

  const category = shared(p.categories, q.categories);
  if (category) add('same-category', w.sameCategory, `纠纷类别相同（${category}）`);
  else if (p.categories.length > 0 && q.categories.length > 0) {
    add(
      'different-category',
      w.differentCategory,
      `类别不同（${p.categories.join('/')} ≠ ${q.categories.join('/')}）`,
    );
  }

  const hours = Math.abs(p.at.getTime() - q.at.getTime()) / HOUR_MS;
  add('close-in-time', w.closeInTime * (1 - hours / windowHours), `相隔${Math.round(hours)}小时`);

  if (p.street && p.street === q.street) add('same-street', w.sameStreet, `同一街道（${p.street}）`);
  if (p.community && p.community === q.community)
    add('same-community', w.sameCommunity, `同一社区（${p.community}）`);
  const place = shared(p.places, q.places);
  if (place) add('same-address', w.sameAddress, `地址相同（${place}）`);

  const similarity = p.text && q.text ? textSimilarity(p.text, q.text) : 0;
  if (similarity >= MIN_TEXT_SIMILARITY) {
    add('similar-text', w.similarText * similarity, `内容相似度${Math.round(similarity * 100)}%`);
  }
  const score = Math.max(
    0,
    Math.min(
      1,
      reasons.reduce((s, r) => s + r.weight, 0),
    ),
  );
  return { score: round(score), reasons, identity: !!(id || phone) };
}

function blockKeys(p: MatchProfile): string[] {
  const keys: string[] = [];
  for (const person of p.people) {
    if (person.phone) keys.push(`p:${person.phone}`);
    if (person.idNumber) keys.push(`i:${person.idNumber}`);
    if (person.name && p.street) keys.push(`n:${person.name}|${p.street}`);
  }
  return keys;
}

function ref(profile: MatchProfile): IntakeRecordRef {
  return { kind: profile.record.kind, sourceId: profile.record.sourceId };
}

function ordered(p: MatchProfile, q: MatchProfile): [MatchProfile, MatchProfile] {
  const byKind = KIND_ORDER.indexOf(p.record.kind) - KIND_ORDER.indexOf(q.record.kind);
  return byKind < 0 || (byKind === 0 && p.record.sourceId <= q.record.sourceId) ? [p, q] : [q, p];
}

/**
 * Find pairs of records from different channels that are probably the same dispute.
 * Records are deduplicated by kind + sourceId first (a repeated delivery is not a duplicate pair).
 * Result: best score first.
 */
export function findCrossChannelDuplicates(
  records: Iterable<IntakeRecord>,
  options: DuplicateMatchOptions = {},
): CrossChannelDuplicate[] {
  const windowHours = (options.windowDays ?? 7) * 24;
  const certainThreshold = options.certainThreshold ?? 0.8;
  const reviewThreshold = options.reviewThreshold ?? 0.45;
  const maxNameBlock = options.maxNameBlockSize ?? 200;
  const causeMap = options.causeOfActionCategories ?? DEFAULT_CAUSE_OF_ACTION_CATEGORIES;

  const profiles = new Map<string, MatchProfile>();
  for (const record of records) profiles.set(recordKey(record), toMatchProfile(record, causeMap));

  const blocks = new Map<string, MatchProfile[]>();
  for (const profile of profiles.values()) {
    for (const key of new Set(blockKeys(profile))) {
      const block = blocks.get(key);
      if (block) block.push(profile);
      else blocks.set(key, [profile]);
    }
  }

  const seen = new Set<string>();
  const pairs: CrossChannelDuplicate[] = [];
  for (const [key, block] of blocks) {
    if (block.length < 2 || (key.startsWith('n:') && block.length > maxNameBlock)) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [p, q] = ordered(block[i], block[j]);
        if (!options.includeSameChannel && p.record.kind === q.record.kind) continue;
        const hours = Math.abs(p.at.getTime() - q.at.getTime()) / HOUR_MS;
        if (hours > windowHours) continue;
        const pairKey = `${p.key}\u0000${q.key}`;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const { score, reasons, identity } = scorePair(p, q, windowHours);
        if (score < reviewThreshold) continue;
        const confidence: DuplicateConfidence =
          identity && score >= certainThreshold ? 'certain' : 'uncertain';
        pairs.push({ a: ref(p), b: ref(q), score, confidence, reasons, hoursApart: round(hours, 1) });
      }
    }
  }
  return pairs.sort(
    (x, y) =>
      y.score - x.score ||
      x.a.sourceId.localeCompare(y.a.sourceId) ||
      x.b.sourceId.localeCompare(y.b.sourceId),
  );
}

/**
 * Scores two intakes by the rule findCrossChannelDuplicates applies (the same weights, window and thresholds), for
 * a live registration against the open disputes it may repeat. Null when they lie outside the window or score
 * below the review threshold.
 */
export function scoreDuplicate(
  p: MatchFacts,
  q: MatchFacts,
  options: Pick<DuplicateMatchOptions, 'windowDays' | 'certainThreshold' | 'reviewThreshold'> = {},
): { score: number; confidence: DuplicateConfidence; reasons: DuplicateReason[] } | null {
  const windowHours = (options.windowDays ?? 7) * 24;
  if (Math.abs(p.at.getTime() - q.at.getTime()) / HOUR_MS > windowHours) return null;
  const { score, reasons, identity } = scorePair(p, q, windowHours);
  if (score < (options.reviewThreshold ?? 0.45)) return null;
  const confidence: DuplicateConfidence =
    identity && score >= (options.certainThreshold ?? 0.8) ? 'certain' : 'uncertain';
  return { score, confidence, reasons };
}

export interface DuplicateEvaluation {
  truePositives: number;
  precision: number;
  recall: number;
  /** Expected pairs not found. */
  missed: [string, string][];
  /** Found pairs not expected. */
  spurious: [string, string][];
}

/** Precision/recall of found pairs against expected [sourceId, sourceId] pairs (order-insensitive). */
export function evaluateDuplicatePairs(
  found: readonly CrossChannelDuplicate[],
  expected: readonly (readonly [string, string])[],
): DuplicateEvaluation {
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const expectedKeys = new Map(expected.map(([x, y]) => [key(x, y), [x, y] as [string, string]]));
  const foundKeys = new Map(
    found.map((d) => [key(d.a.sourceId, d.b.sourceId), [d.a.sourceId, d.b.sourceId] as [string, string]]),
  );
  const truePositives = [...foundKeys.keys()].filter((k) => expectedKeys.has(k)).length;
  return {
    truePositives,
    precision: foundKeys.size === 0 ? 1 : truePositives / foundKeys.size,
    recall: expectedKeys.size === 0 ? 1 : truePositives / expectedKeys.size,
    missed: [...expectedKeys].filter(([k]) => !foundKeys.has(k)).map(([, v]) => v),
    spurious: [...foundKeys].filter(([k]) => !expectedKeys.has(k)).map(([, v]) => v),
  };
}
