/**
 * Replay of 1,000 missed messages (`room:join {lastSeq}` → ack with the 1,000 messages) beside a cold history fetch
 * of the same window (`GET /api/rooms/:id/messages?afterSeq=…&limit=1000`), alternating, same room, same api child
 * process. "Cold": a new connection each time (a reconnecting client: new socket.io handshake + join; a new TCP
 * connection + GET). "Warm": an open socket re-joins / a keep-alive GET. Goal: replay ≤ 1.5× history.
 *
 *   npx swc bench libs apps -d dist-bench --copy-files -q && node dist-bench/bench/rooms/replay.bench.js
 */
import * as http from 'node:http';
import type { Socket } from 'socket.io-client';
import {
  Proc,
  ack,
  connect,
  fmt,
  freshDatabase,
  machine,
  percentiles,
  stage,
  startApi,
} from './bench-support';

const MISSED = 1000;
const ITERATIONS = Number(process.env.ITERATIONS ?? 40);

function getJson(url: string, token: string, agent: http.Agent | false): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  const db = await freshDatabase();
  const procs: Proc[] = [];
  const sockets: Socket[] = [];
  try {
    const staged = await stage(db.url);
    const api = await startApi(db.url);
    procs.push(api);
    const token = staged.caseTokens[0];
    const room = staged.jointRoom;
    console.log(
      `Rooms replay benchmark — ${new Date().toISOString()}\n${machine()}\n${MISSED} missed messages per replay, ${ITERATIONS} iterations of each, alternating\n`,
    );

    const sender = await connect(api.url, token);
    sockets.push(sender);
    let next = 0;
    const fill = async () => {
      while (next < MISSED + 100) {
        const i = next++;
        await ack(sender, 'message:send', {
          roomId: room,
          clientMsgId: `fill-${i}`,
          body: `调解员消息 第 ${i} 条：请双方冷静，我们一条一条来谈。`,
        });
      }
    };
    await Promise.all(Array.from({ length: 16 }, fill));
    const history = (await getJson(
      `${api.url}/api/rooms/${room}/messages?afterSeq=0&limit=1000`,
      token,
      false,
    )) as { seq: number }[];
    const lastSeq = history.find((m) => m.seq > 50)!.seq; // 1,000 messages after this one exist
    const url = `${api.url}/api/rooms/${room}/messages?afterSeq=${lastSeq}&limit=${MISSED}`;
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const warmSocket = await connect(api.url, token);
    sockets.push(warmSocket);

    const samples = {
      replayCold: [] as number[],
      historyCold: [] as number[],
      replayWarm: [] as number[],
      historyWarm: [] as number[],
    };
    const check = (n: number) => {
      if (n !== MISSED) throw new Error(`expected ${MISSED} messages, got ${n}`);
    };
    for (let i = -5; i < ITERATIONS; i++) {
      // 5 warm-up iterations are not recorded
      let t = performance.now();
      const s = await connect(api.url, token);
      const r = await ack(s, 'room:join', { roomId: room, lastSeq });
      const replayCold = performance.now() - t;
      check(r.data.messages.length);
      s.disconnect();
      t = performance.now();
      check((await getJson(url, token, false)).length);
      const historyCold = performance.now() - t;
      t = performance.now();
      check((await ack(warmSocket, 'room:join', { roomId: room, lastSeq })).data.messages.length);
      const replayWarm = performance.now() - t;
      t = performance.now();
      check((await getJson(url, token, keepAlive)).length);
      const historyWarm = performance.now() - t;
      if (i >= 0) {
        samples.replayCold.push(replayCold);
        samples.historyCold.push(historyCold);
        samples.replayWarm.push(replayWarm);
        samples.historyWarm.push(historyWarm);
      }
    }
    const show = (label: string, xs: number[]) => {
      const p = percentiles(xs);
      console.log(`${label}: p50 ${fmt(p.p50)} ms, p90 ${fmt(p.p90)} ms, mean ${fmt(p.mean)} ms`);
      return p;
    };
    const rc = show('replay, cold (new socket.io connection + room:join)', samples.replayCold);
    const hc = show('history, cold (new TCP connection + GET)         ', samples.historyCold);
    const rw = show('replay, warm (room:join on an open socket)       ', samples.replayWarm);
    const hw = show('history, warm (keep-alive GET)                   ', samples.historyWarm);
    console.log(
      `\ncold: replay / history = ${fmt(rc.p50 / hc.p50, 2)}× at p50, ${fmt(rc.mean / hc.mean, 2)}× mean (goal ≤ 1.5×) ${rc.p50 / hc.p50 <= 1.5 ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `warm: replay / history = ${fmt(rw.p50 / hw.p50, 2)}× at p50, ${fmt(rw.mean / hw.mean, 2)}× mean (goal ≤ 1.5×) ${rw.p50 / hw.p50 <= 1.5 ? 'MET' : 'NOT MET'}`,
    );
    keepAlive.destroy();
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
