import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputes, organizations, users } from './core.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Routing rules as data (see libs/routing RoutingRule); edited by the district admin, validated on save. */
export const routingRules = pgTable('routing_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  priority: integer('priority').notNull(),
  weight: integer('weight').notNull().default(1),
  enabled: boolean('enabled').notNull().default(true),
  conditions: jsonb('conditions').notNull(),
  target: jsonb('target').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Each mediation body's open cases (routed, accepted, in mediation, agreement pending), kept by a statement-level
 * trigger on disputes (migration 0001_body_loads). Routing reads it on every application: counting the open
 * disputes instead took 12–30 ms at 30,000 of them and grew with every case (fifth and sixth sessions' load runs).
 */
export const bodyLoads = pgTable('body_loads', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  openCases: integer('open_cases').notNull().default(0),
});

/** A mediator's declared conflicts of interest (relatives, employers, prior involvement) with a party identity. */
export const mediatorConflicts = pgTable(
  'mediator_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    partyKey: text('party_key').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('conflicts_mediator_idx').on(t.mediatorId)],
);

/** Every routing decision with its full explanation (rules matched, candidates, winner and why). */
export const routingDecisions = pgTable(
  'routing_decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    outcome: text('outcome').notNull(),
    bodyId: uuid('body_id').references(() => organizations.id),
    manual: boolean('manual').notNull().default(false),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    explanation: jsonb('explanation').notNull(),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [index('decisions_dispute_idx').on(t.disputeId, t.id)],
);
