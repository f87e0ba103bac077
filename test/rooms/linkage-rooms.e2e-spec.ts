import { eq } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { HttpClient, expectStatus } from '../support/http-client';
import { appliedCase, staff } from '../support/factories';
import { waitFor } from '../support/socket-client';
import { RecordingSocket, sleep } from './support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from './support/rooms-app';

const me = async (c: HttpClient) => (await c.get('/auth/me')).body as { id: string; orgId: string };

/**
 * Court–government linkage rooms (府院联动): explicit members from several organisations, invited by person or
 * by organisation; only members reach the room; a removed member is disconnected from it at once; hosts record
 * minutes, members export them.
 */
describe('linkage rooms (e2e)', () => {
  let t: RoomsTestApp;
  let judge: HttpClient;
  let official: HttpClient;
  let admin: HttpClient;
  let outsider: HttpClient;
  let roomId: string;
  const sockets: RecordingSocket[] = [];
  const open = async (c: HttpClient) => {
    const s = await RecordingSocket.open(t.url, c.token!);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startRoomsApp();
    [judge, official, admin, outsider] = await Promise.all(
      ['judge1', 'official1', 'admin', 'js_mediator'].map((u) => staff(t, u)),
    );
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('creates a room on a standing topic with members invited by person and by organisation', async () => {
    const [o, a] = await Promise.all([me(official), me(admin)]);
    const r = await judge.post('/rooms/linkage', {
      title: '征收补偿行政争议会商',
      topic: '行政争议实质化解常态化会商',
      userIds: [o.id],
      orgIds: [a.orgId],
    });
    expectStatus(r, 201);
    roomId = r.body.id;
    expect(r.body).toMatchObject({
      kind: 'linkage',
      topic: '行政争议实质化解常态化会商',
      dispute: null,
      myRole: 'host',
    });
    const members = r.body.members.map((m: any) => [m.name, m.role, m.viaOrgId]);
    expect(members).toEqual(
      expect.arrayContaining([
        ['许法官', 'host', null],
        ['蒋科长', 'member', null],
        ['周区管', 'member', a.orgId],
      ]),
    );
    expect((await official.get('/rooms/mine')).body.linkageRooms.map((x: any) => x.id)).toEqual([roomId]);
    expect((await outsider.get('/rooms/mine')).body.linkageRooms).toEqual([]);
  });

  it('refuses creators and invitees who may not take part, and bad links', async () => {
    expectStatus(await outsider.post('/rooms/linkage', { title: 'x', topic: 'y' }), 403);
    const { party, caseId } = await appliedCase(t);
    expectStatus(await party.post('/rooms/linkage', { title: 'x', topic: 'y' }), 403);
    const partyId = (await me(party)).id;
    const bad = await judge.post(`/rooms/${roomId}/members`, { userIds: [partyId] });
    expectStatus(bad, 400);
    expect(bad.body.error.details.unknown).toEqual([partyId]);
    expectStatus(await judge.post('/rooms/linkage', { title: 'x' }), 400);
    expectStatus(await judge.post('/rooms/linkage', { title: '会\u0000商', topic: 'y' }), 400);
    expectStatus(await judge.request('DELETE', `/rooms/${roomId}/members/${partyId}?reason=%00`), 400);
    expectStatus(await judge.post('/rooms/linkage', { title: 'x', topic: 'y', disputeId: caseId }), 400);
    // tied to a dispute: only an administrative one
    const peoples = await judge.post('/rooms/linkage', { title: '会商', disputeId: caseId });
    expectStatus(peoples, 400);
    await t.db.db
      .update(schema.disputes)
      .set({ kind: 'administrative' })
      .where(eq(schema.disputes.id, caseId));
    const ok = await judge.post('/rooms/linkage', { title: '会商', disputeId: caseId });
    expectStatus(ok, 201);
    expect(ok.body.dispute.id).toBe(caseId);
    // a member cannot invite (only hosts)
    expectStatus(
      await official.post(`/rooms/${roomId}/members`, { userIds: [(await me(outsider)).id] }),
      403,
    );
  });

  it('lets only members in: join, history, members and minutes', async () => {
    const s = await open(outsider);
    expect(await s.ack('room:join', { roomId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.ack('message:send', { roomId, clientMsgId: 'o1', body: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const path of ['/messages', '/members', '/minutes', '/minutes/export', '/reads'])
      expectStatus(await outsider.get(`/rooms/${roomId}${path}`), 404);
    expectStatus(await outsider.get(`/rooms/linkage/${roomId}`), 404);
  });

  it('carries messages between members, records minutes (hosts) and exports them (members)', async () => {
    const [js, os, as] = [await open(judge), await open(official), await open(admin)];
    for (const s of [js, os, as]) expect((await s.ack('room:join', { roomId })).ok).toBe(true);
    const sent = await os.ack('message:send', {
      roomId,
      clientMsgId: 'o-1',
      body: '人社局意见：可先行支付部分补偿 <b>款</b>。',
    });
    expect(sent.ok).toBe(true);
    await waitFor(() => as.of('message:new').find((m) => m.clientMsgId === 'o-1'));
    const presence = await js.ack('presence:list', { roomId });
    expect(presence.data.users.map((u: any) => u.name).sort()).toEqual(['周区管', '蒋科长', '许法官'].sort());

    expectStatus(
      await official.post(`/rooms/${roomId}/minutes`, { clientMsgId: 'm0', body: '成员不能记录纪要' }),
      403,
    );
    const minute = await judge.post(`/rooms/${roomId}/minutes`, {
      clientMsgId: 'm1',
      body: '一、各方同意先行支付 50% 补偿款。\n二、下次会商 <script>alert(1)</script> 定于下周三。',
    });
    expectStatus(minute, 201);
    expect(minute.body.message.kind).toBe('minutes');
    const again = await judge.post(`/rooms/${roomId}/minutes`, {
      clientMsgId: 'm1',
      body: '一、各方同意先行支付 50% 补偿款。',
    });
    expect(again.body).toMatchObject({ duplicate: true, message: { seq: minute.body.message.seq } });
    await waitFor(() => os.of('message:new').find((m) => m.kind === 'minutes'));

    const md = await official.request('GET', `/rooms/${roomId}/minutes/export?format=md`);
    expectStatus(md, 200);
    expect(md.body).toContain('# 府院联动会议纪要：征收补偿行政争议会商');
    expect(md.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md.body).not.toContain('<script>');
    expect(md.body).toContain('| 许法官 |');
    const csv = await fetch(`${t.url}/api/rooms/${roomId}/minutes/export?format=csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('许法官');
    const pdf = await fetch(`${t.url}/api/rooms/${roomId}/minutes/export?format=pdf`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expectStatus(await admin.get(`/rooms/${roomId}/minutes/export?format=docx`), 400);
  });

  it('disconnects a removed member from the room at once, and keeps them out', async () => {
    const os = await open(official);
    expect((await os.ack('room:join', { roomId })).ok).toBe(true);
    const js = await open(judge);
    expect((await js.ack('room:join', { roomId })).ok).toBe(true);
    const o = await me(official);

    const removed = await judge.request(
      'DELETE',
      `/rooms/${roomId}/members/${o.id}?reason=${encodeURIComponent('不再参与本议题')}`,
    );
    expectStatus(removed, 200);
    expect(removed.body.removed).toEqual([o.id]);
    await waitFor(() => os.of('room:removed').find((e) => e.roomId === roomId && e.reason === 'removed'));
    await waitFor(() => js.of('presence:changed').find((p) => p.userId === o.id && p.online === false));
    expect(
      js
        .of('message:new')
        .find((m) => m.kind === 'system' && m.body.includes('蒋科长') && m.body.includes('不再参与本议题')),
    ).toBeTruthy();

    const before = os.of('message:new').length;
    expect((await js.ack('message:send', { roomId, clientMsgId: 'j-after', body: '继续会商。' })).ok).toBe(
      true,
    );
    await sleep(200);
    expect(os.of('message:new').length).toBe(before);
    expect(
      await os.ack('message:send', { roomId, clientMsgId: 'o-after', body: '我还能说吗' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await os.ack('room:join', { roomId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectStatus(await official.get(`/rooms/${roomId}/messages`), 404);
    expect((await official.get('/rooms/mine')).body.linkageRooms).toEqual([]);
    const all = (await judge.get(`/rooms/${roomId}/members?includeRemoved=true`)).body;
    expect(all.find((m: any) => m.userId === o.id).removedAt).not.toBeNull();

    // re-invited, they are back in
    expectStatus(await judge.post(`/rooms/${roomId}/members`, { userIds: [o.id] }), 200);
    expect((await os.ack('room:join', { roomId })).ok).toBe(true);
  });

  it('removes a whole organisation and always keeps a host', async () => {
    const a = await me(admin);
    const as = await open(admin);
    expect((await as.ack('room:join', { roomId })).ok).toBe(true);
    expectStatus(await judge.request('DELETE', `/rooms/${roomId}/orgs/${a.orgId}`), 200);
    await waitFor(() => as.of('room:removed').find((e) => e.roomId === roomId));
    expectStatus(await admin.get(`/rooms/linkage/${roomId}`), 404);
    const j = await me(judge);
    const last = await judge.request('DELETE', `/rooms/${roomId}/members/${j.id}`);
    expectStatus(last, 409);
    expect(last.body.error.code).toBe('CONFLICT');
    expectStatus(await judge.request('DELETE', `/rooms/${roomId}/members/${a.id}`), 404);
  });
});
