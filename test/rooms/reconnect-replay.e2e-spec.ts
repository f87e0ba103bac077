import { expectStatus } from '../support/http-client';
import { waitFor } from '../support/socket-client';
import { MediatingCase, RecordingSocket, contiguousSeq, mediatingCase } from './support/room-fixtures';
import { GENEROUS_LIMITS, RoomsTestApp, startRoomsApp } from './support/rooms-app';

/**
 * A party drops out of the joint room mid-stream while four other connections keep sending concurrently
 * (some messages resent with the same clientMsgId, as a client does when an ack is lost); on rejoin with the
 * last contiguous seq it holds, it gets every acknowledged message exactly once and in order.
 */
describe('reconnect replay (e2e)', () => {
  let t: RoomsTestApp;
  let c: MediatingCase;
  const sockets: RecordingSocket[] = [];
  const open = async (token: string) => {
    const s = await RecordingSocket.open(t.url, token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startRoomsApp({ roomLimits: GENEROUS_LIMITS });
    c = await mediatingCase(t);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('replays exactly the missed messages, once each, in order, with concurrent senders and resends', async () => {
    const room = c.rooms.joint;
    const senders = [
      await open(c.mediator.token!),
      await open(c.mediator.token!),
      await open(c.li.token!),
      await open(c.admin.token!),
    ];
    for (const s of senders) expect((await s.ack('room:join', { roomId: room })).ok).toBe(true);

    let zhang = await open(c.zhang.token!);
    const first = await zhang.ack('room:join', { roomId: room, lastSeq: 0 });
    expect(first.ok).toBe(true);
    const seen = new Map<number, any>(first.data.messages.map((m: any) => [m.seq, m]));

    const acked = new Map<string, number>();
    let ackCount = 0;
    const sendBatch = (batch: string, perSender: number) =>
      Promise.all(
        senders.flatMap((s, si) =>
          Array.from({ length: perSender }, async (_, i) => {
            const clientMsgId = `${batch}-${si}-${i}`;
            const r = await s.ack('message:send', {
              roomId: room,
              clientMsgId,
              body: `第${batch}批 发送者${si} 第${i}条`,
            });
            expect(r.ok).toBe(true);
            ackCount++;
            acked.set(clientMsgId, r.data.message.seq);
            if (i % 10 === 0) {
              // a lost ack: the client resends; the same message comes back, nothing new is stored
              const again = await s.ack('message:send', {
                roomId: room,
                clientMsgId,
                body: `第${batch}批 发送者${si} 第${i}条`,
              });
              expect(again.data).toMatchObject({ duplicate: true, message: { seq: r.data.message.seq } });
            }
          }),
        ),
      );

    // batch A starts while the party is connected; it drops after ~30 acknowledgements
    const batchA = sendBatch('A', 40);
    await waitFor(() => ackCount >= 30);
    for (const m of zhang.of('message:new')) seen.set(m.seq, m);
    zhang.close();
    await batchA;
    const lastSeq = contiguousSeq(seen.keys());

    // batch B is in flight while the party reconnects and rejoins
    const batchB = sendBatch('B', 25);
    zhang = await open(c.zhang.token!);
    const rejoin = await zhang.ack('room:join', { roomId: room, lastSeq });
    expect(rejoin.ok).toBe(true);
    expect(rejoin.data.hasMore).toBe(false);
    const replay: any[] = rejoin.data.messages;
    const replaySeqs = replay.map((m) => m.seq);
    expect(replaySeqs[0]).toBe(lastSeq + 1);
    replaySeqs.forEach((s, i) => i > 0 && expect(s).toBe(replaySeqs[i - 1] + 1)); // strictly consecutive: no gap, no duplicate
    await batchB;

    const merged = new Map<number, any>(seen);
    for (const m of replay) merged.set(m.seq, m);
    await waitFor(() => {
      for (const m of zhang.of('message:new')) merged.set(m.seq, m);
      return [...acked.values()].every((seq) => merged.has(seq));
    });

    // every acknowledged message exactly once: one seq per clientMsgId, the body sent, and no seq missing overall
    expect(acked.size).toBe(4 * 40 + 4 * 25);
    const byClientId = new Map<string, number[]>();
    for (const m of merged.values())
      if (m.clientMsgId) byClientId.set(m.clientMsgId, [...(byClientId.get(m.clientMsgId) ?? []), m.seq]);
    for (const [clientMsgId, seq] of acked) expect(byClientId.get(clientMsgId)).toEqual([seq]);
    const maxSeq = Math.max(...merged.keys());
    expect(contiguousSeq(merged.keys())).toBe(maxSeq);

    // the server's record agrees: the same messages, gapless, in order
    const history = await c.mediator.get(`/rooms/${room}/messages?afterSeq=0&limit=1000`);
    expectStatus(history, 200);
    expect(history.body.map((m: any) => m.seq)).toEqual(Array.from({ length: maxSeq }, (_, i) => i + 1));
    expect(history.body.map((m: any) => m.id)).toEqual(
      [...merged.keys()].sort((a, b) => a - b).map((s) => merged.get(s).id),
    );
  });

  it('pages a replay of more than 1000 missed messages with hasMore', async () => {
    const room = c.rooms.staff;
    const sender = await open(c.mediator.token!);
    let admin = await open(c.admin.token!);
    const joined = await admin.ack('room:join', { roomId: room, lastSeq: 0 });
    const lastSeq = contiguousSeq(joined.data.messages.map((m: any) => m.seq));
    admin.close();
    const total = 1100;
    for (let i = 0; i < total; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          sender.ack('message:send', { roomId: room, clientMsgId: `bulk-${i + k}`, body: `批量 ${i + k}` }),
        ),
      );
    }
    admin = await open(c.admin.token!);
    const page1 = await admin.ack('room:join', { roomId: room, lastSeq });
    expect(page1.data.messages).toHaveLength(1000);
    expect(page1.data.hasMore).toBe(true);
    const page2 = await admin.ack('room:join', { roomId: room, lastSeq: page1.data.messages[999].seq });
    expect(page2.data.hasMore).toBe(false);
    const seqs = [...page1.data.messages, ...page2.data.messages].map((m: any) => m.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => lastSeq + 1 + i));
  });
});
