/**
 * The durable message write (MessageService.send: idempotency check, room row lock, next gapless seq, insert, in one
 * statement, committed before it returns) beside a raw single-row INSERT loop into the same `messages` table with
 * precomputed seqs, on the same connection pool. Sequential (one writer) and concurrent (8 writers, one room each).
 * Goal: durable ≥ 0.5× raw.
 *
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/rooms/durable-write.bench.js
 */
import { randomUUID } from 'node:crypto';
import { Actor, NoopRealtimePublisher, Role, SystemClock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AttachmentRepository, MessageService, RoomRepository } from '@tiaojie/rooms';
import { fmt, freshDatabase, machine, percentiles } from './bench-support';

const N = Number(process.env.WRITES ?? 3000);
const WRITERS = 8;
const ROUNDS = 3;

async function main(): Promise<void> {
  const target = await freshDatabase();
  const db = await DbService.connect({ databaseUrl: target.url, dataDir: '' });
  try {
    const rooms = new RoomRepository();
    const messages = new MessageService(
      rooms,
      new AttachmentRepository(),
      db,
      new SystemClock(),
      new NoopRealtimePublisher(),
    );
    const pool = db.pool!;
    const user = (
      await pool.query(
        `insert into users (display_name, role, username) values ('基准调解员', 'mediator', 'bench') returning id`,
      )
    ).rows[0].id as string;
    const actor: Actor = { id: user, role: Role.Mediator, orgId: null, name: '基准调解员' };
    const newRoom = async () => (await rooms.insertRooms(db.db, [{ kind: 'staff', title: 'bench' }]))[0].id;
    const body = '调解员消息：请双方冷静，我们一条一条来谈。';

    const durable = async (roomId: string, count: number) => {
      const lat: number[] = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        await messages.send(actor, roomId, { clientMsgId: randomUUID(), body });
        lat.push(performance.now() - t);
      }
      return lat;
    };
    const raw = async (roomId: string, count: number) => {
      const lat: number[] = [];
      for (let i = 1; i <= count; i++) {
        const t = performance.now();
        await pool.query(
          'insert into messages (room_id, seq, sender_id, sender_name, sender_role, client_msg_id, kind, body, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [roomId, i, user, actor.name, actor.role, randomUUID(), 'text', body, new Date()],
        );
        lat.push(performance.now() - t);
      }
      return lat;
    };
    const run = async (fn: (roomId: string, count: number) => Promise<number[]>, writers: number) => {
      const ids = await Promise.all(Array.from({ length: writers }, newRoom));
      const t0 = performance.now();
      const lat = (await Promise.all(ids.map((id) => fn(id, N / writers)))).flat();
      return { perSec: N / ((performance.now() - t0) / 1000), lat: percentiles(lat) };
    };

    console.log(
      `Durable message write benchmark — ${new Date().toISOString()}\n${machine()}\n${N} writes per run, ${ROUNDS} rounds, pool of 10 connections, PostgreSQL synchronous_commit ${(await pool.query('show synchronous_commit')).rows[0].synchronous_commit}\n`,
    );
    await run(raw, 1);
    await run(durable, 1);
    for (const writers of [1, WRITERS]) {
      const ratios: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const r = await run(raw, writers);
        const d = await run(durable, writers);
        ratios.push(d.perSec / r.perSec);
        console.log(
          `${writers} writer(s), round ${round}: raw INSERT ${fmt(r.perSec, 0)}/s (p50 ${fmt(r.lat.p50, 2)} ms, p99 ${fmt(r.lat.p99, 2)} ms) | durable send ${fmt(d.perSec, 0)}/s (p50 ${fmt(d.lat.p50, 2)} ms, p99 ${fmt(d.lat.p99, 2)} ms) | ratio ${fmt(ratios.at(-1)!, 2)}×`,
        );
      }
      const median = [...ratios].sort((a, b) => a - b)[1];
      console.log(
        `${writers} writer(s): median ratio ${fmt(median, 2)}× (goal ≥ 0.5×) ${median >= 0.5 ? 'MET' : 'NOT MET'}\n`,
      );
    }
  } finally {
    await db.close();
    await target.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
