import type { NewMessage } from './room.repository';
import { MAX_BATCH, RoomWriteQueue, WriteResult } from './room-write.queue';

const row = (roomId: string, i: number): NewMessage => ({
  roomId, senderId: 'u', senderName: 'n', senderRole: 'mediator', clientMsgId: `c${i}`, kind: 'text', body: `m${i}`, createdAt: new Date(0),
});

describe('RoomWriteQueue', () => {
  it('writes an idle room at once and batches what arrives while a write is in flight, per room, in order', async () => {
    const calls: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const q = new RoomWriteQueue(async (roomId, rows) => {
      calls.push(rows.map((r) => `${roomId}:${r.clientMsgId}`));
      if (calls.length === 1) await gate;
      return rows.map((r, i) => ({ message: { seq: i, clientMsgId: r.clientMsgId } as any, inserted: true }));
    });
    const first = q.enqueue(row('a', 0));
    const rest = [1, 2, 3].map((i) => q.enqueue(row('a', i)));
    const other = q.enqueue(row('b', 9));
    expect(calls).toEqual([['a:c0'], ['b:c9']]); // room b is not held up by room a
    release();
    const results = await Promise.all([first, ...rest, other]);
    expect(calls).toEqual([['a:c0'], ['b:c9'], ['a:c1', 'a:c2', 'a:c3']]);
    expect(results.map((r) => r?.message.clientMsgId)).toEqual(['c0', 'c1', 'c2', 'c3', 'c9']);
  });

  it('caps a batch and rejects only the batch that failed', async () => {
    const sizes: number[] = [];
    let n = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const q = new RoomWriteQueue(async (_room, rows) => {
      sizes.push(rows.length);
      if (++n === 1) await gate;
      if (n === 2) throw new Error('boom');
      return rows.map((): WriteResult => null);
    });
    const all = Array.from({ length: MAX_BATCH + 6 }, (_, i) => q.enqueue(row('a', i)).then(() => 'ok', () => 'failed'));
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
    const gate = new Promise<void>((r) => { release = r; });
    // like pg-pool: the query goes out on the next tick, the answer comes later
    const q = new RoomWriteQueue((_room, rows) => new Promise((resolve) => process.nextTick(() => {
      events.push(`sent ${rows.map((r) => r.clientMsgId).join(',')}`);
      const answer = () => resolve(rows.map((r) => ({ message: { clientMsgId: r.clientMsgId } as any, inserted: true })));
      if (events.length === 1) void gate.then(answer);
      else answer();
    })));
    const first = q.enqueue(row('a', 0)).then(() => events.push('caller c0 woken'));
    const second = q.enqueue(row('a', 1)).then(() => events.push('caller c1 woken'));
    const third = q.enqueue(row('a', 2)).then(() => events.push('caller c2 woken'));
    await new Promise((r) => setImmediate(r));
    release();
    await Promise.all([first, second, third]);
    expect(events).toEqual(['sent c0', 'sent c1,c2', 'caller c0 woken', 'caller c1 woken', 'caller c2 woken']);
  });
});
