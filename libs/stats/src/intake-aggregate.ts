/**
 * The metric definitions of intake records (domain reference, "Metrics") as additive counters, and
 * the deltas an insert or an update applies to the maintained aggregate tables.
 *
 * - received: every record; closed: 办结时间 present (办结率 = closed ÷ received)
 * - replied: 回复时间 present; replied on time: replied by the reply deadline (按期答复率 = on time ÷ replied)
 * - rated: 满意 | 基本满意 | 不满意 (未回访 is not rated); satisfied: 满意 | 基本满意 (满意率 = satisfied ÷ rated)
 * - duration: accepted → closed, for closed records
 */
import { toBusinessDate } from '@tiaojie/business-time';

/** The columns of an intake record the aggregates depend on. */
export interface IntakeFacts {
  channel: string;
  source: string | null;
  street: string | null;
  category: string;
  disputeCategory: string | null;
  isDispute: boolean;
  acceptedAt: Date;
  closedAt: Date | null;
  repliedAt: Date | null;
  repliedOnTime: boolean | null;
  satisfaction: string | null;
  peopleInvolved: number | null;
}

export const SATISFIED_VALUES: readonly string[] = ['满意', '基本满意'];
export const RATED_VALUES: readonly string[] = ['满意', '基本满意', '不满意'];

export function isRated(satisfaction: string | null | undefined): boolean {
  return !!satisfaction && RATED_VALUES.includes(satisfaction);
}

export function isSatisfied(satisfaction: string | null | undefined): boolean {
  return !!satisfaction && SATISFIED_VALUES.includes(satisfaction);
}

export interface DailyCounters {
  received: number;
  closed: number;
  replied: number;
  repliedOnTime: number;
  rated: number;
  satisfied: number;
  peopleInvolved: number;
  durationCount: number;
  durationSeconds: number;
}

export interface DailyKey {
  day: string;
  channel: string;
  source: string;
  street: string;
  isDispute: number;
}

export interface CategoryKey {
  month: string;
  channel: string;
  isDispute: number;
  category: string;
}

export interface DurationKey {
  month: string;
  channel: string;
  source: string;
  street: string;
  bucket: number;
}

export type DailyDelta = DailyKey & DailyCounters;
export type DurationDelta = DurationKey & { count: number };
export type CategoryDelta = CategoryKey & { received: number; closed: number };

const HOUR_S = 3600;
/** Buckets: whole hours below 48 h (0..47), then 46 + whole days (48 = 2 days … MAX_BUCKET). */
export const HOURLY_BUCKETS = 48;
export const MAX_DURATION_DAYS = 400;
export const MAX_BUCKET = HOURLY_BUCKETS - 2 + MAX_DURATION_DAYS;

export function durationBucket(seconds: number): number {
  const hours = Math.floor(Math.max(0, seconds) / HOUR_S);
  if (hours < HOURLY_BUCKETS) return hours;
  return HOURLY_BUCKETS - 2 + Math.min(Math.floor(hours / 24), MAX_DURATION_DAYS);
}

/** Upper bound of a bucket, in hours (a p90 read from the histogram is at most this). */
export function bucketUpperHours(bucket: number): number {
  return bucket < HOURLY_BUCKETS ? bucket + 1 : (bucket - (HOURLY_BUCKETS - 2) + 1) * 24;
}

/** Seconds from acceptance to closure, or null when not closed (or closed before acceptance). */
export function durationSeconds(f: Pick<IntakeFacts, 'acceptedAt' | 'closedAt'>): number | null {
  if (!f.closedAt) return null;
  const s = Math.round((f.closedAt.getTime() - f.acceptedAt.getTime()) / 1000);
  return s >= 0 ? s : null;
}

function dailyKey(f: IntakeFacts): DailyKey {
  return {
    day: toBusinessDate(f.acceptedAt),
    channel: f.channel,
    source: f.source ?? '',
    street: f.street ?? '',
    isDispute: f.isDispute ? 1 : 0,
  };
}

function counters(f: IntakeFacts, sign: 1 | -1): DailyCounters {
  const duration = durationSeconds(f);
  return {
    received: sign,
    closed: f.closedAt ? sign : 0,
    replied: f.repliedAt ? sign : 0,
    repliedOnTime: f.repliedAt && f.repliedOnTime ? sign : 0,
    rated: isRated(f.satisfaction) ? sign : 0,
    satisfied: isSatisfied(f.satisfaction) ? sign : 0,
    peopleInvolved: sign * (f.peopleInvolved ?? 0),
    durationCount: duration === null ? 0 : sign,
    durationSeconds: duration === null ? 0 : sign * duration,
  };
}

const COUNTER_KEYS: (keyof DailyCounters)[] = [
  'received',
  'closed',
  'replied',
  'repliedOnTime',
  'rated',
  'satisfied',
  'peopleInvolved',
  'durationCount',
  'durationSeconds',
];

/** Accumulates the deltas of many record changes, merged per aggregate key. */
export class IntakeAggregateDelta {
  private readonly daily = new Map<string, DailyDelta>();
  private readonly durations = new Map<string, DurationDelta>();
  private readonly categories = new Map<string, CategoryDelta>();

  /** A record inserted (before = null), updated (both) or removed (after = null). */
  add(before: IntakeFacts | null, after: IntakeFacts | null): void {
    if (before) this.apply(before, -1);
    if (after) this.apply(after, 1);
  }

  private apply(f: IntakeFacts, sign: 1 | -1): void {
    const key = dailyKey(f);
    const k = `${key.day}|${key.channel}|${key.source}|${key.street}|${key.isDispute}`;
    const c = counters(f, sign);
    const row = this.daily.get(k);
    if (row) for (const name of COUNTER_KEYS) row[name] += c[name];
    else this.daily.set(k, { ...key, ...c });

    const cat: CategoryKey = {
      month: `${key.day.slice(0, 7)}-01`,
      channel: key.channel,
      isDispute: key.isDispute,
      category: f.disputeCategory ?? f.category,
    };
    const ck = `${cat.month}|${cat.channel}|${cat.isDispute}|${cat.category}`;
    const crow = this.categories.get(ck);
    if (crow) {
      crow.received += c.received;
      crow.closed += c.closed;
    } else this.categories.set(ck, { ...cat, received: c.received, closed: c.closed });

    const duration = durationSeconds(f);
    if (duration === null) return;
    const d: DurationKey = {
      month: `${key.day.slice(0, 7)}-01`,
      channel: key.channel,
      source: key.source,
      street: key.street,
      bucket: durationBucket(duration),
    };
    const dk = `${d.month}|${d.channel}|${d.source}|${d.street}|${d.bucket}`;
    const existing = this.durations.get(dk);
    if (existing) existing.count += sign;
    else this.durations.set(dk, { ...d, count: sign });
  }

  dailyRows(): DailyDelta[] {
    return [...this.daily.values()].filter((r) => COUNTER_KEYS.some((k) => r[k] !== 0));
  }

  categoryRows(): CategoryDelta[] {
    return [...this.categories.values()].filter((r) => r.received !== 0 || r.closed !== 0);
  }

  durationRows(): DurationDelta[] {
    return [...this.durations.values()].filter((r) => r.count !== 0);
  }
}
