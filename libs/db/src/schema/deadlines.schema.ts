import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { disputes } from './core.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Holiday calendar years entered by the district admin (State Council notices for new years, or corrections):
 * they override the bundled data for the same year. Entries are 'YYYY-MM-DD' or inclusive 'start/end' ranges.
 */
export const workdayCalendarYears = pgTable('workday_calendar_years', {
  year: integer('year').primaryKey(),
  holidays: text('holidays').array().notNull(),
  makeupWorkdays: text('makeup_workdays').array().notNull(),
  /** Where the dates come from, e.g. the notice number 国办发明电〔2026〕X号. */
  source: text('source'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Extensions and pauses of a case's time limit, with who, why and whose consent; append-only. */
export const deadlineAdjustments = pgTable(
  'deadline_adjustments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** The regime the adjustment applies to (peoples_mediation, court_pre_registration, …). */
    regime: text('regime').notNull(),
    /** extension | pause | resume */
    kind: text('kind').notNull(),
    /** extension: days granted; resume: days the clock stood still; pause: null. In the regime's unit. */
    days: integer('days'),
    reason: text('reason'),
    /** 'court' for the referring court, party ids for parties. */
    consentBy: text('consent_by').array().notNull().default([]),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('deadline_adjustments_dispute_idx').on(t.disputeId, t.id)],
);
