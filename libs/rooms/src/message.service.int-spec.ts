import { Actor, NoopRealtimePublisher, Role, SystemClock } from '@tiaojie/core';
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
  let actors: Actor[];

  beforeAll(async () => {
    ctx = await createTestDatabase();
    rooms = new RoomRepository();
    messages = new MessageService(rooms, new AttachmentRepository(), ctx.db, new SystemClock(), new NoopRealtimePublisher());
    const ids = await Promise.all(['甲', '乙', '丙'].map(async (name, i) => {
      const r: any = await ctx.db.db.execute(sql`insert into users (display_name, role, username) values (${name}, 'mediator', ${`u${i}`}) returning id`);
      return (r.rows ?? r)[0].id as string;
    }));
    actors = ids.map((id, i) => ({ id, role: Role.Mediator, orgId: null, name: ['甲', '乙', '丙'][i] }));
  });
  afterAll(async () => { await ctx.dispose(); });

  it('stores a burst of concurrent sends (with resends) gapless, once each, in fewer statements than messages', async () => {
    const [room] = await rooms.insertRooms(ctx.db.db, [{ kind: 'staff', title: 't' }]);
    const batch = jest.spyOn(rooms, 'insertBatch');
    const sends = Array.from({ length: 300 }, (_, i) => {
      const actor = actors[i % 3];
      const clientMsgId = `m-${i % 240}`; // i and i - 240 have the same sender (240 is a multiple of 3): 60 resends
      return messages.send(actor, room.id, { clientMsgId: `${actor.id}-${clientMsgId}`, body: `第 ${i} 条` });
    });
    const results = await Promise.all(sends);
    const fresh = results.filter((r) => !r.duplicate).map((r) => r.message.seq).sort((a, b) => a - b);
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

  it('answers a resend with the stored message, and an unknown room with NOT_FOUND', async () => {
    const [room] = await rooms.insertRooms(ctx.db.db, [{ kind: 'staff', title: 't' }]);
    const a = await messages.send(actors[0], room.id, { clientMsgId: 'x', body: '一' });
    const b = await messages.send(actors[0], room.id, { clientMsgId: 'x', body: '二' });
    expect(b).toMatchObject({ duplicate: true, message: { seq: a.message.seq, body: '一' } });
    const c = await messages.send(actors[1], room.id, { clientMsgId: 'x', body: '三' });
    expect(c).toMatchObject({ duplicate: false, message: { seq: 2 } });
    await expect(messages.send(actors[0], '00000000-0000-0000-0000-000000000000', { clientMsgId: 'y', body: '四' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
