import { customType, index, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { disputes } from './core.schema';

/** Byte-order text: case-number prefixes are read as a range of the index, the same on every server locale. */
const byteText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * The case search index: one row per (case, term) — a word, a single Han character, or a normalised identifier
 * (phone and ID numbers only as keyed hashes). Written in the transaction of every write that changes what a case
 * can be found by; read in rank and recency order, so a page costs the same at any table size.
 */
export const caseSearchTerms = pgTable(
  'case_search_terms',
  {
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    term: byteText('term').notNull(),
    /** 0 identifier, 1 name, 2 title, 3 description or address (the best of the case's uses of the term) */
    rank: smallint('rank').notNull(),
    /** bits of the fields the term came from (FIELD_BITS in libs/search) */
    fields: smallint('fields').notNull(),
    /** the case's received time (disputes.created_at, never changes): recency order without a join */
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.disputeId, t.term] }),
    index('case_search_terms_order_idx').on(t.term, t.rank, t.receivedAt.desc(), t.disputeId.desc()),
  ],
);
