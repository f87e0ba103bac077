import { expectStatus } from '../support/http-client';
import { waitFor } from '../support/socket-client';
import { PNG_1PX, download, pdfFile, upload, zipOf } from './support/evidence-files';
import { MediatingCase, RecordingSocket, mediatingCase } from './support/room-fixtures';
import { DEFAULT_ROOM_LIMITS } from '../../apps/api/src/gateway/room-limits';
import { RoomsTestApp, startRoomsApp } from './support/rooms-app';

/** Refusals come back as clear error acks (or `error` events); text stays text; uploads are checked by content and size. */
describe('room limits, receipts, typing and presence (e2e)', () => {
  let t: RoomsTestApp;
  let c: MediatingCase;
  const sockets: RecordingSocket[] = [];
  const open = async (token: string) => {
    const s = await RecordingSocket.open(t.url, token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    // 10 messages per socket, refilled over 60 s here (the default refills over 5 s, see token-bucket.spec.ts), so a
    // slow machine cannot refill a token in the middle of the burst and make the count flaky
    t = await startRoomsApp({
      roomLimits: { messages: { count: 10, windowMs: 60_000 }, typing: DEFAULT_ROOM_LIMITS.typing },
    });
    c = await mediatingCase(t);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('rate-limits each socket (a bucket of 10 messages) with RATE_LIMITED and a retry hint', async () => {
    const s = await open(c.zhang.token!);
    const acks = await Promise.all(
      Array.from({ length: 13 }, (_, i) =>
        s.ack('message:send', { roomId: c.rooms.joint, clientMsgId: `burst-${i}`, body: `第 ${i} 条` }),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(10);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.error.code).toBe('RATE_LIMITED');
      expect(r.error.details.retryAfterMs).toBeGreaterThan(0);
      expect(r.error.details.retryAfterMs).toBeLessThanOrEqual(6000);
      expect(r.error.details).toMatchObject({ limit: 10, windowMs: 60_000 });
    }
    // another connection has its own bucket; without an ack the refusal arrives as an `error` event
    const other = await open(c.zhang.token!);
    expect(
      (await other.ack('message:send', { roomId: c.rooms.joint, clientMsgId: 'other-1', body: '另一个窗口' }))
        .ok,
    ).toBe(true);
    s.socket.emit('message:send', { roomId: c.rooms.joint, clientMsgId: 'no-ack', body: '没有回执' });
    await waitFor(() => s.of('error').find((e) => e.code === 'RATE_LIMITED' && e.event === 'message:send'));
    // refused sends were not stored
    const stored = (await c.mediator.get(`/rooms/${c.rooms.joint}/messages?limit=200`)).body.map(
      (m: any) => m.clientMsgId,
    );
    expect(stored.filter((id: string) => id?.startsWith('burst-'))).toHaveLength(10);
    expect(stored).not.toContain('no-ack');
  });

  it('refuses oversize and malformed messages and keeps text as text', async () => {
    const s = await open(c.mediator.token!);
    const send = (clientMsgId: unknown, body: unknown) =>
      s.ack('message:send', { roomId: c.rooms.joint, clientMsgId, body });
    expect(await send('big', 'x'.repeat(5001))).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await send('nul', 'a\u0000b')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send('blank', '   ')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send('x'.repeat(65), 'hi')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await send(7, 'hi')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await s.ack('message:send', 'nonsense')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await s.ack('message:read', { roomId: c.rooms.joint, seq: 1e9 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const html = '<img src=x onerror="alert(1)"> & <b>加粗</b>';
    const r = await send('html', html);
    expect(r.ok).toBe(true);
    const page = await c.mediator.request('GET', `/rooms/${c.rooms.joint}/messages?limit=1`);
    expect(page.body[0].body).toBe(html);
    expectStatus(await c.mediator.get(`/rooms/${c.rooms.joint}/messages?beforeSeq=5&afterSeq=1`), 400);
    expectStatus(await c.mediator.get(`/rooms/${c.rooms.joint}/messages?limit=abc`), 400);
  });

  it("checks uploads by content and size, never by the client's name or type", async () => {
    const token = c.zhang.token!;
    const room = c.rooms.caucusZhang;
    const refuse = async (
      file: { data: Buffer; name: string; type?: string },
      status: number,
      code: string,
    ) => {
      const r = await upload(t.url, token, room, file);
      expectStatus(r, status);
      expect(r.body.error.code).toBe(code);
      return r;
    };
    const r1 = await refuse(
      { data: Buffer.from('这不是 PDF，只是文本'), name: '证据.pdf', type: 'application/pdf' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(r1.body.error.details.accepted).toContain('application/pdf');
    await refuse(
      { data: Buffer.from('<html><script>alert(1)</script></html>'), name: 'a.png', type: 'image/png' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await refuse({ data: zipOf({ 'evil.exe': 'MZ' }), name: 'a.docx' }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    await refuse(
      { data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), name: 'a.jpg', type: 'image/jpeg' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await refuse({ data: big, name: 'huge.png', type: 'image/png' }, 413, 'PAYLOAD_TOO_LARGE');
    expect(tooBig.body.error.details.maxBytes).toBe(10 * 1024 * 1024);
    await refuse({ data: Buffer.alloc(0), name: 'empty.png' }, 400, 'VALIDATION_FAILED');
    expectStatus(await upload(t.url, token, room, { data: PNG_1PX, name: 'a.png' }, null), 400);
    const json = await c.zhang.post(`/rooms/${room}/attachments`, { file: 'x' });
    expectStatus(json, 415);

    // a real PNG that claims to be HTML: accepted as what it is, renamed to match
    const ok = await upload(
      t.url,
      token,
      room,
      { data: PNG_1PX, name: '../../evil.html', type: 'text/html' },
      'png-1',
    );
    expectStatus(ok, 201);
    expect(ok.body.message).toMatchObject({
      kind: 'attachment',
      body: 'evil.png',
      attachment: { fileName: 'evil.png', mime: 'image/png', size: PNG_1PX.length },
    });
    const again = await upload(
      t.url,
      token,
      room,
      { data: PNG_1PX, name: 'evil.png', type: 'image/png' },
      'png-1',
    );
    expect(again.body).toMatchObject({ duplicate: true, message: { seq: ok.body.message.seq } });
    // another file under the same clientMsgId is not a resend: refused like a reused message key
    const other = await upload(t.url, token, room, { data: await pdfFile(), name: 'b.pdf' }, 'png-1');
    expectStatus(other, 409);
    expect(other.body.error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      details: { field: 'clientMsgId' },
    });
    const texted = await open(token);
    expect((await texted.ack('message:send', { roomId: room, clientMsgId: 'text-1', body: '文字' })).ok).toBe(
      true,
    );
    const onText = await upload(t.url, token, room, { data: PNG_1PX, name: 'c.png' }, 'text-1');
    expectStatus(onText, 409);
    expect(onText.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const d = await download(t.url, c.mediator.token!, room, ok.body.message.attachment.id);
    expect(d.headers.get('content-type')).toBe('image/png');
    expect(d.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(d.data.equals(PNG_1PX)).toBe(true);
    const history = (await c.mediator.get(`/rooms/${room}/messages`)).body;
    expect(history.filter((m: any) => m.kind === 'attachment').map((m: any) => m.attachment.id)).toEqual([
      ok.body.message.attachment.id,
    ]);
  });

  it('shares read receipts, typing and presence with the others in the room', async () => {
    const room = c.rooms.joint;
    const med = await open(c.mediator.token!);
    const j1 = await med.ack('room:join', { roomId: room });
    expect(j1.ok).toBe(true);
    const li = await open(c.li.token!);
    expect(await li.ack('typing', { roomId: room, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const j2 = await li.ack('room:join', { roomId: room });
    await waitFor(() => med.of('presence:changed').find((p) => p.online && p.name === '李四'));
    const presence = await med.ack('presence:list', { roomId: room });
    expect(presence.data.users.map((u: any) => u.name).sort()).toEqual(['李四', '李调解'].sort());

    expect((await li.ack('typing', { roomId: room, typing: true })).ok).toBe(true);
    await waitFor(() =>
      med.of('typing').find((e) => e.roomId === room && e.name === '李四' && e.typing === true),
    );
    expect(li.of('typing')).toEqual([]); // not echoed to the typist
    expect(await li.ack('typing', { roomId: room, typing: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    const last = j2.data.messages.at(-1).seq;
    expect(await li.ack('message:read', { roomId: room, seq: last })).toMatchObject({
      ok: true,
      data: { seq: last, advanced: true },
    });
    await waitFor(() => med.of('message:read').find((r) => r.name === '李四' && r.lastReadSeq === last));
    expect(await li.ack('message:read', { roomId: room, seq: last - 1 })).toMatchObject({
      ok: true,
      data: { advanced: false },
    });
    const reads = (await c.mediator.get(`/rooms/${room}/reads`)).body;
    expect(reads.find((r: any) => r.name === '李四').lastReadSeq).toBe(last);
    const rejoin = await med.ack('room:join', { roomId: room, lastSeq: last });
    expect(rejoin.data.reads.find((r: any) => r.name === '李四').lastReadSeq).toBe(last);

    li.close();
    await waitFor(() => med.of('presence:changed').find((p) => !p.online && p.name === '李四'));
  });
});
