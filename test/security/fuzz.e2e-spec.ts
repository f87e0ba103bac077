import fc from 'fast-check';
import { ErrorCode } from '@tiaojie/core';
import { TestApp, startTestApp } from '../support/test-app';
import { DbSnapshot, DbSnapshotter, diffSnapshots } from './support/db-snapshot';
import { FuzzRequest, regressionRequests, requestArb } from './support/fuzz-arbitraries';
import { authHeader } from './support/fuzz-auth';
import { worldPathIds } from './support/fuzz-path-ids';
import { FUZZ_PRINCIPALS, SEED, setFuzzEnv } from './support/fuzz-setup';
import { nastyString } from './support/fuzz-values';
import { Operation, fetchOpenApi, operations } from './support/openapi';
import { Principal, World, buildWorld, worldIds } from './support/world';
import { rawRequest } from './support/raw-http';
import { Problem, describeRequest, report } from './support/fuzz-report';

/**
 * Property-based bad input over HTTP. For every operation of the api's own OpenAPI document, fast-check
 * generates requests (valid-looking, boundary, wrong-typed, oversized around the 1 MiB body limit, malformed
 * JSON, wrong content types, unusual Unicode, extra and prototype-polluting fields, forged tokens) sent as
 * every role and anonymously, with path parameters drawn from real ids of a small world and random UUIDs.
 * Asserted for every request: never a 5xx; every 4xx is `{error: {code, message}}` with a code from
 * ErrorCode; and a refused request changes nothing in the database (row counts of every table, found through
 * the catalogue, and the audit log's highest id, before and after each request). Socket events get the same
 * in fuzz-sockets.e2e-spec.ts.
 *
 * Every problem is collected (not only the first), so one run lists them all. Reproduce a run with
 * FUZZ_SEED=<seed printed on failure>; FUZZ_RUNS sets the runs per operation (default 10).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Refused requests that are designed to leave a trace: a failed staff sign-in is recorded (that is what the
 * per-username and per-IP sign-in limits count). Nothing else may change the database when refused.
 */
const REFUSALS_THAT_WRITE: { op: string; statuses: number[]; tables: string[] }[] = [
  { op: 'POST /api/auth/staff/sign-in', statuses: [401], tables: ['public.sign_in_attempts'] },
];

describe('fuzzing every operation (e2e)', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  let snap: DbSnapshotter;
  let last: DbSnapshot;
  let ids: string[];
  let restoreEnv: (() => void) | undefined;
  const problems: Problem[] = [];

  beforeAll(async () => {
    restoreEnv = setFuzzEnv();
    t = await startTestApp();
    w = await buildWorld(t);
    ops = operations(await fetchOpenApi(t.url));
    ids = worldIds(w);
    snap = new DbSnapshotter(t.db);
    last = await snap.take();
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv?.();
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
  const realPathIds = (op: Operation) => worldPathIds(w, ids, op);

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
});
