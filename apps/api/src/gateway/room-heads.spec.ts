import { RoomHeads } from './room-heads';
import type { TjServer } from './typed-server';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** The parts of a socket.io server RoomHeads uses: local rooms, local emits, the cluster adapter's node list. */
function fakeServer(rooms: string[], cluster = false) {
  const sent: { to: string; event: string; payload: unknown }[] = [];
  const removed: string[] = [];
  const adapter: Record<string, unknown> = { rooms: new Map(rooms.map((r) => [r, new Set(['sid'])])) };
  if (cluster) {
    adapter.nodesMap = new Map([['other', Date.now()]]);
    adapter.removeNode = (uid: string) => {
      removed.push(uid);
      (adapter.nodesMap as Map<string, number>).delete(uid);
    };
  }
  const server = {
    of: () => ({ adapter }),
    local: {
      to: (to: string) => ({ emit: (event: string, payload: unknown) => sent.push({ to, event, payload }) }),
    },
  };
  return { server: server as unknown as TjServer, sent, adapter, removed };
}

describe('RoomHeads', () => {
  it('tells each joined room its head once, then only when it changed', async () => {
    const seqs = new Map([
      [A, 3],
      [B, 7],
    ]);
    const asked: string[][] = [];
    const { server, sent } = fakeServer([`room:${A}`, `room:${B}`, 'user:u1', 'org:o1']);
    const heads = new RoomHeads(
      server,
      async (ids) => {
        asked.push(ids);
        return new Map(ids.map((id) => [id, seqs.get(id)!]));
      },
      60_000,
    );
    expect(await heads.tell(false)).toBe(2);
    expect(asked).toEqual([[A, B]]);
    expect(sent).toEqual([
      { to: `room:${A}`, event: 'room:head', payload: { roomId: A, seq: 3 } },
      { to: `room:${B}`, event: 'room:head', payload: { roomId: B, seq: 7 } },
    ]);
    expect(await heads.tell(false)).toBe(0);
    seqs.set(B, 9);
    expect(await heads.tell(false)).toBe(1);
    expect(sent.at(-1)).toEqual({ to: `room:${B}`, event: 'room:head', payload: { roomId: B, seq: 9 } });
    expect(await heads.tell(true)).toBe(2);
  });

  it('tells every joined room at once when the adapter drops another instance', async () => {
    const { server, sent, adapter, removed } = fakeServer([`room:${A}`], true);
    let served = 0;
    const heads = new RoomHeads(
      server,
      async () => {
        served += 1;
        return new Map([[A, 5]]);
      },
      600_000,
    );
    heads.start();
    await heads.tell(false);
    expect(sent).toHaveLength(1);
    // the adapter's own cleanup (no heartbeat within its timeout) calls removeNode
    (adapter.removeNode as (uid: string) => void)('other');
    expect(removed).toEqual(['other']);
    while (sent.length < 2) await new Promise((r) => setImmediate(r));
    expect(sent[1]).toEqual({ to: `room:${A}`, event: 'room:head', payload: { roomId: A, seq: 5 } });
    // a node it never knew (already removed) is not a loss
    (adapter.removeNode as (uid: string) => void)('other');
    await new Promise((r) => setImmediate(r));
    expect(served).toBe(2);
    heads.stop();
  });
});
