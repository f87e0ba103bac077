/** A registration's matching facts and intake record rows: pure, the service writes them. */
import { createHash, randomUUID } from 'node:crypto';
import { Actor } from '@tiaojie/core';
import { computeDeadline, WorkdayCalendar } from '@tiaojie/deadlines';
import { startOfBusinessDay, toBusinessDate } from '@tiaojie/business-time';
import { placesIn, type DuplicateReason, type MatchFacts } from '@tiaojie/intake-parsers';
import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { OpenDisputeCandidate } from './case-intake-record.repository';
import { DisputeRow } from './case.repository';
import { RegisterInput } from './case.types';

/** The import matcher's window: a registration repeats an open dispute registered at most this long before. */
export const LIVE_MATCH_WINDOW_DAYS = 7;
/** 12345 reply limit when the order does not give one (working days after sign-off; complaints in the examples). */
export const DEFAULT_REPLY_DAYS = 5;

export interface RegistrationMatch {
  candidate: OpenDisputeCandidate;
  score: number;
  confidence: 'certain' | 'uncertain';
  reasons: DuplicateReason[];
}

/** What a registration came to: a new case, an intake record of an existing one, or a review queue item. */
export interface RegistrationResult {
  outcome: 'created' | 'merged' | 'review';
  /** The case created, or the one it was merged into; null while under review. */
  dispute: DisputeRow | null;
  /** Under review: the open case it probably repeats (its number only). */
  candidate: { id: string; number: string } | null;
  /** Null when a retry returned the case its first attempt created. */
  intakeRecordId: string | null;
}

/** A registration as its intake record and matching facts. */
export interface PreparedRegistration {
  input: RegisterInput;
  actor: Actor;
  at: Date;
  streetName: string | null;
  clientKey: string | null;
  /** The request's fingerprint, kept with clientKey (a retry with another body is refused). */
  clientKeyHash: string;
  facts: MatchFacts;
}

/** What the matcher compares of a registration: its people, category, place and text. */
export function registrationFacts(input: RegisterInput, at: Date): MatchFacts {
  const text = input.description;
  return {
    at,
    people: input.parties.map((p) => ({
      name: p.name.trim() || null,
      phone: p.phone ?? null,
      idNumber: p.idNumber ? p.idNumber.toUpperCase() : null,
    })),
    categories: [input.category],
    street: input.streetCode,
    community: input.communityCode ?? null,
    places: placesIn(`${input.address ?? ''}${text}`),
    text,
  };
}

const categoryLabel = (code: string) => DISPUTE_CATEGORIES[code as keyof typeof DISPUTE_CATEGORIES];

/** The record standing for how a dispute without one was first received (online application, court referral). */
export function candidateRecordRow(c: OpenDisputeCandidate) {
  const input = {
    channel: c.channel,
    category: c.category,
    description: c.description,
    streetCode: c.streetCode,
  };
  return {
    channel: c.channel,
    sourceId: c.number,
    category: categoryLabel(c.category) ?? c.category,
    disputeCategory: categoryLabel(c.category) ?? null,
    isDispute: true,
    acceptedAt: c.createdAt,
    contentHash: hash(input),
    disputeId: c.id,
    registeredBy: c.createdBy,
    record: { kind: 'registration', origin: 'created', input: { ...input, parties: c.people } },
    raw: input,
  };
}

/** A live registration's intake record: created with its case, merged into one, or held for review. */
export function registrationRecordRow(
  reg: PreparedRegistration,
  disputeId: string | null,
  origin: 'created' | 'merged' | 'held',
  candidate?: { id: string; number: string },
) {
  const { input, at } = reg;
  const hotline = input.channel === 'hotline_12345';
  const replyDays = hotline ? (input.replyDays ?? DEFAULT_REPLY_DAYS) : null;
  const label = categoryLabel(input.category) ?? input.category;
  return {
    channel: input.channel,
    sourceId: input.sourceId?.trim() || `LIVE-${randomUUID().slice(0, 13).toUpperCase()}`,
    source: hotline ? (input.source ?? null) : null,
    street: reg.streetName,
    category: label,
    disputeCategory: label,
    isDispute: true,
    acceptedAt: at,
    // a live 12345 order is signed off as it is registered: its reply deadline runs from now
    signedOffAt: hotline ? at : null,
    timeLimitDays: replyDays,
    dueAt: replyDays === null ? null : replyDueAt(at, replyDays),
    peopleInvolved: input.peopleInvolved ?? input.parties.length,
    matchKeys: matchKeys(reg),
    contentHash: hash(input),
    disputeId,
    registeredBy: reg.actor.id,
    record: {
      kind: 'registration',
      origin,
      clientKey: reg.clientKey,
      clientKeyHash: reg.clientKey ? reg.clientKeyHash : null,
      candidate: candidate ?? null,
      input,
    },
    raw: input as unknown as Record<string, unknown>,
    createdAt: at,
    updatedAt: at,
  };
}

/** What the matcher compares of an open dispute. */
export function factsOf(c: OpenDisputeCandidate): MatchFacts {
  return {
    at: c.createdAt,
    people: c.people.map((p) => ({
      name: p.name,
      phone: p.phone,
      idNumber: p.idNumber ? p.idNumber.toUpperCase() : null,
    })),
    categories: [c.category],
    street: c.streetCode,
    community: c.communityCode,
    places: placesIn(`${c.address ?? ''}${c.description}`),
    text: c.description,
  };
}

function matchKeys(reg: PreparedRegistration): string[] {
  return reg.facts.people.flatMap((p) => [
    ...(p.phone ? [`p:${p.phone}`] : []),
    ...(p.idNumber ? [`i:${p.idNumber}`] : []),
    ...(p.name ? [`n:${p.name}|${reg.input.streetCode}`] : []),
  ]);
}

function hash(v: unknown): string {
  return createHash('sha256').update(JSON.stringify(v)).digest('hex');
}

function replyDueAt(at: Date, days: number): Date {
  return computeDeadline(
    { regime: 'work_order_reply', start: startOfBusinessDay(toBusinessDate(at)), days },
    WorkdayCalendar.builtIn(),
  ).dueAt;
}
