/**
 * Fan-out across two api instances (child processes on one PostgreSQL database, @socket.io/postgres-adapter):
 * the sender on instance A, receivers split evenly over A and B, beside the same receivers all on A, alternating
 * in the same run. Durable message:send into one case room, window of 32 unacknowledged sends.
 * Goal: two instances ≥ 0.7× one instance.
 *
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/rooms/two-instance.bench.js
 */
import type { Socket } from 'socket.io-client';
import {
  Proc,
  ack,
  connect,
  connectMany,
  fmt,
  freshDatabase,
  machine,
  stage,
  startApi,
} from './bench-support';

const MESSAGES = Number(process.env.MESSAGES ?? 1000);
const RECEIVERS = Number(process.env.RECEIVERS ?? 100);
const WINDOW = 32;
const ROUNDS = 3;

async function measure(sender: Socket, receivers: Socket[], roomId: string, count: number, tag: string) {
  let delivered = 0;
  const on = (m: { clientMsgId?: string }) => {
    if (m.clientMsgId?.startsWith(tag)) delivered++;
  };
  receivers.forEach((s) => s.on('message:new', on));
  const expected = count * receivers.length;
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await ack(sender, 'message:send', {
        roomId,
        clientMsgId: `${tag}${i}`,
        body: `调解员消息 第 ${i} 条：请双方冷静，我们一条一条来谈。`,
      });
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, worker));
  const deadline = performance.now() + 60_000;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  const seconds = (performance.now() - t0) / 1000;
  receivers.forEach((s) => s.off('message:new', on));
  if (delivered < expected) throw new Error(`${expected - delivered} deliveries missing`);
  return { perSec: count / seconds, deliveriesPerSec: expected / seconds };
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const procs: Proc[] = [];
  const sockets: Socket[] = [];
  try {
    const staged = await stage(db.url);
    const a = await startApi(db.url);
    const b = await startApi(db.url);
    procs.push(a, b);
    const room = staged.jointRoom;
    console.log(
      `Rooms two-instance fan-out benchmark — ${new Date().toISOString()}\n${machine()}\n${RECEIVERS} receivers, ${MESSAGES} messages per run, window ${WINDOW}, ${ROUNDS} rounds; both instances run throughout; only the measured group is in the room\n`,
    );
    const tokens = (n: number) =>
      Array.from({ length: n }, (_, i) => staged.caseTokens[i % staged.caseTokens.length]);
    const sender = await connect(a.url, staged.caseTokens[0]);
    const oneInstance = await connectMany(a.url, tokens(RECEIVERS));
    const split = [
      ...(await connectMany(a.url, tokens(RECEIVERS / 2))),
      ...(await connectMany(b.url, tokens(RECEIVERS / 2))),
    ];
    sockets.push(sender, ...oneInstance, ...split);
    // only the measured group is in the room during its run
    const run = async (group: Socket[], count: number, tag: string) => {
      await Promise.all(group.map((s) => ack(s, 'room:join', { roomId: room, lastSeq: 1e9 })));
      const r = await measure(sender, group, room, count, tag);
      await Promise.all(group.map((s) => ack(s, 'room:leave', { roomId: room })));
      return r;
    };
    await run(oneInstance, 200, 'w1-');
    await run(split, 200, 'w2-');
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const one = await run(oneInstance, MESSAGES, `one${round}-`);
      const two = await run(split, MESSAGES, `two${round}-`);
      ratios.push(two.deliveriesPerSec / one.deliveriesPerSec);
      console.log(
        `round ${round}: all on A ${fmt(one.perSec, 0)} msg/s (${fmt(one.deliveriesPerSec, 0)} deliveries/s) | split A+B ${fmt(two.perSec, 0)} msg/s (${fmt(two.deliveriesPerSec, 0)} deliveries/s) | ratio ${fmt(ratios.at(-1)!, 2)}×`,
      );
    }
    const median = [...ratios].sort((x, y) => x - y)[1];
    console.log(`\nmedian ratio ${fmt(median, 2)}× (goal ≥ 0.7×) ${median >= 0.7 ? 'MET' : 'NOT MET'}`);
  } finally {
    sockets.forEach((s) => s.disconnect());
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
