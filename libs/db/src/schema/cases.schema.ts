import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputeParties, disputes, organizations, users } from './core.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A court's referral (诉前委派 / 诉后委托): the court's own numbers and terms travel with the dispute. */
export const courtReferrals = pgTable(
  'court_referrals',
  {
    disputeId: uuid('dispute_id')
      .primaryKey()
      .references(() => disputes.id),
    courtId: uuid('court_id')
      .notNull()
      .references(() => organizations.id),
    /** pre_registration (委派) | post_registration (委托) */
    referralType: text('referral_type').notNull(),
    /** ordinary | simple (委托 only) */
    procedure: text('procedure'),
    courtCaseNumber: text('court_case_number').notNull(),
    causeOfAction: text('cause_of_action').notNull(),
    claimAmount: numeric('claim_amount', { precision: 14, scale: 2 }),
    judgeName: text('judge_name'),
    referredOn: date('referred_on').notNull(),
    mediationDays: integer('mediation_days').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('court_referrals_number_idx').on(t.courtId, t.courtCaseNumber)],
);

/** Agents (代理人) acting for a party, with their power of attorney. */
export const disputeAgents = pgTable(
  'dispute_agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => disputeParties.id),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    name: text('name').notNull(),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id),
    /** entrusted (委托代理) | statutory (法定代理) */
    agentType: text('agent_type').notNull().default('entrusted'),
    powerOfAttorney: text('power_of_attorney').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('agents_dispute_idx').on(t.disputeId), index('agents_phone_idx').on(t.phone)],
);

/** Recorded consents: online mediation (在线调解规则 art. 4), grid-worker assistance, deadline extensions. */
export const partyConsents = pgTable(
  'party_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => disputeParties.id),
    /** online_mediation | grid_assistance | extension */
    kind: text('kind').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    method: text('method').notNull(),
    note: text('note'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consents_unique_idx').on(t.disputeId, t.partyId, t.kind)],
);

/** Mediation sessions: scheduled time, place or online, participants, and the session record (笔录). */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    scheduledAt: ts('scheduled_at').notNull(),
    online: boolean('online').notNull(),
    place: text('place'),
    /** joint | caucus */
    mode: text('mode').notNull(),
    participants: jsonb('participants').$type<string[]>().notNull(),
    record: text('record'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_dispute_idx').on(t.disputeId)],
);

/** Each party's application for judicial confirmation; the request is joint when every party applied. */
export const confirmationApplications = pgTable(
  'confirmation_applications',
  {
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => disputeParties.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('confirmation_apps_idx').on(t.disputeId, t.partyId)],
);

/** Performance (履行) items of an agreement, with due dates. */
export const performanceItems = pgTable(
  'performance_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    description: text('description').notNull(),
    dueOn: date('due_on').notNull(),
    /** pending | done | breached */
    status: text('status').notNull().default('pending'),
    doneAt: ts('done_at'),
    note: text('note'),
  },
  (t) => [index('performance_dispute_idx').on(t.disputeId)],
);

/** Satisfaction (回访/评价): 满意 / 基本满意 / 不满意, by the party or recorded by staff on a follow-up visit. */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    partyId: uuid('party_id').references(() => disputeParties.id),
    rating: text('rating').notNull(),
    comment: text('comment'),
    /** party | follow_up */
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('ratings_dispute_idx').on(t.disputeId),
    // a party rates a case once (follow-up visits by staff may record several)
    uniqueIndex('ratings_party_once')
      .on(t.disputeId, t.partyId)
      .where(sql`source = 'party'`),
  ],
);
