import { expectStatus } from '../support/http-client';
import { waitFor } from '../support/socket-client';
import { RecordingSocket } from '../rooms/support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from '../rooms/support/rooms-app';
import { CallCase, callCase, joinCall, userId } from './call-fixtures';

type Joined = Awaited<ReturnType<typeof joinCall>>;

/**
 * A participant whose connection drops comes back into the call on its own: a new peer that offers to the others,
 * while the others keep their peers and connections (nobody else re-joins), and the record keeps both stays.
 */
describe('call reconnects (e2e)', () => {
  let t: RoomsTestApp;
  let c: CallCase;
  const sockets: RecordingSocket[] = [];
  let mediator: Joined;
  let zhang: Joined;
  let li: Joined;

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await callCase(t);
    mediator = await joinCall(t.url, c.mediator, c.sessionId, sockets);
    zhang = await joinCall(t.url, c.zhang, c.sessionId, sockets);
    li = await joinCall(t.url, c.li, c.sessionId, sockets);
    await waitFor(() => mediator.socket.of('call:peer-joined').length === 2);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  /** Everything the mediator and 张三 were told since `from` (index per event name). */
  const told = (s: RecordingSocket, from: Record<string, number>) =>
    Object.fromEntries(
      [...s.events].map(([e, list]) => [e, list.slice(from[e] ?? 0)]).filter(([, l]) => l.length),
    );
  const mark = (s: RecordingSocket) => Object.fromEntries([...s.events].map(([e, l]) => [e, l.length]));

  it('a dropped party rejoins as a new peer and offers; the others only see it leave and come back', async () => {
    const [medFrom, zhangFrom] = [mark(mediator.socket), mark(zhang.socket)];
    const old = li;
    old.socket.socket.io.engine.close(); // the transport drops, as on a network change
    await waitFor(() => mediator.socket.of('call:peer-left').some((e) => e.peerId === old.peerId));
    li = await joinCall(t.url, c.li, c.sessionId, sockets);
    expect(li.peerId > old.peerId).toBe(true);
    expect(li.ack.self).toMatchObject({ peerId: li.peerId, role: 'party', partyId: c.parties.li });
    // the others are listed with the peerIds they had: nobody else re-joined
    expect(li.ack.peers.map((p: any) => p.peerId)).toEqual([mediator.peerId, zhang.peerId]);
    expect(li.ack.groups).toEqual([[mediator.peerId, zhang.peerId, li.peerId]]);

    // the newcomer offers at once (ICE restarts on a fresh connection); its peer-joined reached them first
    const offer = { type: 'offer', sdp: 'v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\n' };
    for (const to of [mediator, zhang])
      expect(
        await li.socket.ack('call:signal', { sessionId: c.sessionId, to: to.peerId, description: offer }),
      ).toEqual({ ok: true, data: { relayed: true } });
    for (const [who, from] of [
      [mediator, medFrom],
      [zhang, zhangFrom],
    ] as const) {
      await waitFor(() => who.socket.of('call:signal').some((s) => s.from === li.peerId));
      const events = told(who.socket, from);
      // peer-left of the old peer, peer-joined of the new one, then its offer: no close-peer, no mode, no rejoin
      expect(Object.keys(events).sort()).toEqual(['call:peer-joined', 'call:peer-left', 'call:signal']);
      expect(events['call:peer-left'].map((e: any) => e.peerId)).toEqual([old.peerId]);
      expect(events['call:peer-joined'].map((e: any) => e.peer.peerId)).toEqual([li.peerId]);
      expect(events['call:signal']).toEqual([
        { sessionId: c.sessionId, from: li.peerId, description: offer },
      ]);
    }
    // the mediator and 张三 still reach each other on the peers they had
    expect(
      (
        await mediator.socket.ack('call:signal', {
          sessionId: c.sessionId,
          to: zhang.peerId,
          candidate: null,
        })
      ).ok,
    ).toBe(true);
  });

  it('a rejoin before the old socket is noticed gone replaces the old peer, which is told it is out', async () => {
    const old = zhang;
    const medFrom = mark(mediator.socket);
    zhang = await joinCall(t.url, c.zhang, c.sessionId, sockets);
    await waitFor(() => old.socket.of('call:peer-left').some((e) => e.peerId === old.peerId));
    await waitFor(() => mediator.socket.of('call:peer-joined').some((e) => e.peer.peerId === zhang.peerId));
    const events = told(mediator.socket, medFrom);
    expect(events['call:peer-left'].map((e: any) => e.peerId)).toEqual([old.peerId]);
    // the old socket is out of the call: its signals are refused
    expect(
      await old.socket.ack('call:signal', { sessionId: c.sessionId, to: mediator.peerId, candidate: null }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps every stay on the session record, each closed by its leave, in order', async () => {
    let body: any;
    for (let i = 0; i < 100; i++) {
      const r = await c.mediator.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`);
      expectStatus(r, 200);
      body = r.body;
      if (body.participants.length === 5) break;
      await new Promise((res) => setTimeout(res, 100)); // a polling interval, not a wait for an outcome
    }
    const [m, z, l] = [await userId(c.mediator), await userId(c.zhang), await userId(c.li)];
    const stays = body.participants.map((p: any) => [p.userId, p.leftAt === null ? 'in' : 'left']);
    expect(stays).toEqual([
      [m, 'in'],
      [z, 'left'],
      [l, 'left'],
      [l, 'in'],
      [z, 'in'],
    ]);
    for (const p of body.participants)
      if (p.leftAt)
        expect(new Date(p.leftAt).getTime()).toBeGreaterThanOrEqual(new Date(p.joinedAt).getTime());
  });
});
