import { AuditService } from '@tiaojie/audit';
import { HttpClient, expectStatus } from '../support/http-client';
import { staff } from '../support/factories';
import { waitFor } from '../support/socket-client';
import { RecordingSocket } from '../rooms/support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from '../rooms/support/rooms-app';
import { CallCase, callCase, joinCall, sha256, userId, webmChunks } from './call-fixtures';

/**
 * Consent-gated recording of a call: it runs only while everyone present consents, the mediator's page uploads
 * chunks in order, the server assembles one WebM file whose SHA-256 reaches the audit chain and the session record,
 * and only the case's staff and parties download it (each download audited).
 */
describe('call recording (e2e)', () => {
  let t: RoomsTestApp;
  let c: CallCase;
  const sockets: RecordingSocket[] = [];
  const peers: Record<string, { socket: RecordingSocket; peerId: string }> = {};
  let outsider: HttpClient;
  const refused = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await callCase(t);
    outsider = await new HttpClient(t.url).signInParty('13800000078', (p) => t.sms.lastCode(p));
    const judge = await staff(t, 'judge1');
    const invite = `/cases/${c.caseId}/sessions/${c.sessionId}/call-invitations`;
    expectStatus(await c.mediator.post(invite, { userId: await userId(judge) }), 200);
    peers.mediator = await joinCall(t.url, c.mediator, c.sessionId, sockets);
    peers.zhang = await joinCall(t.url, c.zhang, c.sessionId, sockets);
    peers.li = await joinCall(t.url, c.li, c.sessionId, sockets);
    peers.judge = await joinCall(t.url, judge, c.sessionId, sockets);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('records only while everyone present consents; the chunks become one file with its hash in the audit chain', async () => {
    const { mediator, zhang, li, judge } = peers;
    const consent = (p: typeof mediator, v: boolean) =>
      p.socket.ack('call:recording-consent', { sessionId: c.sessionId, consent: v });
    expect((await consent(mediator, true)).data).toMatchObject({ state: 'waiting' });
    await consent(zhang, true);
    await consent(li, true);
    const on = await consent(judge, true);
    expect(on.data).toMatchObject({ state: 'on', recordingId: expect.any(String) });
    expect(on.data.consented).toHaveLength(4);
    const recordingId = on.data.recordingId;
    await waitFor(() => li.socket.of('call:recording').some((e) => e.state === 'on'));

    const chunks = webmChunks(3);
    const send = (p: typeof mediator, seq: number, extra = {}) =>
      p.socket.ack('call:recording-chunk', {
        sessionId: c.sessionId,
        recordingId,
        seq,
        data: chunks[seq],
        ...extra,
      });
    expect(await send(zhang, 0)).toMatchObject(refused('FORBIDDEN'));
    expect(await send(mediator, 1)).toMatchObject(refused('CONFLICT'));
    expect((await send(mediator, 0)).data).toMatchObject({ seq: 0, bytes: 40_000, duplicate: false });
    expect((await send(mediator, 0)).data).toMatchObject({ seq: 0, duplicate: true });
    expect((await send(mediator, 1)).data).toMatchObject({ seq: 1, bytes: 80_000 });
    // li withdraws: recording stops for everyone; the page's last chunk still closes the file
    expect((await consent(li, false)).data).toMatchObject({ state: 'waiting' });
    await waitFor(() =>
      mediator.socket.of('call:recording').some((e) => e.state === 'waiting' && e.consented.length === 3),
    );
    const last = await send(mediator, 2, { last: true });
    const whole = Buffer.concat(chunks);
    expect(last.data.file).toEqual({ id: recordingId, sha256: sha256(whole), size: whole.length });

    const path = `/cases/${c.caseId}/sessions/${c.sessionId}/recordings/${recordingId}`;
    const get = (client: HttpClient) =>
      fetch(`${t.url}/api${path}`, { headers: { authorization: `Bearer ${client.token}` } });
    const byZhang = await get(c.zhang);
    expect(byZhang.status).toBe(200);
    expect(byZhang.headers.get('content-type')).toBe('video/webm');
    expect(sha256(Buffer.from(await byZhang.arrayBuffer()))).toBe(sha256(whole));
    expect((await get(outsider)).status).toBe(404);
    expect((await get(await staff(t, 'judge1'))).status).toBe(403);

    expect((await t.api.app.get(AuditService).verify()).ok).toBe(true);
    const audit = (
      await t.db
        .raw(t.db.db)
        .query<{ action: string; data: any }>(
          `select action, data from audit_log where entity_id = $1 and action like 'call.recording%' order by id`,
          [c.sessionId],
        )
    ).rows;
    expect(audit.find((a) => a.action === 'call.recording_saved')?.data.sha256).toBe(sha256(whole));
    expect(audit.filter((a) => a.action === 'call.recording_downloaded')).toHaveLength(1);
  });

  it('puts consent and the recording on the session record and in the session list', async () => {
    const r = await c.zhang.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`);
    expectStatus(r, 200);
    expect(r.body.modeSwitches).toEqual([]);
    expect(r.body.recordings).toHaveLength(1);
    expect(r.body.consents.filter((x: any) => x.consent)).toHaveLength(4);
    expect(r.body.participants.map((p: any) => p.role)).toEqual(['mediator', 'party', 'party', 'invited']);
    expectStatus(await outsider.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`), 404);
    // the session list carries it
    const listed = await c.mediator.get(`/cases/${c.caseId}/sessions`);
    const session = listed.body.sessions.find((x: any) => x.id === c.sessionId);
    expect(session.call.recordings[0].sha256).toBe(r.body.recordings[0].sha256);
  });

  it("closes the file with what arrived when the mediator's page drops mid-recording", async () => {
    const again = await peers.li.socket.ack('call:recording-consent', {
      sessionId: c.sessionId,
      consent: true,
    });
    expect(again.data).toMatchObject({ state: 'on', recordingId: expect.any(String) });
    const [chunk] = webmChunks(1, 1000);
    const sent = await peers.mediator.socket.ack('call:recording-chunk', {
      sessionId: c.sessionId,
      recordingId: again.data.recordingId,
      seq: 0,
      data: chunk,
    });
    expect(sent.data).toMatchObject({ seq: 0, bytes: 1000 });
    peers.mediator.socket.close();
    const recorded = async () => {
      for (;;) {
        const r = await c.zhang.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`);
        if (r.body.recordings.length === 2) return r.body.recordings[1];
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    expect(await recorded()).toMatchObject({
      recordingId: again.data.recordingId,
      sha256: sha256(chunk),
      size: 1000,
    });
    // without the recorder the others see it stop, though they all still consent
    const last = await waitFor(() => {
      const events = peers.li.socket.of('call:recording');
      const e = events[events.length - 1];
      return e.state === 'waiting' ? e : undefined;
    });
    expect(last.recordingId).toBeUndefined();
    expect(last.consented).toHaveLength(3);
  });
});
