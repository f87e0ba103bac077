import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputes, streets, users } from './core.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

/** One bulk import (CLI or HTTP upload) of an export file. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The file's name as given (CLI path or uploaded file name). */
    file: text('file').notNull(),
    /** work-order | grid-report | court-referral, null until the header is recognised. */
    format: text('format'),
    /** cli | upload | webhook */
    origin: text('origin').notNull(),
    /** running | completed | failed */
    status: text('status').notNull().default('running'),
    actorId: uuid('actor_id').references(() => users.id),
    rows: integer('rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    disputesCreated: integer('disputes_created').notNull().default(0),
    linked: integer('linked').notNull().default(0),
    queuedForReview: integer('queued_for_review').notNull().default(0),
    /** File-level failure (unrecognised format, I/O error), as a stable code and a message. */
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('import_runs_started_idx').on(t.startedAt)],
);

/** Rows an import rejected: line (header = 1; XLSX sheet row), column and a stable reason code. */
export const importRejections = pgTable(
  'import_rejections',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id),
    line: integer('line').notNull(),
    column: text('column'),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    sourceId: text('source_id'),
    /** Every problem of the row: [{ column, reason, message }]. */
    issues: jsonb('issues').notNull(),
  },
  (t) => [index('import_rejections_run_idx').on(t.runId, t.line)],
);

/**
 * One record per source id and channel (12345 order, grid report, court referral): kept for
 * statistics, linked to a dispute when it is one. `raw` and `record` hold personal data.
 */
export const intakeRecords = pgTable(
  'intake_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** hotline_12345 | grid | court; live registrations also window | petition | enterprise */
    channel: text('channel').notNull(),
    /** 工单编号 / 事件编号 / 案号 */
    sourceId: text('source_id').notNull(),
    /** 12345 工单来源: 省市网 | 海心安 | 本市级 (null for other channels). */
    source: text('source'),
    street: text('street'),
    community: text('community'),
    /** 问题分类 / 事件小类 / 案由 as exported. */
    category: text('category').notNull(),
    /** Dispute category label ('物业纠纷'), null when not a dispute. */
    disputeCategory: text('dispute_category'),
    isDispute: boolean('is_dispute').notNull(),
    /** 受理时间 / 上报时间 / 委派日期 (00:00 Asia/Shanghai). */
    acceptedAt: ts('accepted_at').notNull(),
    signedOffAt: ts('signed_off_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
    status: text('status'),
    /** 办理时限(工作日) for 12345 orders, 调解期限(日) for court referrals. */
    timeLimitDays: integer('time_limit_days'),
    /** 12345: end of the N-th working day after sign-off; court: end of the N-th calendar day after referral. */
    dueAt: ts('due_at'),
    /** 12345 only: replied at or before dueAt (null when not replied or no deadline). */
    repliedOnTime: boolean('replied_on_time'),
    /** 满意 | 基本满意 | 不满意; null = not rated (未回访). */
    satisfaction: text('satisfaction'),
    peopleInvolved: integer('people_involved'),
    handlingUnit: text('handling_unit'),
    court: text('court'),
    causeOfAction: text('cause_of_action'),
    claimAmount: numeric('claim_amount', { precision: 14, scale: 2 }),
    judge: text('judge'),
    /** Candidate keys for cross-channel matching: 'p:<phone>', 'i:<id number>', 'n:<name>|<street>'. */
    matchKeys: text('match_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contentHash: text('content_hash').notNull(),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    /**
     * Staff who registered the dispute live (window, petition, grid, 12345, enterprise); null for imported records.
     * Live records are not import statistics (the daily aggregates come from imports only).
     */
    registeredBy: uuid('registered_by').references(() => users.id),
    /** The normalised record (dates as ISO strings). */
    record: jsonb('record').notNull(),
    /** The row's cells as exported, keyed by canonical column. */
    raw: jsonb('raw').notNull(),
    lastRunId: uuid('last_run_id'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('intake_records_source_idx').on(t.channel, t.sourceId),
    index('intake_records_dispute_idx').on(t.disputeId),
    // an intake worker's list: the disputes they registered live, merged ones included
    index('intake_records_registered_by_idx')
      .on(t.registeredBy)
      .where(sql`registered_by is not null`),
  ],
);

/**
 * Matching keys of dispute records (one row per key), for finding cross-channel duplicates of a new
 * record with a few index probes (key + time window) instead of a scan.
 */
export const intakeMatchKeys = pgTable(
  'intake_match_keys',
  {
    key: text('key').notNull(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => intakeRecords.id),
    channel: text('channel').notNull(),
    acceptedAt: ts('accepted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.acceptedAt, t.recordId] }),
    index('intake_match_keys_record_idx').on(t.recordId),
  ],
);

/**
 * Cross-channel duplicate pairs: 'linked' (certain: both records point at one dispute) or a review
 * queue ('pending' → 'confirmed' | 'dismissed') for uncertain ones.
 */
export const intakeDuplicatePairs = pgTable(
  'intake_duplicate_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordA: uuid('record_a')
      .notNull()
      .references(() => intakeRecords.id),
    recordB: uuid('record_b')
      .notNull()
      .references(() => intakeRecords.id),
    /** certain | uncertain */
    confidence: text('confidence').notNull(),
    score: numeric('score', { precision: 5, scale: 3 }).notNull(),
    reasons: jsonb('reasons').notNull(),
    /** linked | pending | confirmed | dismissed */
    status: text('status').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('intake_pairs_ab_idx').on(t.recordA, t.recordB),
    index('intake_pairs_status_idx').on(t.status, t.createdAt),
  ],
);

/** Live-feed deliveries, stored in the request's transaction and processed by a job (idempotent per key). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 12345 | grid | court */
    source: text('source').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The verified request body, and the sha256 of its canonical JSON (a reused key with another body is refused). */
    payload: jsonb('payload').notNull(),
    payloadHash: text('payload_hash').notNull(),
    /** pending | processed | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    result: jsonb('result'),
    lastError: text('last_error'),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_key_idx').on(t.source, t.idempotencyKey),
    // the worker's sweep for deliveries whose job was never queued reads only the pending ones
    index('webhook_deliveries_pending_idx')
      .on(t.receivedAt)
      .where(sql`status = 'pending'`),
  ],
);

/**
 * A street name as exports spell it that is not in the directory (an old township name, a typo), mapped once by the
 * district admin to a street: imports resolve it like the street's own name.
 */
export const streetAliases = pgTable('street_aliases', {
  name: text('name').primaryKey(),
  streetCode: text('street_code')
    .notNull()
    .references(() => streets.code),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});
