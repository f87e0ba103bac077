import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { Executor, compiledQuery, executePrepared, schema } from '@tiaojie/db';

export type RoomRow = typeof schema.rooms.$inferSelect;
export type MessageRow = typeof schema.messages.$inferSelect;

export interface NewMessage {
  roomId: string;
  senderId: string;
  senderName: string;
  senderRole: string;
  clientMsgId: string;
  kind: string;
  body: string;
  createdAt: Date;
  /**
   * The case version the sender was authorised against (case rooms): the row is written only if the case is still at
   * that version when the write takes its locks, so a send authorised before a change (mediator reassigned, session
   * switched to back-to-back) is never stored after it. Null: no check (linkage rooms, system rows).
   */
  caseVersion?: number | null;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) ?? [];
}

function toMessageRow(r: Record<string, unknown>): MessageRow {
  return {
    roomId: r.room_id as string,
    seq: Number(r.seq),
    id: r.id as string,
    senderId: (r.sender_id as string | null) ?? null,
    senderName: r.sender_name as string,
    senderRole: r.sender_role as string,
    clientMsgId: (r.client_msg_id as string | null) ?? null,
    kind: r.kind as string,
    body: r.body as string,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
  };
}

/** RoomRepository.insertBatch's statement: `json` is an array of {m: room, s, n, r, c, k, b, t, x: case version}. */
const INSERT_BATCH = compiledQuery(sql`
  with input as (
    select (e.v->>'m')::uuid as room_id, e.v, e.ord from jsonb_array_elements(${sql.placeholder('json')}::jsonb) with ordinality as e(v, ord)
  ), cv as (
    select r.id as room_id, d.version from rooms r join disputes d on d.id = r.dispute_id
    where r.id in (select room_id from input where v->>'x' is not null) order by d.id for share of d
  ), kept as (
    select i.room_id, i.v, row_number() over (partition by i.room_id order by i.ord) as n, count(*) over (partition by i.room_id) as total
    from input i where i.v->>'x' is null or (i.v->>'x')::int = (select cv.version from cv where cv.room_id = i.room_id)
  ), locked as (
    select r.id from rooms r where r.id in (select room_id from kept) order by r.id for update
  ), bump as (
    update rooms set last_seq = rooms.last_seq + k.total
    from (select room_id, max(total)::int as total from kept group by room_id) k, locked
    where rooms.id = k.room_id and locked.id = k.room_id
    returning rooms.id, rooms.last_seq
  )
  insert into messages (room_id, seq, sender_id, sender_name, sender_role, client_msg_id, kind, body, created_at)
  select kept.room_id, bump.last_seq - kept.total + kept.n, (kept.v->>'s')::uuid, kept.v->>'n', kept.v->>'r', kept.v->>'c', kept.v->>'k', kept.v->>'b', (kept.v->>'t')::timestamptz
  from kept join bump on bump.id = kept.room_id
  returning *`);

@Injectable()
export class RoomRepository {
  private readonly accessQueries = new WeakMap<Executor, ReturnType<RoomRepository['buildAccess']>>();

  private buildAccess(db: Executor) {
    const m = schema.roomMembers;
    return db
      .select({ room: schema.rooms, dispute: schema.disputes, member: m })
      .from(schema.rooms)
      .leftJoin(schema.disputes, eq(schema.disputes.id, schema.rooms.disputeId))
      .leftJoin(
        m,
        and(eq(m.roomId, schema.rooms.id), eq(m.userId, sql.placeholder('userId')), isNull(m.removedAt)),
      )
      .where(eq(schema.rooms.id, sql.placeholder('roomId')))
      .limit(1)
      .prepare('tj_room_access');
  }

  async insertRooms(db: Executor, rows: (typeof schema.rooms.$inferInsert)[]): Promise<RoomRow[]> {
    if (rows.length === 0) return [];
    return db.insert(schema.rooms).values(rows).returning();
  }

  async byId(db: Executor, id: string): Promise<RoomRow | null> {
    return (await db.select().from(schema.rooms).where(eq(schema.rooms.id, id)).limit(1))[0] ?? null;
  }

  byIds(db: Executor, ids: string[]): Promise<RoomRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.select().from(schema.rooms).where(inArray(schema.rooms.id, ids));
  }

  /** Each room's latest seq (rooms that no longer exist are absent). */
  async lastSeqs(db: Executor, ids: string[]): Promise<{ id: string; lastSeq: number }[]> {
    if (ids.length === 0) return [];
    return db
      .select({ id: schema.rooms.id, lastSeq: schema.rooms.lastSeq })
      .from(schema.rooms)
      .where(inArray(schema.rooms.id, ids));
  }

  /**
   * The room, its dispute (case rooms) and the user's active membership (linkage rooms): the per-message
   * authorisation in one round trip, as a prepared statement (built once per database handle).
   */
  async withAccess(
    db: Executor,
    id: string,
    userId: string | null,
  ): Promise<{
    room: RoomRow;
    dispute: typeof schema.disputes.$inferSelect | null;
    member: typeof schema.roomMembers.$inferSelect | null;
  } | null> {
    let q = this.accessQueries.get(db);
    if (!q) {
      q = this.buildAccess(db);
      this.accessQueries.set(db, q);
    }
    return (
      (await q.execute({ roomId: id, userId: userId ?? '00000000-0000-0000-0000-000000000000' }))[0] ?? null
    );
  }

  forDispute(db: Executor, disputeId: string): Promise<RoomRow[]> {
    return db
      .select()
      .from(schema.rooms)
      .where(eq(schema.rooms.disputeId, disputeId))
      .orderBy(asc(schema.rooms.createdAt));
  }

  forDisputes(db: Executor, disputeIds: string[]): Promise<RoomRow[]> {
    if (disputeIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(schema.rooms)
      .where(inArray(schema.rooms.disputeId, disputeIds))
      .orderBy(asc(schema.rooms.createdAt));
  }

  /** Takes the room's row lock and the next sequence number; the lock serialises writers per room. */
  async nextSeq(db: Executor, roomId: string): Promise<number | null> {
    const r = await db
      .update(schema.rooms)
      .set({ lastSeq: sql`${schema.rooms.lastSeq} + 1` })
      .where(eq(schema.rooms.id, roomId))
      .returning({ seq: schema.rooms.lastSeq });
    return r[0]?.seq ?? null;
  }

  /**
   * The durable write in one statement (one round trip): returns the stored message for a repeated
   * (room, sender, clientMsgId); otherwise takes the room's row lock, allocates the next seq and inserts.
   * Two concurrent first sends of the same clientMsgId: the second one's insert hits the unique index and
   * the whole statement (seq increment included) rolls back, so no seq is ever skipped; the caller retries.
   * Returns null when the room does not exist.
   */
  async insertIdempotent(
    db: Executor,
    m: NewMessage,
  ): Promise<{ message: MessageRow; inserted: boolean } | null> {
    const result = await db.execute(sql`
      with existing as (
        select * from messages where room_id = ${m.roomId}::uuid and sender_id = ${m.senderId}::uuid and client_msg_id = ${m.clientMsgId}
      ), bump as (
        update rooms set last_seq = last_seq + 1 where id = ${m.roomId}::uuid and not exists (select 1 from existing) returning last_seq
      ), ins as (
        insert into messages (room_id, seq, sender_id, sender_name, sender_role, client_msg_id, kind, body, created_at)
        select ${m.roomId}::uuid, bump.last_seq, ${m.senderId}::uuid, ${m.senderName}, ${m.senderRole}, ${m.clientMsgId}, ${m.kind}, ${m.body}, ${m.createdAt.toISOString()}::timestamptz
        from bump returning *
      )
      select ins.*, true as inserted from ins
      union all
      select existing.*, false as inserted from existing`);
    const row = rowsOf(result)[0];
    if (!row) return null;
    return { message: toMessageRow(row), inserted: row.inserted === true || row.inserted === 't' };
  }

  /**
   * The hot path of a send (autocommit, one round trip): case version check + row lock + next seq + insert. A repeated
   * clientMsgId hits the unique index and the statement fails as a whole (its seq increment rolls back with it: no
   * gap); the caller then reads the stored message. Returns null when the room does not exist or the case is no
   * longer at `caseVersion`.
   */
  async insertNew(db: Executor, m: NewMessage): Promise<MessageRow | null> {
    const stored = await this.insertBatch(db, [m]);
    return stored[0] ?? null;
  }

  /**
   * New messages of any number of rooms in one statement (group commit): one commit, and per room one row lock and
   * one seq range, gapless in input order. A row whose `caseVersion` is not its case's current version (read under a
   * share lock on the case row, so a concurrent change is waited for, not missed) is left out and gets null, as does
   * a row of a room that does not exist. Case rows are locked before room rows, each in id order, so two batches
   * never wait on each other in a cycle. Returns one entry per input row. Fails as a whole on a repeated clientMsgId.
   */
  async insertBatch(db: Executor, rows: NewMessage[]): Promise<(MessageRow | null)[]> {
    const json = JSON.stringify(
      rows.map((m) => ({
        m: m.roomId,
        s: m.senderId,
        n: m.senderName,
        r: m.senderRole,
        c: m.clientMsgId,
        k: m.kind,
        b: m.body,
        t: m.createdAt.toISOString(),
        x: m.caseVersion ?? null,
      })),
    );
    const result = await executePrepared(db, 'messages_insert_rooms', INSERT_BATCH, { json });
    const byKey = new Map(
      rowsOf(result)
        .map(toMessageRow)
        .map((m) => [`${m.roomId}|${m.senderId}|${m.clientMsgId}`, m]),
    );
    return rows.map((m) => byKey.get(`${m.roomId}|${m.senderId}|${m.clientMsgId}`) ?? null);
  }

  async byClientId(
    db: Executor,
    roomId: string,
    senderId: string,
    clientMsgId: string,
  ): Promise<MessageRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.messages)
          .where(
            and(
              eq(schema.messages.roomId, roomId),
              eq(schema.messages.senderId, senderId),
              eq(schema.messages.clientMsgId, clientMsgId),
            ),
          )
          .limit(1)
      )[0] ?? null
    );
  }

  async insertMessage(db: Executor, row: typeof schema.messages.$inferInsert): Promise<MessageRow> {
    return (await db.insert(schema.messages).values(row).returning())[0];
  }

  after(db: Executor, roomId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.roomId, roomId), gt(schema.messages.seq, afterSeq)))
      .orderBy(asc(schema.messages.seq))
      .limit(limit);
  }

  async before(db: Executor, roomId: string, beforeSeq: number, limit: number): Promise<MessageRow[]> {
    const rows = await db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.roomId, roomId), lt(schema.messages.seq, beforeSeq)))
      .orderBy(desc(schema.messages.seq))
      .limit(limit);
    return rows.reverse();
  }

  ofKind(db: Executor, roomId: string, kind: string): Promise<MessageRow[]> {
    return db
      .select()
      .from(schema.messages)
      .where(and(eq(schema.messages.roomId, roomId), eq(schema.messages.kind, kind)))
      .orderBy(asc(schema.messages.seq));
  }
}
