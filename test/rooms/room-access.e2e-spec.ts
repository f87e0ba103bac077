import { expectStatus } from '../support/http-client';
import { staff } from '../support/factories';
import { waitFor } from '../support/socket-client';
import { DOCX, PNG_1PX, download, pdfFile, upload } from './support/evidence-files';
import { MediatingCase, RecordingSocket, mediatingCase, sleep } from './support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from './support/rooms-app';

/**
 * Case rooms are authorised against the case on every join, send, history read and download: a party never
 * reaches the other party's caucus (背对背) room; a mediator replaced on the case is removed from its rooms at once.
 */
describe('case room access (e2e)', () => {
  let t: RoomsTestApp;
  let c: MediatingCase;
  const sockets: RecordingSocket[] = [];
  const open = async (token: string) => {
    const s = await RecordingSocket.open(t.url, token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await mediatingCase(t);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it("keeps each party out of the other party's caucus: socket, history, send, upload and download", async () => {
    const li = await open(c.li.token!);
    expect((await li.ack('room:join', { roomId: c.rooms.caucusLi })).ok).toBe(true);
    const sent = await li.ack('message:send', {
      roomId: c.rooms.caucusLi,
      clientMsgId: 'li-1',
      body: '私下说：我最多赔 2000 元。',
    });
    expect(sent.ok).toBe(true);
    const evidence = await upload(t.url, c.li.token!, c.rooms.caucusLi, {
      data: await pdfFile(),
      name: '维修报价单.pdf',
      type: 'application/pdf',
    });
    expectStatus(evidence, 201);
    const attachmentId = evidence.body.message.attachment.id;

    const zhang = await open(c.zhang.token!);
    for (const roomId of [c.rooms.caucusLi, c.rooms.staff]) {
      expect(await zhang.ack('room:join', { roomId, lastSeq: 0 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await zhang.ack('message:send', { roomId, clientMsgId: 'z-x', body: '偷看一下' })).toMatchObject(
        { ok: false, error: { code: 'NOT_FOUND' } },
      );
      expect(await zhang.ack('message:read', { roomId, seq: 1 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expectStatus(await c.zhang.get(`/rooms/${roomId}/messages`), 404);
      expectStatus(await c.zhang.get(`/rooms/${roomId}/messages?afterSeq=0`), 404);
      expectStatus(await c.zhang.get(`/rooms/${roomId}/reads`), 404);
      expectStatus(await upload(t.url, c.zhang.token!, roomId, { data: PNG_1PX, name: 'x.png' }), 404);
    }
    expect(await zhang.ack('typing', { roomId: c.rooms.caucusLi, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await zhang.ack('presence:list', { roomId: c.rooms.caucusLi })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // the attachment: not through li's room, and not by naming it under zhang's own room either
    expect((await download(t.url, c.zhang.token!, c.rooms.caucusLi, attachmentId)).status).toBe(404);
    expect((await download(t.url, c.zhang.token!, c.rooms.caucusZhang, attachmentId)).status).toBe(404);
    expect((await download(t.url, c.zhang.token!, c.rooms.joint, attachmentId)).status).toBe(404);
    // nothing of li's caucus reached zhang's socket
    await sleep(100);
    expect(zhang.of('message:new').filter((m) => m.roomId === c.rooms.caucusLi)).toEqual([]);

    // the mediator and li may download it, as the type found by content, as an attachment
    for (const client of [c.mediator, c.li]) {
      const d = await download(t.url, client.token!, c.rooms.caucusLi, attachmentId);
      expect(d.status).toBe(200);
      expect(d.headers.get('content-type')).toBe('application/pdf');
      expect(d.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''%E7%BB%B4%E4%BF%AE%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf",
      );
      expect(d.headers.get('x-content-type-options')).toBe('nosniff');
      expect(d.data.subarray(0, 5).toString()).toBe('%PDF-');
    }
    // zhang's own caucus works, and the joint room shows the session mode
    expect((await zhang.ack('room:join', { roomId: c.rooms.caucusZhang })).ok).toBe(true);
    const joint = await zhang.ack('room:join', { roomId: c.rooms.joint });
    expect(joint.data.sessionMode).toBe('joint');
  });

  it('keeps mediators of the same body who are not on the case out of its rooms', async () => {
    const other = await staff(t, 'js_mediator2');
    const s = await open(other.token!);
    expect(await s.ack('room:join', { roomId: c.rooms.joint })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expectStatus(await other.get(`/rooms/${c.rooms.caucusZhang}/messages`), 404);
  });

  it('re-checks a remembered send authorisation when the case changes: back-to-back pauses the joint room at once', async () => {
    const zhang = await open(c.zhang.token!);
    expect((await zhang.ack('room:join', { roomId: c.rooms.joint })).ok).toBe(true);
    // several sends: the later ones go through the remembered authorisation
    for (const i of [1, 2, 3]) {
      expect(
        (
          await zhang.ack('message:send', {
            roomId: c.rooms.joint,
            clientMsgId: `cached-${i}`,
            body: `第 ${i} 条`,
          })
        ).ok,
      ).toBe(true);
    }
    let view = (await c.mediator.get(`/cases/${c.caseId}`)).body;
    expectStatus(
      await c.mediator.post(`/cases/${c.caseId}/mode`, { version: view.version, mode: 'caucus' }),
      200,
    );
    // the very next send is refused, though nothing else was sent in between and no socket event was awaited
    expect(
      await zhang.ack('message:send', {
        roomId: c.rooms.joint,
        clientMsgId: 'cached-4',
        body: '还能在联合室说话吗',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (
        await zhang.ack('message:send', {
          roomId: c.rooms.caucusZhang,
          clientMsgId: 'cached-5',
          body: '在背对背室说',
        })
      ).ok,
    ).toBe(true);
    const history = (await c.mediator.get(`/rooms/${c.rooms.joint}/messages?afterSeq=0`)).body;
    const ids = (history.messages ?? history).map((m: any) => m.clientMsgId);
    expect(ids).toEqual(expect.arrayContaining(['cached-1', 'cached-2', 'cached-3']));
    expect(ids).not.toContain('cached-4');
    view = (await c.mediator.get(`/cases/${c.caseId}`)).body;
    expectStatus(
      await c.mediator.post(`/cases/${c.caseId}/mode`, { version: view.version, mode: 'joint' }),
      200,
    );
    expect(
      (
        await zhang.ack('message:send', {
          roomId: c.rooms.joint,
          clientMsgId: 'cached-6',
          body: '回到联合室',
        })
      ).ok,
    ).toBe(true);
  });

  it("refuses a replaced mediator's next send even when it was remembered as allowed", async () => {
    const old = await open(c.mediator.token!);
    expect(
      (
        await old.ack('message:send', {
          roomId: c.rooms.staff,
          clientMsgId: 'old-cached-1',
          body: '工作人员室：先记一笔',
        })
      ).ok,
    ).toBe(true);
    const stranger = await staff(t, 'js_mediator2');
    const strangerId = (await stranger.get('/auth/me')).body.id;
    const view = (await c.admin.get(`/cases/${c.caseId}`)).body;
    expectStatus(
      await c.admin.post(`/cases/${c.caseId}/assign`, { version: view.version, mediatorId: strangerId }),
      200,
    );
    expect(
      await old.ack('message:send', {
        roomId: c.rooms.staff,
        clientMsgId: 'old-cached-2',
        body: '我还能发吗',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const history = (await stranger.get(`/rooms/${c.rooms.staff}/messages?afterSeq=0`)).body;
    const ids = (history.messages ?? history).map((m: any) => m.clientMsgId);
    expect(ids).toContain('old-cached-1');
    expect(ids).not.toContain('old-cached-2');
    // put the original mediator back for the tests that follow
    const again = (await c.admin.get(`/cases/${c.caseId}`)).body;
    const originalId = (await c.mediator.get('/auth/me')).body.id;
    expectStatus(
      await c.admin.post(`/cases/${c.caseId}/assign`, { version: again.version, mediatorId: originalId }),
      200,
    );
  });

  it('removes a replaced mediator from every room of the case at once', async () => {
    const old = await open(c.mediator.token!);
    const joined = [c.rooms.joint, c.rooms.caucusZhang, c.rooms.staff];
    for (const roomId of joined) expect((await old.ack('room:join', { roomId })).ok).toBe(true);
    const zhang = await open(c.zhang.token!);
    expect((await zhang.ack('room:join', { roomId: c.rooms.joint })).ok).toBe(true);

    const next = await staff(t, 'js_mediator2');
    const nextId = (await next.get('/auth/me')).body.id;
    const view = (await c.admin.get(`/cases/${c.caseId}`)).body;
    expectStatus(
      await c.admin.post(`/cases/${c.caseId}/assign`, { version: view.version, mediatorId: nextId }),
      200,
    );

    // told once per room it was in, with the reason; presence tells the others
    await waitFor(() => old.of('room:removed').length >= joined.length);
    expect(
      old
        .of('room:removed')
        .map((e) => e.roomId)
        .sort(),
    ).toEqual([...joined].sort());
    expect(old.of('room:removed').every((e) => e.reason === 'case_changed')).toBe(true);
    await waitFor(() =>
      zhang.of('presence:changed').find((p) => p.online === false && p.roomId === c.rooms.joint),
    );

    // nothing more reaches the old mediator, and every way back in is refused
    const before = old.of('message:new').length;
    expect(
      (
        await zhang.ack('message:send', {
          roomId: c.rooms.joint,
          clientMsgId: 'after-reassign',
          body: '换了调解员吗？',
        })
      ).ok,
    ).toBe(true);
    await sleep(200);
    expect(old.of('message:new').length).toBe(before);
    expect(
      await old.ack('message:send', { roomId: c.rooms.joint, clientMsgId: 'old-1', body: '我还在吗' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await old.ack('room:join', { roomId: c.rooms.joint })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await old.ack('typing', { roomId: c.rooms.joint, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expectStatus(await c.mediator.get(`/rooms/${c.rooms.joint}/messages`), 404);

    // the new mediator is in, and sees the whole record of the room
    const s = await open(next.token!);
    const j = await s.ack('room:join', { roomId: c.rooms.joint, lastSeq: 0 });
    expect(j.ok).toBe(true);
    expect(j.data.messages.map((m: any) => m.clientMsgId)).toContain('after-reassign');
    expect((await s.ack('room:join', { roomId: c.rooms.caucusZhang })).ok).toBe(true);
  });

  it('lists my rooms with unread counts, and accepts Office files as evidence', async () => {
    const zhangRooms = (await c.zhang.get('/rooms/mine')).body;
    expect(zhangRooms.caseRooms.map((r: any) => r.id).sort()).toEqual(
      [c.rooms.joint, c.rooms.caucusZhang].sort(),
    );
    const doc = await upload(t.url, c.zhang.token!, c.rooms.caucusZhang, {
      data: DOCX(),
      name: '情况说明',
      type: 'text/plain',
    });
    expectStatus(doc, 201);
    expect(doc.body.message.attachment).toMatchObject({
      fileName: '情况说明.docx',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const admin = (await c.admin.get('/rooms/mine')).body.caseRooms.find(
      (r: any) => r.id === c.rooms.caucusZhang,
    );
    expect(admin.unread).toBe(admin.lastSeq);
    expectStatus(await c.admin.post(`/rooms/${c.rooms.caucusZhang}/reads`, { seq: admin.lastSeq }), 200);
    expect(
      (await c.admin.get('/rooms/mine')).body.caseRooms.find((r: any) => r.id === c.rooms.caucusZhang).unread,
    ).toBe(0);
  });
});
