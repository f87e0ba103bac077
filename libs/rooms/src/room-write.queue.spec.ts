import type { NewMessage } from './room.repository';
import { MAX_BATCH, RoomWriteQueue, WriteResult } from './room-write.queue';

const row = (roomId: string, i: number): NewMessage => ({
  roomId,
  senderId: 'u',
  senderName: 'n',
  senderRole: 'mediator',
  clientMsgId: `c${i}`,
  kind: 'text',
  body: `m${i}`,
  createdAt: new Date(0),
});

describe('RoomWriteQueue', () => {
  it('writes at once when idle and batches what arrives while a write is in flight, across rooms, in order', async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const q = new RoomWriteQueue(async (rows) => {
      calls.push(rows.map((r) => `${r.roomId}:${r.clientMsgId}`));
      if (calls.length === 1) await gate;
      return rows.map((r, i) => ({ message: { seq: i, clientMsgId: r.clientMsgId } as any, inserted: true }));
    });
    const first = q.enqueue(row('a', 0));
    const rest = [1, 2].map((i) => q.enqueue(row('a', i)));
    const other = q.enqueue(row('b', 9));
    const last = q.enqueue(row('a', 3));
    expect(calls).toEqual([['a:c0']]); // one write at a time: the rest wait for it
    release();
    const results = await Promise.all([first, ...rest, other, last]);
    expect(calls).toEqual([['a:c0'], ['a:c1', 'a:c2', 'b:c9', 'a:c3']]);
    expect(results.map((r) => r?.message.clientMsgId)).toEqual(['c0', 'c1', 'c2', 'c9', 'c3']);
    expect(await q.enqueue(row('c', 5))).toMatchObject({ message: { clientMsgId: 'c5' } }); // idle again: at once
    expect(calls).toHaveLength(3);
  });

  it('caps a batch and rejects only the batch that failed', async () => {
    const sizes: number[] = [];
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const q = new RoomWriteQueue(async (rows) => {
      sizes.push(rows.length);
      if (++n === 1) await gate;
      if (n === 2) throw new Error('boom');
      return rows.map((): WriteResult => null);
    });
    const all = Array.from({ length: MAX_BATCH + 6 }, (_, i) =>
      q.enqueue(row(i % 2 ? 'a' : 'b', i)).then(
        () => 'ok',
        () => 'failed',
      ),
    );
    release();
    const outcomes = await Promise.all(all);
    expect(sizes).toEqual([1, MAX_BATCH, 5]);
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(MAX_BATCH);
    expect(outcomes[0]).toBe('ok');
    expect(outcomes.at(-1)).toBe('ok');
  });
});

describe('RoomWriteQueue ordering', () => {
  it('sends the next batch before waking the callers of the batch that just finished', async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    // like pg-pool: the query goes out on the next tick, the answer comes later
    const q = new RoomWriteQueue(
      (rows) =>
        new Promise((resolve) =>
          process.nextTick(() => {
            events.push(`sent ${rows.map((r) => r.clientMsgId).join(',')}`);
            const answer = () =>
              resolve(rows.map((r) => ({ message: { clientMsgId: r.clientMsgId } as any, inserted: true })));
            if (events.length === 1) void gate.then(answer);
            else answer();
          }),
        ),
    );
    const first = q.enqueue(row('a', 0)).then(() => events.push('caller c0 woken'));
    const second = q.enqueue(row('a', 1)).then(() => events.push('caller c1 woken'));
    const third = q.enqueue(row('a', 2)).then(() => events.push('caller c2 woken'));
    await new Promise((r) => setImmediate(r));
    release();
    await Promise.all([first, second, third]);
    expect(events).toEqual([
      'sent c0',
      'sent c1,c2',
      'caller c0 woken',
      'caller c1 woken',
      'caller c2 woken',
    ]);
  });
});
