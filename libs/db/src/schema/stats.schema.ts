import { bigint, bigserial, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Maintained aggregate of intake records (written in the import's transaction, never by scanning):
 * one row per Shanghai acceptance day, channel, 12345 source, street and dispute flag. Empty strings
 * stand for "none" so every key column is part of the primary key.
 */
export const statsIntakeDaily = pgTable(
  'stats_intake_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    source: text('source').notNull(),
    street: text('street').notNull(),
    isDispute: integer('is_dispute').notNull(),
    received: integer('received').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    replied: integer('replied').notNull().default(0),
    repliedOnTime: integer('replied_on_time').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    peopleInvolved: bigint('people_involved', { mode: 'number' }).notNull().default(0),
    /** Closed records with a duration (accepted → closed), and the sum of those durations in seconds. */
    durationCount: integer('duration_count').notNull().default(0),
    durationSeconds: bigint('duration_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channel, t.source, t.street, t.isDispute] })],
);

/** Intake records per Shanghai acceptance month, channel and category (dispute category label for disputes). */
export const statsIntakeCategory = pgTable(
  'stats_intake_category',
  {
    month: date('month', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    isDispute: integer('is_dispute').notNull(),
    category: text('category').notNull(),
    received: integer('received').notNull().default(0),
    closed: integer('closed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.channel, t.isDispute, t.category] })],
);

/**
 * Histogram of intake handling durations (accepted → closed) per Shanghai month, for p90:
 * bucket = whole hours below 48 h, then 48 + whole days (capped), see duration-buckets.ts in libs/stats.
 */
export const statsIntakeDuration = pgTable(
  'stats_intake_duration',
  {
    month: date('month', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    source: text('source').notNull(),
    street: text('street').notNull(),
    bucket: integer('bucket').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.channel, t.source, t.street, t.bucket] })],
);

/**
 * Changes to disputes, appended by a statement-level trigger (see libs/stats, stats-triggers.sql.ts)
 * and folded into the dispute aggregates before statistics are read. Appending never waits on a
 * lock, so the trigger cannot slow down or deadlock the lifecycle's own transactions.
 */
export const statsDisputeDelta = pgTable('stats_dispute_delta', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sign: integer('sign').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  kind: text('kind').notNull(),
  category: text('category').notNull(),
  street: text('street').notNull(),
  body: text('body').notNull(),
  status: text('status').notNull(),
  outcome: text('outcome'),
  /** Seconds from creation to closure (closed disputes). */
  durationSeconds: bigint('duration_seconds', { mode: 'number' }),
  /** Shanghai date of the running mediation deadline (disputes whose clock runs). */
  dueDay: date('due_day', { mode: 'string' }),
});

/** Dispute counters per creation day, one row per breakdown: dim 'all' (value ''), 'channel', 'kind', 'category', 'street', 'body'. */
export const statsDisputeDaily = pgTable(
  'stats_dispute_daily',
  {
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    concluded: integer('concluded').notNull().default(0),
    agreements: integer('agreements').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    durationCount: integer('duration_count').notNull().default(0),
    durationSeconds: bigint('duration_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.value, t.day] })],
);

/** Histogram of dispute durations (created → closed) per breakdown and creation month, for p90. */
export const statsDisputeDuration = pgTable(
  'stats_dispute_duration',
  {
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    bucket: integer('bucket').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.value, t.month, t.bucket] })],
);

/** Disputes whose mediation clock runs, per breakdown and due day: overdue = due day before today. */
export const statsDisputeOpenDue = pgTable(
  'stats_dispute_open_due',
  {
    dim: text('dim').notNull(),
    value: text('value').notNull(),
    dueDay: date('due_day', { mode: 'string' }).notNull(),
    open: integer('open').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.value, t.dueDay] })],
);

/** Lifecycle transitions that statistics count (returns, transfers, judicial confirmations …), appended by a trigger. */
export const statsTransitionDelta = pgTable('stats_transition_delta', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  day: date('day', { mode: 'string' }).notNull(),
  action: text('action').notNull(),
  body: text('body').notNull(),
});

export const statsTransitionDaily = pgTable(
  'stats_transition_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    action: text('action').notNull(),
    body: text('body').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.action, t.body] })],
);
