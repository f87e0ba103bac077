/**
 * Delivery latency with 2,000 connected clients in 200 rooms (10 per room; linkage rooms with 10 members): one
 * member of every room sends at a steady rate; latency = receipt of `message:new` at each of the room's clients
 * minus the moment the sender emitted. Beside it, the same clients, rooms and rate on bare socket.io
 * (bare-server.ts). Servers are child processes; the 2,000 clients run in this process.
 *
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/rooms/latency.bench.js
 */
import type { Socket } from 'socket.io-client';
import {
  Proc,
  STAFF,
  ack,
  connectMany,
  fakeMessage,
  fmt,
  freshDatabase,
  linkageRooms,
  machine,
  percentiles,
  sleep,
  stage,
  startApi,
  startBare,
} from './bench-support';

const ROOMS = 200;
const PER_ROOM = 10;
const RATE = Number(process.env.RATE ?? 200); // messages per second, all rooms together
const SECONDS = Number(process.env.SECONDS ?? 20);

interface Setup {
  clients: Socket[][]; // per room
  send: (room: number, clientMsgId: string) => void;
}

async function drive(setup: Setup, tag: string, seconds = SECONDS): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const handlers = setup.clients.map((room) =>
    room.map((s) => {
      const h = (m: { clientMsgId?: string }) => {
        const t0 = m.clientMsgId ? sentAt.get(m.clientMsgId) : undefined;
        if (t0 !== undefined) latencies.push(performance.now() - t0);
      };
      s.on('message:new', h);
      return h;
    }),
  );
  const total = RATE * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const id = `${tag}${i}`;
    sentAt.set(id, performance.now());
    setup.send(i % ROOMS, id);
  }
  const expected = total * PER_ROOM;
  const deadline = performance.now() + 30_000;
  while (latencies.length < expected && performance.now() < deadline) await sleep(20);
  setup.clients.forEach((room, r) => room.forEach((s, k) => s.off('message:new', handlers[r][k])));
  if (latencies.length < expected)
    console.log(`  (${expected - latencies.length} of ${expected} deliveries still missing after 30 s)`);
  return latencies;
}

function line(label: string, lat: number[]): string {
  const p = percentiles(lat);
  return `${label}: ${p.n} deliveries, p50 ${fmt(p.p50)} ms, p90 ${fmt(p.p90)} ms, p99 ${fmt(p.p99)} ms, max ${fmt(p.max)} ms, mean ${fmt(p.mean)} ms`;
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const procs: Proc[] = [];
  const all: Socket[] = [];
  try {
    const staged = await stage(db.url);
    const api = await startApi(db.url);
    const bare = await startBare();
    procs.push(api, bare);
    console.log(
      `Rooms delivery latency benchmark — ${new Date().toISOString()}\n${machine()}\n${ROOMS} rooms × ${PER_ROOM} clients = ${ROOMS * PER_ROOM} connected clients per server; ${RATE} messages/s for ${SECONDS} s (${RATE * PER_ROOM} deliveries/s)\n`,
    );
    const roomIds = await linkageRooms(api.url, staged, ROOMS, PER_ROOM);
    const members = ['admin', ...STAFF.filter((u) => u !== 'admin').slice(0, PER_ROOM - 1)];

    const t0 = performance.now();
    const clients: Socket[][] = [];
    for (const roomId of roomIds) {
      const room = await connectMany(
        api.url,
        members.map((u) => staged.tokens[u]),
      );
      await Promise.all(room.map((s) => ack(s, 'room:join', { roomId, lastSeq: 1e9 })));
      clients.push(room);
      all.push(...room);
    }
    console.log(
      `connected and joined ${ROOMS * PER_ROOM} clients to the api in ${fmt((performance.now() - t0) / 1000)} s`,
    );
    const bareClients: Socket[][] = [];
    for (let r = 0; r < ROOMS; r++) {
      const room = await connectMany(
        bare.url,
        members.map(() => ''),
      );
      await Promise.all(room.map((s) => ack(s, 'join', { room: `r${r}` })));
      bareClients.push(room);
      all.push(...room);
    }
    const body = '会商意见：请各单位在本周内反馈。';
    const tiaojie: Setup = {
      clients,
      send: (r, id) => {
        clients[r][0].emit('message:send', { roomId: roomIds[r], clientMsgId: id, body }, () => undefined);
      },
    };
    let seq = 0;
    const baseline: Setup = {
      clients: bareClients,
      send: (r, id) => {
        bareClients[r][0].emit(
          'send',
          { room: `r${r}`, message: fakeMessage(roomIds[r], ++seq, id, body) },
          () => undefined,
        );
      },
    };

    await drive(baseline, 'warm-b-', 5);
    await drive(tiaojie, 'warm-t-', 5);
    for (let round = 1; round <= 2; round++) {
      console.log(line(`round ${round} bare socket.io`, await drive(baseline, `b${round}-`)));
      console.log(line(`round ${round} linkage rooms `, await drive(tiaojie, `t${round}-`)));
    }
  } finally {
    all.forEach((s) => s.disconnect());
    await Promise.all(procs.map((p) => p.stop()));
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
