import { CLIENT_EVENTS } from '@tiaojie/core';
import { HttpClient, expectStatus } from '../support/http-client';
import { acceptAndStart, agreeAndSign, fresh } from '../support/case-flow';
import { ClientSocket, connect } from '../support/socket-client';
import { TestApp, startTestApp } from '../support/test-app';
import { AUTHZ_TABLE, targetId } from './authorization.table';
import { fetchOpenApi, fillPath, operations } from './support/openapi';
import { rawRequest } from './support/raw-http';
import { responseValidator } from '../support/openapi-validator';
import {
  DENY_STATUSES,
  SOCKET_DENY_CODES,
  allowed,
  rowLabel,
  Mismatch,
  report,
  leaksFor,
} from './support/authz-matrix';
import { broadcastProblems } from './support/broadcast-delivery';
import { PRINCIPALS, Principal, WEBHOOK_SECRET, World, buildWorld, freshPhone } from './support/world';

/**
 * Authorisation: every row of authorization.table.ts is called as every principal of the world
 * (anonymous, three parties, mediators and admins of two bodies, the district, court clerk and judge, an
 * official, a grid worker, a 12345 operator) and must be allowed exactly where the table says; every answer is
 * scanned for secrets the caller may not see (another party's or body's case, another room's messages, full
 * personal data outside the audited read); lists and queues hold only cases the caller may read; socket
 * broadcasts reach only those allowed. Every mismatch is collected, so one run lists them all.
 */

describe('authorisation matrix (e2e)', () => {
  let t: TestApp;
  let w: World;
  const saved: Record<string, string | undefined> = {};
  const env = {
    WEBHOOK_SECRET_12345: WEBHOOK_SECRET,
    ROOM_MESSAGE_RATE: '100000/1000',
    ROOM_TYPING_RATE: '100000/1000',
  };

  beforeAll(async () => {
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const leaks = (text: string, who: Principal, op: string, request = '') =>
    leaksFor(w, text, who, op, request);

  it('has a row for every operation of the OpenAPI document and every client socket event, and no row for anything else', async () => {
    const ops = operations(await fetchOpenApi(t.url)).map((o) => o.key);
    const socketOps = CLIENT_EVENTS.map((e) => `SOCKET ${e}`);
    const covered = new Set(AUTHZ_TABLE.map((r) => r.op));
    const missing = [...ops, ...socketOps].filter((k) => !covered.has(k));
    const stale = [...covered].filter((k) => !ops.includes(k) && !socketOps.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  // over 1,000 calls, each answer checked against the document: minutes on a loaded machine
  it('allows and refuses every HTTP operation exactly as the table says, and leaks nothing in any answer', async () => {
    const mismatches: Mismatch[] = [];
    const leaked: Mismatch[] = [];
    // every answer of the matrix (all routes, allowed and refused) must also fit the OpenAPI document
    const drift: string[] = [];
    const contract = await responseValidator(t.url);
    let calls = 0;
    for (const row of AUTHZ_TABLE.filter((r) => !r.op.startsWith('SOCKET '))) {
      const [method, path] = row.op.split(' ');
      for (const who of PRINCIPALS) {
        const call = (await row.call?.(w, who)) ?? {};
        const params: Record<string, string> = {
          ...(row.target ? { id: targetId(w, row.target) } : {}),
          ...call.params,
        };
        const headers: Record<string, string> = { ...call.headers };
        const token = w.clients[who].token;
        if (token && !call.noToken) headers.authorization = `Bearer ${token}`;
        let body: string | FormData | null = null;
        if (call.upload) {
          const form = new FormData();
          for (const [k, v] of Object.entries(call.upload.fields ?? {})) form.append(k, v);
          form.append(
            call.upload.field,
            new Blob([call.upload.data], { type: call.upload.type }),
            call.upload.name,
          );
          body = form;
        } else if (call.body !== undefined) {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(call.body);
        }
        const url = `${fillPath(path, params)}${call.query ?? ''}`;
        const res = await rawRequest(t.url, method, url, headers, body);
        calls += 1;
        let code: string | undefined;
        let json: unknown = null;
        try {
          json = res.text ? JSON.parse(res.text) : null;
          code = (json as { error?: { code?: string } } | null)?.error?.code;
        } catch {
          /* not JSON: a file */
        }
        const problem = contract.check(
          method,
          url,
          res.status,
          String(res.headers['content-type'] ?? ''),
          json,
        );
        if (problem) drift.push(`${rowLabel(row)} as ${who}: ${problem}`);
        const got = `${res.status}${code ? ` ${code}` : ''}`;
        const label = rowLabel(row);
        if (allowed(row, who)) {
          const [status, wantCode] =
            typeof row.ok === 'number' ? [row.ok, undefined] : (row.ok as readonly [number, string]);
          if (res.status !== status || (wantCode && code !== wantCode)) {
            mismatches.push({
              row: label,
              who,
              expected: `allowed (${status}${wantCode ? ` ${wantCode}` : ''})`,
              got: `${got} ${res.text.slice(0, 160)}`,
            });
          }
        } else if (who === 'anonymous' ? res.status !== 401 : !DENY_STATUSES.has(res.status)) {
          mismatches.push({
            row: label,
            who,
            expected: who === 'anonymous' ? 'refused (401)' : 'refused (403/404)',
            got: `${got} ${res.text.slice(0, 160)}`,
          });
        }
        const l = leaks(res.text, who, row.op, `${url} ${typeof body === 'string' ? body : ''}`);
        if (l.length)
          leaked.push({
            row: label,
            who,
            expected: 'no secret of others',
            got: `${res.status} containing ${l.join(', ')}`,
          });
      }
      await row.cleanup?.(w);
    }
    expect(calls).toBeGreaterThan(1000);
    const problems = [
      mismatches.length ? report('allow/deny mismatch(es)', mismatches) : '',
      leaked.length ? report('answer(s) leaking secrets', leaked) : '',
      drift.length ? `${drift.length} answer(s) not matching the OpenAPI document:\n${drift.join('\n')}` : '',
    ].filter(Boolean);
    if (problems.length) throw new Error(problems.join('\n\n'));
  }, 600_000);

  it('keeps lists, queues and searches to cases the caller may read', async () => {
    const mismatches: Mismatch[] = [];
    const lists: { path: string; ids: (body: any) => string[] }[] = [
      {
        path: '/cases/queue?open=false&limit=500',
        ids: (b) => (Array.isArray(b) ? b.map((c: any) => c.id) : []),
      },
      { path: '/cases/mine', ids: (b) => (Array.isArray(b) ? b.map((c: any) => c.id) : []) },
      {
        path: '/rooms/mine',
        ids: (b) =>
          [...(b?.caseRooms ?? []), ...(b?.linkageRooms ?? [])]
            .map((r: any) => r.disputeId ?? r.dispute?.id)
            .filter(Boolean),
      },
      {
        path: '/notifications?limit=200',
        ids: (b) => (b?.items ?? []).map((n: any) => n.disputeId).filter(Boolean),
      },
    ];
    for (const who of PRINCIPALS.filter((p) => p !== 'anonymous')) {
      for (const list of lists) {
        const r = await w.clients[who].get(list.path);
        if (r.status !== 200) continue; // refusals are the matrix's business
        for (const id of new Set(list.ids(r.body))) {
          const read = await w.clients[who].get(`/cases/${id}`);
          if (read.status !== 200)
            mismatches.push({
              row: `GET /api${list.path}`,
              who,
              expected: 'only cases the caller may read',
              got: `case ${id}, which GET /cases/${id} answers ${read.status}`,
            });
        }
      }
    }
    // the two bodies' queues are disjoint and each holds its own case
    const queue = async (who: Principal) =>
      ((await w.clients[who].get('/cases/queue?open=false&limit=500')).body as any[]).map((c) => c.id);
    expect(await queue('adminA')).toContain(w.cases.A);
    expect(await queue('adminA')).not.toContain(w.cases.B);
    expect(await queue('adminB')).toContain(w.cases.B);
    expect(await queue('adminB')).not.toContain(w.cases.A);
    expect(await queue('district')).toEqual(expect.arrayContaining([w.cases.A, w.cases.B]));
    if (mismatches.length) throw new Error(report('list entries the caller may not read', mismatches));
  });

  it('allows and refuses every socket event exactly as the table says', async () => {
    await expect(connect(t.url, '')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const mismatches: Mismatch[] = [];
    const sockets = new Map<Principal, ClientSocket>();
    const socketOf = async (who: Principal) => {
      if (!sockets.get(who)?.connected) sockets.set(who, await connect(t.url, w.clients[who].token!));
      return sockets.get(who)!;
    };
    let n = 0;
    try {
      for (const row of AUTHZ_TABLE.filter((r) => r.op.startsWith('SOCKET '))) {
        const event = row.op.slice('SOCKET '.length);
        const id = targetId(w, row.target!);
        for (const who of PRINCIPALS.filter((p) => p !== 'anonymous')) {
          const s = await socketOf(who);
          const ack = (e: string, payload: unknown) => s.timeout(10_000).emitWithAck(e, payload);
          let res: any;
          switch (event) {
            case 'room:join':
              res = await ack(event, { roomId: id, lastSeq: 0 });
              break;
            case 'room:leave':
              res = await ack(event, { roomId: id });
              break;
            case 'message:send':
              res = await ack(event, {
                roomId: id,
                clientMsgId: `authz-${who}-${++n}`,
                body: '授权矩阵测试消息',
              });
              break;
            case 'message:read':
              res = await ack(event, { roomId: id, seq: 1 });
              break;
            case 'typing':
            case 'presence:list':
              await ack('room:join', { roomId: id });
              res = await ack(event, event === 'typing' ? { roomId: id, typing: true } : { roomId: id });
              await ack('room:leave', { roomId: id });
              break;
            case 'case:watch':
              res = await ack(event, { disputeId: id });
              break;
            case 'call:join':
            case 'call:leave':
              res = await ack(event, { sessionId: id });
              break;
            // the other call events need a joined socket: join first (refused callers stay outside)
            case 'call:signal':
            case 'call:mode':
            case 'call:recording-consent':
            case 'call:recording-chunk': {
              const joined = await ack('call:join', { sessionId: id });
              const self = joined.ok ? joined.data.selfPeerId : 'p00000001000000';
              if (event === 'call:signal')
                res = await ack(event, {
                  sessionId: id,
                  to: self,
                  description: { type: 'offer', sdp: 'v=0' },
                });
              else if (event === 'call:mode') res = await ack(event, { sessionId: id, mode: 'joint' });
              else if (event === 'call:recording-consent')
                res = await ack(event, { sessionId: id, consent: false });
              else {
                // everyone present consents, so the recording runs and the mediator's chunk is taken
                const on = await ack('call:recording-consent', { sessionId: id, consent: true });
                const webm = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
                res = await ack(event, {
                  sessionId: id,
                  recordingId: on.ok && on.data.recordingId ? on.data.recordingId : id,
                  seq: 0,
                  data: webm,
                  last: true,
                });
              }
              await ack('call:leave', { sessionId: id });
              break;
            }
            default:
              throw new Error(`no socket call for ${event}`);
          }
          const got = res?.ok === true ? 'ok' : `refused ${res?.error?.code}`;
          if (
            allowed(row, who)
              ? res?.ok !== true
              : !(res?.ok === false && SOCKET_DENY_CODES.has(res?.error?.code))
          ) {
            mismatches.push({
              row: rowLabel(row),
              who,
              expected: allowed(row, who) ? 'ok' : 'refused NOT_FOUND/FORBIDDEN',
              got: `${got} ${JSON.stringify(res).slice(0, 120)}`,
            });
          }
          const l = leaks(JSON.stringify(res ?? null), who, row.op, id);
          if (l.length)
            mismatches.push({
              row: rowLabel(row),
              who,
              expected: 'no secret of others',
              got: `ack containing ${l.join(', ')}`,
            });
        }
      }
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
    if (mismatches.length) throw new Error(report('socket mismatch(es)', mismatches));
  });

  it('delivers room messages, case updates and queue updates only to those allowed', async () => {
    const problems = await broadcastProblems(t, w, leaks);
    if (problems.length) throw new Error(report('broadcast mismatch(es)', problems));
  });

  it('keeps a case in judicial confirmation away from the judges of another court', async () => {
    // a second court: no HTTP call creates organisations, so one row goes in directly; its judge is created through the api
    const court2 = (
      await t.db
        .raw(t.db.db)
        .query(
          `insert into organizations (code, name, kind, level) values ('COURT-2', '南通市崇川区人民法院', 'judicial', 'district') returning id`,
        )
    ).rows[0].id;
    const username = `judge_other_${process.pid}`;
    expectStatus(
      await w.clients.district.post('/staff', {
        username,
        displayName: '外院法官',
        role: 'judge',
        orgId: court2,
        password: 'Welcome2026ok',
      }),
      201,
    );
    const otherJudge = await new HttpClient(t.url).signInStaff(username, 'Welcome2026ok');

    const phones = [freshPhone(), freshPhone()];
    const applicant = await new HttpClient(t.url).signInParty(phones[0], (p) => t.sms.lastCode(p));
    const applied = await applicant.post('/cases', {
      category: 'neighbour',
      description: '邻里纠纷，申请司法确认。',
      streetCode: 'JS',
      applicant: { name: '丁申请人' },
      respondents: [{ name: '丁被申请人', phone: phones[1] }],
    });
    expectStatus(applied, 201);
    const id = applied.body.id as string;
    await acceptAndStart(w.clients.adminA, w.clients.medA, id);
    const respondent = await new HttpClient(t.url).signInParty(phones[1], (p) => t.sms.lastCode(p));
    await agreeAndSign(t, w.clients.medA, id, [
      [applicant, phones[0]],
      [respondent, phones[1]],
    ]);
    for (const p of [applicant, respondent])
      expectStatus(
        await p.post(`/cases/${id}/confirmation/apply`, { version: (await fresh(p, id)).version }),
        200,
      );
    expect((await fresh(applicant, id)).status).toBe('confirmation_requested');

    // the district's court reviews it …
    expectStatus(await w.clients.judge.get(`/cases/${id}`), 200);
    // … a judge of another court neither reads it, nor finds it in a queue, nor gets past the permission check to confirm it
    const refused: string[] = [];
    const read = await otherJudge.get(`/cases/${id}`);
    if (read.status !== 404) refused.push(`GET /cases/{id} answered ${read.status}`);
    const status = await otherJudge.get(`/cases/${id}/status`);
    if (status.status !== 404) refused.push(`GET /cases/{id}/status answered ${status.status}`);
    const confirm = await otherJudge.post(`/cases/${id}/transitions/confirm`, { version: 999_999 });
    if (![403, 404].includes(confirm.status))
      refused.push(
        `POST /cases/{id}/transitions/confirm answered ${confirm.status} ${confirm.body?.error?.code}`,
      );
    const queue = await otherJudge.get('/cases/queue?open=false&limit=500');
    if ((queue.body as any[]).some((c) => c.id === id)) refused.push('GET /cases/queue lists it');
    const s = await connect(t.url, otherJudge.token!);
    const watch = await s.timeout(10_000).emitWithAck('case:watch', { disputeId: id });
    s.disconnect();
    if (watch.ok) refused.push('case:watch accepted');
    expect(refused).toEqual([]);
  });
});
