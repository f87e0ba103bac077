import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { QUEUE_OPEN_STATUSES, inList } from '../sql-list';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const streets = pgTable('streets', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const communities = pgTable('communities', {
  code: text('code').primaryKey(),
  streetCode: text('street_code')
    .notNull()
    .references(() => streets.code),
  name: text('name').notNull(),
});

/** Mediation bodies, courts, departments and the district office: every organisation a user can belong to. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** peoples | administrative | judicial | industry | district | hotline | grid */
  kind: text('kind').notNull(),
  /** community | street | district */
  level: text('level').notNull(),
  categories: text('categories')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  streetCodes: text('street_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  communityCodes: text('community_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  capacity: integer('capacity').notNull().default(100),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').unique(),
  phone: text('phone').unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  role: text('role').notNull(),
  orgId: uuid('org_id').references(() => organizations.id),
  specialties: text('specialties')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const refreshTokens = pgTable('refresh_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  familyId: uuid('family_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  createdAt: createdAt(),
});

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    purpose: text('purpose').notNull().default('sign_in'),
    expiresAt: ts('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: ts('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('otp_phone_idx').on(t.phone, t.createdAt)],
);

/** Readable dispute numbers: gaps are possible (rolled-back transactions), duplicates are not. */
export const disputeNumberSeq = pgSequence('dispute_number_seq', { startWith: 1 });

export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    category: text('category').notNull(),
    /** peoples | administrative | judicial */
    kind: text('kind').notNull().default('peoples'),
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    streetCode: text('street_code').references(() => streets.code),
    communityCode: text('community_code').references(() => communities.code),
    address: text('address'),
    claimAmount: numeric('claim_amount', { precision: 14, scale: 2 }),
    peopleInvolved: integer('people_involved').notNull().default(2),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    bodyId: uuid('body_id').references(() => organizations.id),
    mediatorId: uuid('mediator_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    /** The creator's Idempotency-Key: a retried application returns the dispute the first attempt created. */
    clientKey: text('client_key'),
    /** sha256 of the request that first used clientKey: the same key with another body is refused. */
    clientKeyHash: text('client_key_hash'),
    routing: jsonb('routing'),
    sessionMode: text('session_mode').notNull().default('joint'),
    /** Which time-limit regime the case's dueAt follows (peoples_mediation, court_pre_registration, petition …). */
    deadlineRegime: text('deadline_regime'),
    /** 涉企: an enterprise is a party. */
    enterpriseRelated: boolean('enterprise_related').notNull().default(false),
    /** Bodies that handled the case before a transfer: they keep a masked summary only. */
    formerBodyIds: uuid('former_body_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    outcome: text('outcome'),
    acceptedAt: ts('accepted_at'),
    dueAt: ts('due_at'),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('disputes_body_status_idx').on(t.bodyId, t.status),
    // a body's open queue in its order, read 100 rows at a time (the list must match QUEUE_OPEN_STATUSES' text exactly)
    index('disputes_body_open_queue_idx')
      .on(t.bodyId, t.dueAt, t.createdAt.desc().nullsFirst())
      .where(sql.raw(`status in ${inList(QUEUE_OPEN_STATUSES)}`)),
    // the district's open queue, newest first (the same list)
    index('disputes_open_queue_idx')
      .on(t.createdAt.desc().nullsFirst())
      .where(sql.raw(`status in ${inList(QUEUE_OPEN_STATUSES)}`)),
    index('disputes_mediator_idx').on(t.mediatorId),
    index('disputes_created_idx').on(t.createdAt),
    uniqueIndex('disputes_client_key_idx')
      .on(t.createdBy, t.clientKey)
      .where(sql`client_key is not null`),
  ],
);

export const disputeParties = pgTable(
  'dispute_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    /** applicant | respondent | third_party */
    role: text('role').notNull(),
    /** person | organization */
    partyType: text('party_type').notNull().default('person'),
    name: text('name').notNull(),
    phone: text('phone'),
    idNumber: text('id_number'),
    userId: uuid('user_id').references(() => users.id),
    /** For an organisation: its legal representative (法定代表人). */
    representative: text('representative'),
    createdAt: createdAt(),
  },
  (t) => [
    index('parties_dispute_idx').on(t.disputeId),
    index('parties_user_idx').on(t.userId),
    index('parties_phone_idx').on(t.phone),
  ],
);

/** Every lifecycle transition of a dispute: its timeline. */
export const caseTransitions = pgTable(
  'case_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    reason: text('reason'),
    data: jsonb('data'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('transitions_dispute_idx').on(t.disputeId, t.id)],
);

/** Append-only, hash-chained audit log of every state change and every read of full personal data. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data'),
    /**
     * Chain position, previous hash and hash are set by the sealer shortly after the row commits (the chain
     * follows commit order, not id order), so audited writes never wait on one another.
     */
    seq: bigint('seq', { mode: 'number' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_unsealed_idx')
      .on(t.id)
      .where(sql`hash is null`),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id')
      .notNull()
      .references(() => disputes.id),
    terms: jsonb('terms').$type<string[]>().notNull(),
    performanceDueOn: text('performance_due_on'),
    contentHash: text('content_hash').notNull(),
    /** signing | signed | superseded */
    status: text('status').notNull().default('signing'),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    signedAt: ts('signed_at'),
  },
  (t) => [index('agreements_dispute_idx').on(t.disputeId)],
);

export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => disputeParties.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    method: text('method').notNull(),
    ip: text('ip'),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.partyId] })],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    /** joint | caucus | staff | linkage */
    kind: text('kind').notNull(),
    partyId: uuid('party_id').references(() => disputeParties.id),
    title: text('title').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('rooms_dispute_idx').on(t.disputeId)],
);

export const messages = pgTable(
  'messages',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull().defaultRandom().unique(),
    senderId: uuid('sender_id'),
    senderName: text('sender_name').notNull(),
    senderRole: text('sender_role').notNull(),
    clientMsgId: text('client_msg_id'),
    /** text | system */
    kind: text('kind').notNull().default('text'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.seq] }),
    uniqueIndex('messages_client_id_idx').on(t.roomId, t.senderId, t.clientMsgId),
  ],
);

/** Used by @socket.io/postgres-adapter for payloads too large for NOTIFY. */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});

/** In-app inbox: one row per recipient; `dedupeKey` makes handlers idempotent. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    disputeId: uuid('dispute_id').references(() => disputes.id),
    /** a call invitation's session: the entry opens that call */
    sessionId: uuid('session_id'),
    dedupeKey: text('dedupe_key').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Outbound messages (SMS): written in the same transaction as their cause, delivered with retries, dead-lettered. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** pending | sent | dead */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status)],
);

/** Sign-in attempts, for rate limiting per username and per IP across instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip'),
    ok: boolean('ok').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_user_idx').on(t.username, t.at), index('sign_in_ip_idx').on(t.ip, t.at)],
);
