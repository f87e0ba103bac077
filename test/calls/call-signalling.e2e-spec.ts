import { HttpClient, expectStatus } from '../support/http-client';
import { staff } from '../support/factories';
import { waitFor } from '../support/socket-client';
import { RecordingSocket } from '../rooms/support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from '../rooms/support/rooms-app';
import { CallCase, callCase, joinCall, userId } from './call-fixtures';

/**
 * Calls of online sessions, driven as the pages drive them: HTTP for invitations and records, socket.io for
 * signalling. Admission, the relay between peers of one group, caucus separation, the mesh limit, reconnects and
 * consent-gated recording.
 */
describe('call signalling (e2e)', () => {
  let t: RoomsTestApp;
  let c: CallCase;
  const sockets: RecordingSocket[] = [];
  const peers: Record<string, { socket: RecordingSocket; peerId: string; ack?: any }> = {};
  let outsider: HttpClient;

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await callCase(t);
    outsider = await new HttpClient(t.url).signInParty('13800000077', (p) => t.sms.lastCode(p));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });
  const open = async (client: HttpClient) => {
    const s = await RecordingSocket.open(t.url, client.token!);
    sockets.push(s);
    return s;
  };
  const recordWhere = async (client: HttpClient, holds: (body: any) => boolean) => {
    for (let i = 0; ; i++) {
      const r = await client.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`);
      expectStatus(r, 200);
      if (holds(r.body) || i >= 100) return r;
      await new Promise((res) => setTimeout(res, 100)); // a polling interval, not a wait for an outcome
    }
  };
  const refused = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

  it('lets the mediator and both parties join, tells each of the others, and relays signals', async () => {
    peers.mediator = await joinCall(t.url, c.mediator, c.sessionId, sockets);
    expect(peers.mediator.peerId).toMatch(/^p\d{8}/);
    peers.zhang = await joinCall(t.url, c.zhang, c.sessionId, sockets);
    peers.li = await joinCall(t.url, c.li, c.sessionId, sockets);
    const liAck = { data: peers.li.ack };
    expect(liAck.data).toMatchObject({ mode: 'joint', recording: { state: 'off', consented: [] } });
    expect(liAck.data.self).toEqual({
      peerId: peers.li.peerId,
      userId: await userId(c.li),
      name: '李四',
      role: 'party',
      label: '被申请人',
      partyId: c.parties.li,
    });
    expect(liAck.data.peers.map((p: any) => [p.role, p.label])).toEqual([
      ['mediator', '调解员'],
      ['party', '申请人'],
    ]);
    expect(liAck.data.peers[1]).toMatchObject({ partyId: c.parties.zhang, name: expect.any(String) });
    expect(liAck.data.groups).toEqual([[peers.mediator.peerId, peers.zhang.peerId, peers.li.peerId]]);
    await waitFor(() =>
      peers.mediator.socket.of('call:peer-joined').some((e) => e.peer.peerId === peers.li.peerId),
    );
    expect(peers.mediator.socket.of('call:peer-joined')[0].peer).toMatchObject({
      peerId: peers.zhang.peerId,
      role: 'party',
    });
    expect(peers.mediator.socket.of('call:peer-joined')[0].groups).toEqual([
      [peers.mediator.peerId, peers.zhang.peerId],
    ]);

    const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
    const sent = await peers.mediator.socket.ack('call:signal', {
      sessionId: c.sessionId,
      to: peers.zhang.peerId,
      description: offer,
    });
    expect(sent).toEqual({ ok: true, data: { relayed: true } });
    const got = await waitFor(() => peers.zhang.socket.of('call:signal')[0]);
    expect(got).toEqual({ sessionId: c.sessionId, from: peers.mediator.peerId, description: offer });
    const cand = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0' };
    expect(
      (
        await peers.zhang.socket.ack('call:signal', {
          sessionId: c.sessionId,
          to: peers.mediator.peerId,
          candidate: cand,
        })
      ).ok,
    ).toBe(true);
    await waitFor(() => peers.mediator.socket.of('call:signal').some((s) => s.candidate?.sdpMid === '0'));
    expect(
      await peers.zhang.socket.ack('call:signal', { sessionId: c.sessionId, to: peers.li.peerId }),
    ).toMatchObject(refused('VALIDATION_FAILED'));
  });

  it("refuses outsiders' joins and signals, whatever ids they send", async () => {
    const stranger = await open(outsider);
    expect(await stranger.ack('call:join', { sessionId: c.sessionId })).toMatchObject(refused('NOT_FOUND'));
    const colleague = await open(await staff(t, 'js_mediator2'));
    expect(await colleague.ack('call:join', { sessionId: c.sessionId })).toMatchObject(refused('FORBIDDEN'));
    const judge = await open(await staff(t, 'judge1'));
    expect(await judge.ack('call:join', { sessionId: c.sessionId })).toMatchObject(refused('NOT_FOUND'));
    for (const s of [stranger, colleague, judge]) {
      const r = await s.ack('call:signal', {
        sessionId: c.sessionId,
        to: peers.zhang.peerId,
        description: { type: 'offer', sdp: 'x' },
      });
      expect(r).toMatchObject(refused('NOT_FOUND'));
      expect(await s.ack('call:mode', { sessionId: c.sessionId, mode: 'joint' })).toMatchObject(
        refused('NOT_FOUND'),
      );
    }
    expect(await stranger.ack('call:join', { sessionId: c.caseId })).toMatchObject(refused('NOT_FOUND'));
    expect(await stranger.ack('call:join', { sessionId: 'nope' })).toMatchObject(
      refused('VALIDATION_FAILED'),
    );
    expect(peers.zhang.socket.of('call:signal')).toHaveLength(1);
  });

  it('refuses a join while a party has not consented to online mediation', async () => {
    await t.db
      .raw(t.db.db)
      .query(`delete from party_consents where dispute_id = $1 and party_id = $2`, [c.caseId, c.parties.li]);
    const second = await open(c.mediator);
    const r = await second.ack('call:join', { sessionId: c.sessionId });
    expect(r).toMatchObject(refused('ONLINE_CONSENT_REQUIRED'));
    expect(r.error.message).toContain('李四');
    expectStatus(await c.li.post(`/cases/${c.caseId}/consents/online`), 200);
  });

  it('separates the groups in caucus: peers are closed, cross-group signals refused; joint restores one group', async () => {
    const { mediator, zhang, li } = peers;
    expect(
      await li.socket.ack('call:mode', { sessionId: c.sessionId, mode: 'caucus', with: c.parties.li }),
    ).toMatchObject(refused('FORBIDDEN'));
    expect(
      await mediator.socket.ack('call:mode', { sessionId: c.sessionId, mode: 'caucus', with: c.caseId }),
    ).toMatchObject(refused('VALIDATION_FAILED'));
    const r = await mediator.socket.ack('call:mode', {
      sessionId: c.sessionId,
      mode: 'caucus',
      with: c.parties.zhang,
    });
    expect(r.data).toEqual({
      mode: 'caucus',
      with: c.parties.zhang,
      groups: [[mediator.peerId, zhang.peerId], [li.peerId]],
    });
    const closed = (s: RecordingSocket) =>
      s
        .of('call:close-peer')
        .map((e) => e.peerId)
        .sort();
    await waitFor(() => li.socket.of('call:mode').length === 1);
    expect(closed(li.socket)).toEqual([mediator.peerId, zhang.peerId].sort());
    expect(closed(mediator.socket)).toEqual([li.peerId]);
    expect(closed(zhang.socket)).toEqual([li.peerId]);
    expect(li.socket.of('call:mode')[0]).toMatchObject({ mode: 'caucus', with: c.parties.zhang });
    const offer = { type: 'offer', sdp: 'v=0' };
    for (const [from, to] of [
      [zhang, li],
      [li, zhang],
      [li, mediator],
      [mediator, li],
    ])
      expect(
        await from.socket.ack('call:signal', { sessionId: c.sessionId, to: to.peerId, description: offer }),
      ).toMatchObject(refused('FORBIDDEN'));
    expect(
      (
        await zhang.socket.ack('call:signal', {
          sessionId: c.sessionId,
          to: mediator.peerId,
          description: offer,
        })
      ).ok,
    ).toBe(true);

    const back = await mediator.socket.ack('call:mode', { sessionId: c.sessionId, mode: 'joint' });
    expect(back.data).toEqual({ mode: 'joint', groups: [[mediator.peerId, zhang.peerId, li.peerId]] });
    await waitFor(() => li.socket.of('call:mode').length === 2);
    expect(
      (await li.socket.ack('call:signal', { sessionId: c.sessionId, to: zhang.peerId, description: offer }))
        .ok,
    ).toBe(true);
  });

  it('gives a reconnecting participant a new peerId; the others see it leave and join', async () => {
    const old = peers.li;
    old.socket.close();
    await waitFor(() => peers.mediator.socket.of('call:peer-left').some((e) => e.peerId === old.peerId));
    peers.li = await joinCall(t.url, c.li, c.sessionId, sockets);
    expect(peers.li.peerId > old.peerId).toBe(true);
    await waitFor(() =>
      peers.zhang.socket.of('call:peer-joined').some((e) => e.peer.peerId === peers.li.peerId),
    );
  });

  it('admits staff the mediator invited, and refuses the seventh participant', async () => {
    const invitees = await c.mediator.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitees`);
    expectStatus(invitees, 200);
    const judgeId = await userId(await staff(t, 'judge1'));
    expect(invitees.body.staff.map((s: any) => s.id)).toContain(judgeId);
    expectStatus(
      await c.zhang.post(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`, { userId: judgeId }),
      403,
    );
    expectStatus(
      await c.mediator.post(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`, {
        userId: await userId(c.zhang),
      }),
      400,
    );
    const invited = await c.mediator.post(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`, {
      userId: judgeId,
    });
    expectStatus(invited, 200);
    expect(invited.body).toMatchObject({ userId: judgeId, roleLabel: '调解法官' });
    const list = await c.zhang.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`);
    expect(list.body.invitations.map((i: any) => i.userId)).toEqual([judgeId]);
    // the judge is told in the inbox, and the entry names the session (it opens the call)
    const inbox = await (await staff(t, 'judge1')).get('/notifications');
    expectStatus(inbox, 200);
    expect(inbox.body.items.filter((n: any) => n.kind === 'call_invitation')).toEqual([
      expect.objectContaining({ disputeId: null, sessionId: c.sessionId, title: '视频调解邀请' }),
    ]);

    peers.judge = await joinCall(t.url, await staff(t, 'judge1'), c.sessionId, sockets);
    await waitFor(() => peers.li.socket.of('call:peer-joined').some((e) => e.peer.role === 'invited'));
    const more = ['official1', 'clerk1', 'js_mediator2'];
    for (const name of more) {
      const id = await userId(await staff(t, name));
      expectStatus(
        await c.mediator.post(`/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`, { userId: id }),
        200,
      );
    }
    const official = await joinCall(t.url, await staff(t, 'official1'), c.sessionId, sockets);
    const clerk = await joinCall(t.url, await staff(t, 'clerk1'), c.sessionId, sockets);
    const seventh = await open(await staff(t, 'js_mediator2'));
    const r = await seventh.ack('call:join', { sessionId: c.sessionId });
    expect(r).toMatchObject(refused('CALL_FULL'));
    expect(r.error.message).toContain('6 人');
    for (const p of [official, clerk])
      expect(await p.socket.ack('call:leave', { sessionId: c.sessionId })).toEqual({
        ok: true,
        data: { left: true },
      });
    await waitFor(() => peers.mediator.socket.of('call:peer-left').some((e) => e.peerId === clerk.peerId));
  });

  it('keeps the call on the session record: joins and leaves, mode switches; in the session list and as a PDF', async () => {
    // joins and leaves are written after their acks, in order: wait for the last leave to be on the record
    const r = await recordWhere(
      c.zhang,
      (b) => b.participants.filter((p: any) => p.role === 'invited' && p.leftAt !== null).length === 2,
    );
    expect(r.body.modeSwitches.map((m: any) => [m.mode, m.with])).toEqual([
      ['caucus', c.parties.zhang],
      ['joint', null],
    ]);
    const left = r.body.participants.filter((p: any) => p.leftAt !== null);
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(r.body.participants.some((p: any) => p.role === 'invited' && p.leftAt === null)).toBe(true);
    expectStatus(await outsider.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`), 404);
    const listed = await c.mediator.get(`/cases/${c.caseId}/sessions`);
    const session = listed.body.sessions.find((x: any) => x.id === c.sessionId);
    expect(session.call.modeSwitches).toHaveLength(2);
    const pdf = await fetch(`${t.url}/api/cases/${c.caseId}/sessions/${c.sessionId}/call-record.pdf`, {
      headers: { authorization: `Bearer ${c.mediator.token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
