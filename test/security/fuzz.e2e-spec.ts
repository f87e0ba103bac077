import fc from 'fast-check';
import { ErrorCode } from '@tiaojie/core';
import { CLIENT_EVENTS } from '@tiaojie/core';
import { ClientSocket, connect } from '../support/socket-client';
import { TestApp, startTestApp } from '../support/test-app';
import { DbSnapshot, DbSnapshotter, diffSnapshots } from './support/db-snapshot';
import { FuzzRequest, pathValueArb, regressionRequests, requestArb } from './support/fuzz-arbitraries';
import { authHeader } from './support/fuzz-auth';
import { nastyString, wrongValue } from './support/fuzz-values';
import { Operation, fetchOpenApi, operations } from './support/openapi';
import { Principal, WEBHOOK_SECRET, World, buildWorld, worldIds } from './support/world';
import { rawRequest } from './support/raw-http';
import { Problem, describeRequest, report, socketAnswerProblems } from './support/fuzz-report';

/**
 * Property-based bad input. For every operation of the api's own OpenAPI document, fast-check
 * generates requests (valid-looking, boundary, wrong-typed, oversized around the 1 MiB body limit, malformed
 * JSON, wrong content types, unusual Unicode, extra and prototype-polluting fields, forged tokens) sent as
 * every role and anonymously, with path parameters drawn from real ids of a small world and random UUIDs.
 * Asserted for every request: never a 5xx; every 4xx is `{error: {code, message}}` with a code from
 * ErrorCode; and a refused request changes nothing in the database (row counts of every table, found through
 * the catalogue, and the audit log's highest id, before and after each request). Socket events get the same.
 *
 * Every problem is collected (not only the first), so one run lists them all. Reproduce a run with
 * FUZZ_SEED=<seed printed on failure>; FUZZ_RUNS sets the runs per operation (default 10).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
/** One signed-in client per role, and nobody. */
const FUZZ_PRINCIPALS: Principal[] = [
  'anonymous',
  'partyA',
  'medA',
  'adminA',
  'grid',
  'hotline',
  'clerk',
  'judge',
  'official',
  'district',
];

/**
 * Refused requests that are designed to leave a trace: a failed staff sign-in is recorded (that is what the
 * per-username and per-IP sign-in limits count). Nothing else may change the database when refused.
 */
const REFUSALS_THAT_WRITE: { op: string; statuses: number[]; tables: string[] }[] = [
  { op: 'POST /api/auth/staff/sign-in', statuses: [401], tables: ['public.sign_in_attempts'] },
];

describe('fuzzing every operation and socket event (e2e)', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  let snap: DbSnapshotter;
  let last: DbSnapshot;
  let ids: string[];
  const problems: Problem[] = [];
  const saved: Record<string, string | undefined> = {};
  const env = {
    ROOM_MESSAGE_RATE: '100000/1000',
    ROOM_TYPING_RATE: '100000/1000',
    WEBHOOK_SECRET_12345: WEBHOOK_SECRET,
    WEBHOOK_SECRET_GRID: WEBHOOK_SECRET,
    WEBHOOK_SECRET_COURT: WEBHOOK_SECRET,
  };

  beforeAll(async () => {
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    t = await startTestApp();
    w = await buildWorld(t);
    ops = operations(await fetchOpenApi(t.url));
    ids = worldIds(w);
    snap = new DbSnapshotter(t.db);
    last = await snap.take();
  });
  afterAll(async () => {
    await t?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** Checks one answer; `before` is the snapshot taken before the request, the snapshot after becomes the next `before`. */
  async function judge(
    where: string,
    who: string,
    req: string,
    status: number,
    text: string,
    allowedTables: string[] = [],
    kind = '',
  ): Promise<void> {
    const before = last;
    last = await snap.take();
    const add = (what: string) =>
      problems.push({ where, who, what, request: req, status, body: text.slice(0, 400) });
    if (status >= 500) add(`answered ${status}${kind ? ` (input class: ${kind})` : ''}`);
    if (status >= 400 && status < 500) {
      let body: any = null;
      try {
        body = JSON.parse(text);
      } catch {
        /* checked below */
      }
      const code = body?.error?.code;
      if (typeof code !== 'string' || !KNOWN_CODES.has(code))
        add(
          `${status} outside the error contract (${typeof body?.code === 'string' ? body.code : typeof body?.error === 'string' ? body.error : 'not JSON'})`,
        );
      else if (typeof body.error.message !== 'string' || body.error.message.trim() === '')
        add('4xx without an error message');
      const changed = diffSnapshots(before, last, new Set(allowedTables));
      if (changed.length) add(`refused (${status}) but the database changed: ${changed.join('; ')}`);
    }
  }

  async function send(who: Principal, op: Operation, req: FuzzRequest): Promise<void> {
    const token = w.clients[who].token;
    const auth = authHeader(req.auth, token, t.config.jwtSecret);
    const headers: Record<string, string> = {};
    if (auth) headers.authorization = auth;
    if (req.body.contentType) headers['content-type'] = req.body.contentType;
    const shown = describeRequest({ ...req, auth: req.auth });
    let status = 0;
    let text = '';
    try {
      ({ status, text } = await rawRequest(t.url, req.method, req.path, headers, req.body.data));
    } catch (err) {
      const cause = (err as any)?.code ?? (err as Error).message;
      // Past the 1 MiB limit the server may answer 413 and close the socket before the client finished writing.
      // So may a request whose line and headers exceed Node's 16 KiB header limit.
      const headBytes = Buffer.byteLength(req.path) + Buffer.byteLength(auth ?? '');
      if ((req.body.kind === 'over-1mb' || headBytes > 16_000) && /ECONNRESET|EPIPE/.test(String(cause))) {
        last = await snap.take();
        return;
      }
      problems.push({ where: op.key, who, what: `no answer: ${cause}`, request: shown });
      last = await snap.take();
      return;
    }
    const allowed = REFUSALS_THAT_WRITE.filter((r) => r.op === op.key && r.statuses.includes(status)).flatMap(
      (r) => r.tables,
    );
    await judge(
      op.key,
      who,
      shown,
      status,
      text,
      allowed,
      req.body.kind === 'unicode' && /\\u0000/.test(String(req.body.data))
        ? 'NUL character in a string'
        : req.body.kind,
    );
  }

  /** A real id for each path parameter of an operation, by the resource the path names. */
  function realPathIds(op: Operation): Record<string, string> {
    const v: Record<string, string> = {};
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const before = op.path.slice(0, op.path.indexOf(`{${p.name}}`));
      v[p.name] =
        p.name === 'action'
          ? 'start_mediation'
          : p.name === 'source'
            ? '12345'
            : p.name === 'year'
              ? '2026'
              : p.name === 'table'
                ? 'table1'
                : p.name === 'partyId'
                  ? w.partyIds.applicantA
                  : p.name === 'sessionId'
                    ? w.sessionA
                    : p.name === 'itemId'
                      ? w.performanceItemA
                      : p.name === 'attachmentId'
                        ? w.attachmentA
                        : p.name === 'conflictId'
                          ? w.conflictOfMedA
                          : p.name === 'userId'
                            ? w.me.official.id
                            : p.name === 'orgId'
                              ? w.orgs.A
                              : before.endsWith('/cases/')
                                ? w.cases.A
                                : before.endsWith('/rooms/linkage/')
                                  ? w.rooms.linkage
                                  : before.endsWith('/rooms/')
                                    ? w.rooms.jointA
                                    : before.endsWith('/staff/')
                                      ? w.staffMemberA
                                      : before.endsWith('/mediators/')
                                        ? w.me.medA.id
                                        : before.endsWith('/bodies/')
                                          ? w.orgs.A
                                          : before.endsWith('/notifications/')
                                            ? w.notifications.partyA
                                            : before.endsWith('/outbox/')
                                              ? w.deadLetter
                                              : before.endsWith('/imports/')
                                                ? w.importRun
                                                : ids[0];
    }
    return v;
  }

  it('reads an OpenAPI document with the known operation families', () => {
    const keys = ops.map((o) => o.key);
    for (const k of [
      'GET /api/cases/{id}',
      'POST /api/cases',
      'GET /api/rooms/{id}/messages',
      'POST /api/auth/staff/sign-in',
      'POST /api/webhooks/{source}',
    ])
      expect(keys).toContain(k);
  });

  it('never answers 5xx, always a known error code, and changes nothing when it refuses (HTTP)', async () => {
    const started = Date.now();
    const runs: Record<string, number> = {};
    const extras = {
      action: [
        'start_mediation',
        'close',
        'withdraw',
        'terminate',
        'confirm',
        'reopen',
        'record_failure',
        'sign',
        'route',
        'x',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
      ],
      source: ['12345', 'grid', 'court', 'fax', '__proto__', 'constructor', 'toString'],
    };
    for (const [i, op] of ops.entries()) {
      runs[op.key] = 0;
      // Known dangerous classes first, as the roles most likely to get past the guards; then fast-check's draws.
      const examples: [Principal, FuzzRequest][] = regressionRequests(
        op,
        ids,
        realPathIds(op),
        SEED + i,
      ).flatMap((req) =>
        (['partyA', 'medA', 'district'] as Principal[]).map((who): [Principal, FuzzRequest] => [who, req]),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...FUZZ_PRINCIPALS),
          requestArb(op, ids, extras),
          async (who, req) => {
            runs[op.key] += 1;
            await send(who, op, req);
            return true; // problems are collected, so one run reports all of them
          },
        ),
        { numRuns: RUNS + examples.length, seed: SEED + i, examples },
      );
      const health = await fetch(`${t.url}/api/health`);
      if (health.status !== 200)
        problems.push({
          where: op.key,
          who: '-',
          what: `health answered ${health.status} after fuzzing`,
          request: 'GET /api/health',
        });
    }
    // Routes that do not exist, and methods a path does not have: 404 with the error body, never 5xx.
    const paths = [...new Set(ops.map((o) => o.path))];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FUZZ_PRINCIPALS),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.oneof(
          fc
            .constantFrom(...paths)
            .map((p) => p.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000')),
          nastyString.map((s) => `/api/${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}`),
        ),
        async (who, method, path) => {
          const op = ops.find(
            (o) => o.method === method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
          );
          if (op) return true; // an existing route: covered above
          const req: FuzzRequest = {
            method,
            path,
            body: { kind: 'valid', contentType: 'application/json', data: method === 'GET' ? null : '{}' },
            auth: 'own',
          };
          await send(
            who,
            {
              key: `${method} (no such route)`,
              method,
              path,
              operationId: '-',
              params: [],
              body: null,
              bearer: false,
            },
            req,
          );
          return true;
        },
      ),
      { numRuns: 60, seed: SEED },
    );

    const seconds = Math.round((Date.now() - started) / 1000);
    const total = Object.values(runs).reduce((a, b) => a + b, 0);
    expect(Object.values(runs).every((n) => n >= RUNS)).toBe(true);
    if (problems.length)
      throw new Error(
        report(problems, `seed ${SEED}, ${total} requests to ${ops.length} operations in ${seconds} s`),
      );
  });

  it('answers every client socket event with an ack of a known shape, never crashes, changes nothing when it refuses', async () => {
    // Nobody without a token gets a connection.
    await expect(connect(t.url, '')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(
      connect(t.url, authHeader('expired', null, t.config.jwtSecret)!.slice(7)),
    ).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    const sockets = new Map<Principal, ClientSocket>();
    const open = async (who: Principal) => {
      const s = await connect(t.url, w.clients[who].token!);
      sockets.set(who, s);
      return s;
    };
    const startProblems = problems.length;
    const roomIds = Object.values(w.rooms);
    const field = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...roomIds, ...Object.values(w.cases)) },
      {
        weight: 1,
        arbitrary: pathValueArb('id', ids).map((v) => {
          try {
            return decodeURIComponent(v);
          } catch {
            return v;
          }
        }),
      },
      { weight: 2, arbitrary: wrongValue },
    );
    const payload = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            roomId: field,
            disputeId: field,
            lastSeq: fc.oneof(fc.nat(50), wrongValue),
            seq: fc.oneof(fc.nat(50), wrongValue),
            clientMsgId: fc.oneof(nastyString, wrongValue),
            body: fc.oneof(nastyString, wrongValue),
            typing: fc.oneof(fc.boolean(), wrongValue),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(undefined, null, 0, '', 'room:join', [], [{}], Buffer.from([0, 1, 2])),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          roomId: fc.constantFrom(...roomIds),
          clientMsgId: fc.string({ minLength: 1, maxLength: 64 }),
          body: fc.constantFrom('调'.repeat(200_000), 'x'.repeat(300_000)),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FUZZ_PRINCIPALS.filter((p) => p !== 'anonymous')),
        fc.constantFrom(...CLIENT_EVENTS),
        payload,
        fc.boolean(),
        async (who, event, data, withAck) => {
          const s = sockets.get(who)?.connected ? sockets.get(who)! : await open(who);
          const shown = `${event} ${(() => {
            try {
              const j = JSON.stringify(data);
              return j === undefined ? String(data) : j.length > 300 ? `${j.slice(0, 300)}…(${j.length})` : j;
            } catch {
              return String(data);
            }
          })()}`;
          const before = last;
          let res: any;
          if (withAck) {
            try {
              res = await s.timeout(10_000).emitWithAck(event, data);
            } catch (err) {
              problems.push({
                where: `socket ${event}`,
                who,
                what: `no ack: ${(err as Error).message}`,
                request: shown,
              });
              last = await snap.take();
              return true;
            }
          } else {
            // Without an ack a refusal arrives as an `error` event naming the event.
            const got = new Promise<any>((resolve) => {
              const timer = setTimeout(() => resolve(null), 300);
              s.once('error', (e: any) => {
                clearTimeout(timer);
                resolve({ ok: false, error: e });
              });
            });
            s.emit(event, data);
            res = await got;
          }
          last = await snap.take();
          if (res === null) return true; // accepted without an ack: nothing to answer
          for (const what of socketAnswerProblems(res, diffSnapshots(before, last)))
            problems.push({ where: `socket ${event}`, who, what, request: shown });
          return true;
        },
      ),
      { numRuns: SOCKET_RUNS * CLIENT_EVENTS.length, seed: SEED },
    );

    // Events nobody declared are ignored, frames over the 1 MB socket buffer close only that connection; the server lives on.
    const s = await open('partyA');
    s.emit('no:such:event', { roomId: w.rooms.jointA });
    s.emit('__proto__', {});
    const closed = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    s.emit('message:send', { roomId: w.rooms.jointA, clientMsgId: 'too-big', body: 'x'.repeat(1_100_000) });
    expect(await closed).toBe('transport close');
    const again = await open('partyA');
    const ack = await again.timeout(10_000).emitWithAck('message:send', {
      roomId: w.rooms.jointA,
      clientMsgId: `after-fuzz-${SEED}`,
      body: '模糊测试之后还能正常发言',
    });
    expect(ack).toMatchObject({ ok: true });
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    sockets.forEach((x) => x.disconnect());
    again.disconnect();
    last = await snap.take();
    const mine = problems.slice(startProblems);
    if (mine.length)
      throw new Error(report(mine, `seed ${SEED}, ${SOCKET_RUNS * CLIENT_EVENTS.length} socket events`));
  });
});
