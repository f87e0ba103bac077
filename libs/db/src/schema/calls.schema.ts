import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { mediationSessions } from './cases.schema';
import { disputes, users } from './core.schema';

/**
 * What happened in an online session's audio/video call, in order: joins and leaves, invitations, mode switches,
 * recording consent and finished recordings. The session record (调解笔录) is read from these rows.
 */
export const sessionCallEvents = pgTable(
  'session_call_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => mediationSessions.id, { onDelete: 'cascade' }),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** join | leave | invite | mode | consent | recording */
    kind: text('kind').notNull(),
    /** Who joined, left, switched, consented or recorded; for `invite`, who invited (the invitee is in data). */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_call_events_session_idx').on(t.sessionId, t.at)],
);
