/**
 * Parsed rows → intake_records rows: the channel's columns, the reply/mediation deadline on the
 * working-day calendar, the matching keys, and the record as JSON (and back).
 */
import { computeDeadline, WorkdayCalendar } from '@tiaojie/deadlines';
import { startOfBusinessDay, toBusinessDate } from '@tiaojie/business-time';
import type { AcceptedRow, IntakeRecord, RawRow } from '@tiaojie/intake-parsers';
import type { IntakeFacts } from '@tiaojie/stats';
import {
  CHANNEL_OF_FORMAT,
  disputeCategoryLabel,
  isDisputeRecord,
  type IntakeChannel,
} from './intake-channel';

/** The values an import writes for one record (everything but ids, dispute link and timestamps). */
export interface IntakeRecordValues extends IntakeFacts {
  channel: IntakeChannel;
  sourceId: string;
  community: string | null;
  signedOffAt: Date | null;
  status: string | null;
  timeLimitDays: number | null;
  dueAt: Date | null;
  handlingUnit: string | null;
  court: string | null;
  causeOfAction: string | null;
  claimAmount: string | null;
  judge: string | null;
  matchKeys: string[];
  contentHash: string;
  record: Record<string, unknown>;
  raw: RawRow;
}

const deadlineCache = new Map<string, Date | null>();

function cachedDeadline(regime: string, start: Date, days: number): Date | null {
  const key = `${regime}|${start.getTime()}|${days}`;
  if (deadlineCache.has(key)) return deadlineCache.get(key)!;
  let due: Date | null;
  try {
    due = computeDeadline({ regime, start, days }, WorkdayCalendar.builtIn()).dueAt;
  } catch {
    due = null;
  }
  if (deadlineCache.size > 50_000) deadlineCache.clear();
  deadlineCache.set(key, due);
  return due;
}

/** 12345: end (23:59:59 Asia/Shanghai) of the N-th working day after the sign-off day. */
export function workOrderReplyDueAt(signedOffAt: Date | null, workingDays: number): Date | null {
  if (!signedOffAt) return null;
  return cachedDeadline('work_order_reply', startOfBusinessDay(toBusinessDate(signedOffAt)), workingDays);
}

/** Matching keys: the blocking keys of findCrossChannelDuplicates (phone, ID number, name within street). */
export function matchKeysOf(record: IntakeRecord): string[] {
  const people: { name: string | null; phone: string | null; idNumber: string | null }[] = [];
  let street: string | null = null;
  if (record.kind === 'work-order') {
    people.push({ name: record.requester || null, phone: record.phone, idNumber: null });
    street = record.street || null;
  } else if (record.kind === 'grid-report') {
    people.push({ name: record.partyName, phone: record.partyPhone, idNumber: null });
    street = record.street || null;
  } else {
    people.push(record.plaintiff, record.defendant);
  }
  const keys = new Set<string>();
  for (const p of people) {
    if (p.phone) keys.add(`p:${p.phone}`);
    if (p.idNumber) keys.add(`i:${p.idNumber}`);
    if (p.name && street) keys.add(`n:${p.name}|${street}`);
  }
  return [...keys];
}

function common(
  row: AcceptedRow,
): Pick<
  IntakeRecordValues,
  'channel' | 'sourceId' | 'contentHash' | 'raw' | 'matchKeys' | 'record' | 'isDispute' | 'disputeCategory'
> {
  return {
    channel: CHANNEL_OF_FORMAT[row.format],
    sourceId: row.sourceId,
    contentHash: row.contentHash,
    raw: row.raw,
    matchKeys: matchKeysOf(row.record),
    record: row.record as unknown as Record<string, unknown>,
    isDispute: isDisputeRecord(row.record),
    disputeCategory: isDisputeRecord(row.record) ? disputeCategoryLabel(row.record) : null,
  };
}

const EMPTY = {
  source: null,
  street: null,
  community: null,
  signedOffAt: null,
  repliedAt: null,
  closedAt: null,
  status: null,
  timeLimitDays: null,
  dueAt: null,
  repliedOnTime: null,
  satisfaction: null,
  peopleInvolved: null,
  handlingUnit: null,
  court: null,
  causeOfAction: null,
  claimAmount: null,
  judge: null,
} as const;

export function toIntakeValues(row: AcceptedRow): IntakeRecordValues {
  const r = row.record;
  const base = common(row);
  switch (r.kind) {
    case 'work-order': {
      const dueAt = workOrderReplyDueAt(r.signedOffAt, r.timeLimitWorkingDays);
      return {
        ...EMPTY,
        ...base,
        source: r.source,
        street: r.street || null,
        category: r.category,
        acceptedAt: r.acceptedAt,
        signedOffAt: r.signedOffAt,
        repliedAt: r.repliedAt,
        closedAt: r.closedAt,
        status: r.status || null,
        timeLimitDays: r.timeLimitWorkingDays,
        dueAt,
        repliedOnTime: r.repliedAt && dueAt ? r.repliedAt.getTime() <= dueAt.getTime() : null,
        satisfaction: r.satisfaction,
        handlingUnit: r.handlingUnit || null,
      };
    }
    case 'grid-report':
      return {
        ...EMPTY,
        ...base,
        street: r.street || null,
        community: r.community || null,
        category: r.disputeCategory ?? r.eventSubtype,
        acceptedAt: r.reportedAt,
        closedAt: r.closedAt,
        status: r.status || null,
        peopleInvolved: r.peopleInvolved,
      };
    case 'court-referral': {
      const acceptedAt = startOfBusinessDay(r.referredOn);
      return {
        ...EMPTY,
        ...base,
        category: r.causeOfAction,
        acceptedAt,
        timeLimitDays: r.mediationDays,
        dueAt: cachedDeadline('court_pre_registration', acceptedAt, r.mediationDays),
        court: r.court || null,
        causeOfAction: r.causeOfAction,
        claimAmount: r.claimAmount === null ? null : r.claimAmount.toFixed(2),
        judge: r.judge || null,
      };
    }
  }
}

const DATE_FIELDS: Record<IntakeRecord['kind'], string[]> = {
  'work-order': ['acceptedAt', 'signedOffAt', 'repliedAt', 'closedAt'],
  'grid-report': ['reportedAt', 'closedAt'],
  'court-referral': [],
};

/** The stored JSON record back as a parser record (ISO strings → Dates). */
export function reviveRecord(json: unknown): IntakeRecord {
  const r = { ...(json as Record<string, unknown>) };
  for (const f of DATE_FIELDS[r.kind as IntakeRecord['kind']] ?? []) {
    if (typeof r[f] === 'string') r[f] = new Date(r[f] as string);
  }
  return r as unknown as IntakeRecord;
}
