/**
 * Fan-out throughput of a case room (durable message:send: authorise, store with a gapless seq, broadcast through
 * the PostgreSQL adapter) beside bare socket.io `io.to(room).emit` (bare-server.ts) with the same receivers,
 * the same sender window and the same number of messages. Both servers run as child processes; the clients
 * run in this process. Goal: case room ≥ 0.5× bare. Knobs: RECEIVERS (10,100), ROUNDS (3), MESSAGES (2000),
 * WARMUP (1000 per side before the first round), WINDOW (32 unacknowledged sends).
 *
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/rooms/fanout.bench.js
 */
import type { Socket } from 'socket.io-client';
import {
  Proc,
  ack,
  connect,
  connectMany,
  fakeMessage,
  fmt,
  freshDatabase,
  machine,
  stage,
  startApi,
  startBare,
} from './bench-support';

const MESSAGES = Number(process.env.MESSAGES ?? 2000);
const WARMUP = Number(process.env.WARMUP ?? 1000);
const WINDOW = Number(process.env.WINDOW ?? 32);
const RECEIVERS = (process.env.RECEIVERS ?? '10,100').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

interface Side {
  receivers: Socket[];
  send: (i: number, tag: string) => Promise<unknown>;
}

/** Sends `count` messages with at most WINDOW unacknowledged; done when every receiver has every message. */
async function measure(
  side: Side,
  count: number,
  tag: string,
): Promise<{ seconds: number; perSec: number; deliveriesPerSec: number }> {
  let delivered = 0;
  const onMessage = (m: { clientMsgId?: string }) => {
    if (m.clientMsgId?.startsWith(tag)) delivered++;
  };
  side.receivers.forEach((s) => s.on('message:new', onMessage));
  const expected = count * side.receivers.length;
  const allDelivered = new Promise<void>((resolve) => {
    const check = () => (delivered >= expected ? resolve() : setTimeout(check, 1));
    check();
  });
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) await side.send(next++, tag);
  };
  await Promise.all(Array.from({ length: WINDOW }, worker));
  await allDelivered;
  const seconds = (performance.now() - t0) / 1000;
  side.receivers.forEach((s) => s.off('message:new', onMessage));
  return { seconds, perSec: count / seconds, deliveriesPerSec: expected / seconds };
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const procs: Proc[] = [];
  const sockets: Socket[] = [];
  try {
    const staged = await stage(db.url);
    const api = await startApi(db.url);
    const bare = await startBare();
    procs.push(api, bare);
    console.log(
      `Rooms fan-out benchmark — ${new Date().toISOString()}\n${machine()}\nPostgreSQL ${db.url.replace(/\/[^/]*$/, '/…')}; ${MESSAGES} messages per run after ${WARMUP} warm-up, window ${WINDOW} unacknowledged sends, ${ROUNDS} rounds\n`,
    );
    const sender = await connect(api.url, staged.caseTokens[0]);
    const bareSender = await connect(bare.url);
    sockets.push(sender, bareSender);
    const room = staged.jointRoom;

    for (const r of RECEIVERS) {
      const receivers = await connectMany(
        api.url,
        Array.from({ length: r }, (_, i) => staged.caseTokens[i % staged.caseTokens.length]),
      );
      const bareReceivers = await connectMany(
        bare.url,
        Array.from({ length: r }, () => ''),
      );
      sockets.push(...receivers, ...bareReceivers);
      await Promise.all(receivers.map((s) => ack(s, 'room:join', { roomId: room, lastSeq: 1e9 })));
      await Promise.all(bareReceivers.map((s) => ack(s, 'join', { room })));
      let seq = 0;
      const tiaojie: Side = {
        receivers,
        send: (i, tag) =>
          ack(sender, 'message:send', {
            roomId: room,
            clientMsgId: `${tag}${i}`,
            body: `调解员消息 第 ${i} 条：请双方冷静，我们一条一条来谈。`,
          }),
      };
      const baseline: Side = {
        receivers: bareReceivers,
        send: (i, tag) =>
          ack(bareSender, 'send', {
            room,
            message: fakeMessage(
              room,
              ++seq,
              `${tag}${i}`,
              `调解员消息 第 ${i} 条：请双方冷静，我们一条一条来谈。`,
            ),
          }),
      };
      await measure(baseline, WARMUP, `wb${r}-`);
      await measure(tiaojie, WARMUP, `wt${r}-`);
      const ratios: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const b = await measure(baseline, MESSAGES, `b${r}-${round}-`);
        const t = await measure(tiaojie, MESSAGES, `t${r}-${round}-`);
        ratios.push(t.deliveriesPerSec / b.deliveriesPerSec);
        console.log(
          `${String(r).padStart(3)} receivers, round ${round}: bare ${fmt(b.perSec, 0)} msg/s (${fmt(b.deliveriesPerSec, 0)} deliveries/s) | case room ${fmt(t.perSec, 0)} msg/s (${fmt(t.deliveriesPerSec, 0)} deliveries/s) | ratio ${fmt(ratios.at(-1)!, 2)}×`,
        );
      }
      const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
      console.log(
        `${String(r).padStart(3)} receivers: median ratio ${fmt(median, 2)}× (goal ≥ 0.5×) ${median >= 0.5 ? 'MET' : 'NOT MET'}\n`,
      );
      receivers.concat(bareReceivers).forEach((s) => s.disconnect());
    }
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
