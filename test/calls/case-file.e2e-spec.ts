import { execFileSync } from 'node:child_process';
import { HttpClient, expectStatus } from '../support/http-client';
import { staff } from '../support/factories';
import { waitFor } from '../support/socket-client';
import { RecordingSocket } from '../rooms/support/room-fixtures';
import { RoomsTestApp, startRoomsApp } from '../rooms/support/rooms-app';
import { CallCase, callCase, joinCall, sha256, webmChunks } from './call-fixtures';

/**
 * The case file (卷宗) as one PDF for the case's staff: the case, its parties and history, and each session with its
 * record — the mediator's notes, who joined and left when, mode switches, recording files with their hashes.
 */
/** The PDF's text as poppler's pdftotext reads it, whitespace removed (line breaks depend on the layout). */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
const squash = (s: string) => s.replace(/\s+/g, '');

describe('case file PDF (e2e)', () => {
  let t: RoomsTestApp;
  let c: CallCase;
  const sockets: RecordingSocket[] = [];
  let hash = '';
  const NOTES = '双方同意先由楼上住户维修管道，费用另行协商。';

  beforeAll(async () => {
    t = await startRoomsApp();
    c = await callCase(t);
    const mediator = await joinCall(t.url, c.mediator, c.sessionId, sockets);
    const zhang = await joinCall(t.url, c.zhang, c.sessionId, sockets);
    const mode = (m: string, w?: string) =>
      mediator.socket.ack('call:mode', { sessionId: c.sessionId, mode: m, with: w });
    expect((await mode('caucus', c.parties.zhang)).ok).toBe(true);
    expect((await mode('joint')).ok).toBe(true);
    for (const p of [mediator, zhang])
      await p.socket.ack('call:recording-consent', { sessionId: c.sessionId, consent: true });
    const on = await waitFor(() => mediator.socket.of('call:recording').find((e) => e.state === 'on'));
    const [chunk] = webmChunks(1, 2000);
    const last = await mediator.socket.ack('call:recording-chunk', {
      sessionId: c.sessionId,
      recordingId: on.recordingId,
      seq: 0,
      data: chunk,
      last: true,
    });
    expect(last.data.file.sha256).toBe(sha256(chunk));
    hash = last.data.file.sha256;
    expect((await zhang.socket.ack('call:leave', { sessionId: c.sessionId })).ok).toBe(true);
    const saved = await c.mediator.post(`/cases/${c.caseId}/sessions/${c.sessionId}/record`, {
      record: NOTES,
    });
    expectStatus(saved, 200);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const download = (client: HttpClient) =>
    fetch(`${t.url}/api/cases/${c.caseId}/case-file.pdf`, {
      headers: { authorization: `Bearer ${client.token}` },
    });

  it("holds the case, the session's notes, participants with times, mode switches and the recording's hash", async () => {
    // the leave is written after its ack: wait until the record has it
    for (let i = 0; i < 100; i++) {
      const r = await c.mediator.get(`/cases/${c.caseId}/sessions/${c.sessionId}/call-record`);
      if (r.body.participants.some((p: any) => p.leftAt !== null)) break;
      await new Promise((res) => setTimeout(res, 100)); // a polling interval, not a wait for an outcome
    }
    const res = await download(c.mediator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('filename*=UTF-8');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    const number = (await c.mediator.get(`/cases/${c.caseId}`)).body.number;
    for (const s of [
      `案件卷宗：${number}`,
      '当事人',
      '张三',
      '李四',
      '办理经过',
      '第1次调解会议',
      '线上面对面',
      squash(`调解笔录：${NOTES}`),
      '参加人员',
      '调解方式切换',
      '背对背',
      '录像文件',
    ])
      expect(text).toContain(s);
    // a hash may be broken across lines by the table; whitespace is squashed away
    expect(text).toContain(hash);
    // the party left: its leave time beside its join time, with the mode switches' and the recording's times
    expect(text.match(/\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    const audit = await t.db
      .raw(t.db.db)
      .query(`select data from audit_log where entity_id = $1 and action = 'case.file_exported'`, [c.caseId]);
    expect(audit.rows).toHaveLength(1);
  });

  it("is the staff's: the parties are refused, an outsider does not learn the case exists", async () => {
    expect((await download(c.zhang)).status).toBe(403);
    expect((await download(await staff(t, 'prop_mediator'))).status).toBe(404);
    // the handling body's other staff and the district's administrator have it
    expect((await download(await staff(t, 'js_mediator2'))).status).toBe(200);
    expect((await download(await staff(t, 'admin'))).status).toBe(200);
  });
});
