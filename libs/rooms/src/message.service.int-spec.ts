import { NoopRealtimePublisher, Role, SystemClock, UserActor } from '@tiaojie/core';
import { DbService, createTestDatabase } from '@tiaojie/db';
import { sql } from 'drizzle-orm';
import { AttachmentRepository } from './attachment.repository';
import { MessageService } from './message.service';
import { RoomRepository } from './room.repository';

/** The durable write on a real database (PGlite, or PostgreSQL with DATABASE_URL): gapless, idempotent, batched under load. */
describe('MessageService (int)', () => {
  let ctx: { db: DbService; dispose: () => Promise<void> };
  let rooms: RoomRepository;
  let messages: MessageService;
  let actors: UserActor[];

  beforeAll(async () => {
    ctx = await createTestDatabase();
    rooms = new RoomRepository();
    messages = new MessageService(
      rooms,
      new AttachmentRepository(),
      ctx.db,
      new SystemClock(),
      new NoopRealtimePublisher(),
    );
    const ids = await Promise.all(
      ['甲', '乙', '丙'].map(async (name, i) => {
        const r: any = await ctx.db.db.execute(
          sql`insert into users (display_name, role, username) values (${name}, 'mediator', ${`u${i}`}) returning id`,
        );
        return (r.rows ?? r)[0].id as string;
      }),
    );
    actors = ids.map((id, i) => ({ id, role: Role.Mediator, orgId: null, name: ['甲', '乙', '丙'][i] }));
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it('stores a burst of concurrent sends (with resends) gapless, once each, in fewer statements than messages', async () => {
    const [room] = await rooms.insertRooms(ctx.db.db, [{ kind: 'staff', title: 't' }]);
    const batch = jest.spyOn(rooms, 'insertBatch');
    const sends = Array.from({ length: 300 }, (_, i) => {
      const actor = actors[i % 3];
      const clientMsgId = `m-${i % 240}`; // i and i - 240 have the same sender (240 is a multiple of 3): 60 resends
      return messages.send(actor, room.id, {
        clientMsgId: `${actor.id}-${clientMsgId}`,
        body: `第 ${i % 240} 条`,
      });
    });
    const results = await Promise.all(sends);
    const fresh = results
      .filter((r) => !r.duplicate)
      .map((r) => r.message.seq)
      .sort((a, b) => a - b);
    expect(fresh).toEqual(Array.from({ length: fresh.length }, (_, i) => i + 1));
    const byKey = new Map<string, number>();
    for (const r of results) {
      const key = `${r.message.senderId}|${r.message.clientMsgId}`;
      if (byKey.has(key)) expect(r.message.seq).toBe(byKey.get(key));
      byKey.set(key, r.message.seq);
    }
    expect(fresh.length).toBe(byKey.size);
    expect((await rooms.byId(ctx.db.db, room.id))!.lastSeq).toBe(fresh.length);
    expect(batch).toHaveBeenCalled();
    batch.mockRestore();
  });

  it("writes the concurrent sends of several rooms in shared statements, gapless per room, in each room's order", async () => {
    const made = await rooms.insertRooms(
      ctx.db.db,
      Array.from({ length: 5 }, (_, i) => ({ kind: 'staff', title: `r${i}` })),
    );
    const batch = jest.spyOn(rooms, 'insertBatch');
    const sends = Array.from({ length: 200 }, (_, i) =>
      messages.send(actors[i % 3], made[i % 5].id, { clientMsgId: `multi-${i}`, body: `${i}` }),
    );
    const results = await Promise.all(sends);
    for (const [r, room] of made.entries()) {
      const own = results.filter((_, i) => i % 5 === r);
      expect(own.map((x) => x.message.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1)); // sent order = seq order
      expect((await rooms.byId(ctx.db.db, room.id))!.lastSeq).toBe(40);
    }
    expect(batch.mock.calls.some(([, rows]) => new Set(rows.map((x) => x.roomId)).size > 1)).toBe(true);
    expect(batch.mock.calls.length).toBeLessThan(200);
    batch.mockRestore();
  });

  it('lets two instances write the same rooms at once without a deadlock or a gap (rooms locked in id order)', async () => {
    const made = await rooms.insertRooms(
      ctx.db.db,
      Array.from({ length: 6 }, (_, i) => ({ kind: 'staff', title: `x${i}` })),
    );
    const other = new MessageService(
      rooms,
      new AttachmentRepository(),
      ctx.db,
      new SystemClock(),
      new NoopRealtimePublisher(),
    );
    // each instance sends to the rooms in the opposite order, 300 sends each
    const sends = Array.from({ length: 600 }, (_, i) => {
      const mine = i % 2 === 0;
      const room = made[mine ? (i >> 1) % 6 : 5 - ((i >> 1) % 6)];
      return (mine ? messages : other).send(actors[i % 3], room.id, {
        clientMsgId: `two-${i}`,
        body: `${i}`,
      });
    });
    const results = await Promise.all(sends);
    for (const room of made) {
      const seqs = results
        .filter((r) => r.message.roomId === room.id)
        .map((r) => r.message.seq)
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    }
  });

  it('answers a resend with the stored message, refuses a reused clientMsgId with another body, and an unknown room with NOT_FOUND', async () => {
    const [room] = await rooms.insertRooms(ctx.db.db, [{ kind: 'staff', title: 't' }]);
    const a = await messages.send(actors[0], room.id, { clientMsgId: 'x', body: '一' });
    const b = await messages.send(actors[0], room.id, { clientMsgId: 'x', body: '一' });
    expect(b).toMatchObject({ duplicate: true, message: { seq: a.message.seq, body: '一' } });
    // the same clientMsgId with another body is not a resend: refused, like a reused Idempotency-Key
    await expect(messages.send(actors[0], room.id, { clientMsgId: 'x', body: '二' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { field: 'clientMsgId' },
    });
    const c = await messages.send(actors[1], room.id, { clientMsgId: 'x', body: '三' });
    expect(c).toMatchObject({ duplicate: false, message: { seq: 2 } });
    await expect(
      messages.send(actors[0], '00000000-0000-0000-0000-000000000000', { clientMsgId: 'y', body: '四' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('MessageService.sendAtVersion (int)', () => {
  let ctx: { db: DbService; dispose: () => Promise<void> };
  let rooms: RoomRepository;
  let messages: MessageService;
  let actor: UserActor;
  let disputeId: string;
  let roomId: string;
  const rowsOf = (r: any) => (r.rows ?? r) as any[];

  beforeAll(async () => {
    ctx = await createTestDatabase();
    rooms = new RoomRepository();
    messages = new MessageService(
      rooms,
      new AttachmentRepository(),
      ctx.db,
      new SystemClock(),
      new NoopRealtimePublisher(),
    );
    const u = rowsOf(
      await ctx.db.db.execute(
        sql`insert into users (display_name, role, username) values ('甲', 'mediator', 'v0') returning id`,
      ),
    );
    actor = { id: u[0].id, role: Role.Mediator, orgId: null, name: '甲' };
    const d = rowsOf(
      await ctx.db.db.execute(sql`
      insert into disputes (number, category, channel, title, description, status)
      values ('T-VERSION-1', 'neighbour', 'walk_in', '版本检查', '—', 'in_mediation') returning id, version`),
    );
    disputeId = d[0].id;
    [{ id: roomId }] = await rooms.insertRooms(ctx.db.db, [{ kind: 'joint', title: 'j', disputeId }]);
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  const version = async () =>
    rowsOf(await ctx.db.db.execute(sql`select version from disputes where id = ${disputeId}::uuid`))[0]
      .version as number;

  it('stores a send authorised on the current case version, and refuses one authorised before a change without using a seq', async () => {
    const v = await version();
    const ok = await messages.sendAtVersion(actor, roomId, { clientMsgId: 'v-1', body: '一' }, v);
    expect(ok).toMatchObject({ duplicate: false, message: { seq: 1 } });
    await ctx.db.db.execute(sql`update disputes set version = version + 1 where id = ${disputeId}::uuid`);
    expect(await messages.sendAtVersion(actor, roomId, { clientMsgId: 'v-2', body: '二' }, v)).toBe('stale');
    expect(await messages.byClientId(roomId, actor.id, 'v-2')).toBeNull();
    const next = await messages.sendAtVersion(actor, roomId, { clientMsgId: 'v-3', body: '三' }, v + 1);
    expect(next).toMatchObject({ message: { seq: 2 } });
  });

  it('in one group commit, keeps the rows authorised on the current version, gapless, and refuses the stale ones', async () => {
    const v = await version();
    const before = (await rooms.byId(ctx.db.db, roomId))!.lastSeq;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        messages.sendAtVersion(
          actor,
          roomId,
          { clientMsgId: `mix-${i}`, body: `第 ${i} 条` },
          i % 4 === 0 ? v - 1 : v,
        ),
      ),
    );
    expect(results.filter((r) => r === 'stale')).toHaveLength(10);
    const seqs = results.flatMap((r) => (r === 'stale' ? [] : [r.message.seq])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => before + i + 1));
    expect((await rooms.byId(ctx.db.db, roomId))!.lastSeq).toBe(before + 30);
  });
});
