import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputes, messages, organizations, rooms, users } from './core.schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Court–government linkage rooms (府院联动): a room (kind 'linkage') with explicit members, tied to an
 * administrative dispute or to a standing topic. `rooms.dispute_id` stays null for these: it means "a case room".
 */
export const linkageRooms = pgTable(
  'linkage_rooms',
  {
    roomId: uuid('room_id')
      .primaryKey()
      .references(() => rooms.id),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    topic: text('topic'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('linkage_rooms_dispute_idx').on(t.disputeId)],
);

/** Explicit room members (linkage rooms). A removed member keeps the row with `removed_at` set (history). */
export const roomMembers = pgTable(
  'room_members',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** host (may invite, remove, record minutes) | member */
    role: text('role').notNull().default('member'),
    /** Set when the member came in through an invitation of their whole organisation. */
    viaOrgId: uuid('via_org_id').references(() => organizations.id),
    addedBy: uuid('added_by').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by'),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index('room_members_user_idx').on(t.userId)],
);

/** Read receipts: the highest sequence number each user has read in a room (only ever moves forward). */
export const roomReads = pgTable(
  'room_reads',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);

/** Evidence files linked from a message of kind 'attachment'; the bytes live in the storage adapter. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    uploaderId: uuid('uploader_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    /** The type found by sniffing the bytes, never the client's claim. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attachments_message_idx').on(t.messageId), index('attachments_room_idx').on(t.roomId)],
);
