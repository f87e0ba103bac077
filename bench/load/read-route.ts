/**
 * An authenticated, validated read route of the api against a bare Fastify route, in one run.
 * autocannon against, in this order: (1) a bare Fastify server in its own process answering a small static JSON;
 * (2) GET /api/auth/me (JWT verified, no database); (3) the bare server's GET /bare-queue, the same statement as
 * the api's queue (its JSON read) through pg with no authentication or validation; (4) GET /api/cases/queue?open=true&limit=20
 * (JWT, query DTO validated by the global ValidationPipe, the body's queue from PostgreSQL, 20 of 30 cases).
 * (3) and (4) alternate ROUNDS times (default 3), (3) measured before and after each (4). Goal: the read route (4) ≥
 * 0.6× the bare route doing the same read (3), median of the rounds, each round against the mean of the bare
 * rounds around it; the ratio against the static route is printed beside it (it prices the framework alone).
 *
 *   npm run -s build:server
 *   npx swc bench/load -d dist-bench -q
 *   node dist-bench/bench/load/read-route.js
 *
 * Knobs: SECONDS per target (default 20, after 5 s of warm-up), ROUNDS (default 3), CONNECTIONS (default 50), LOG_LEVEL of the
 * api under test (default info, what production runs; its log goes to /dev/null), DATABASE_URL, PROFILE_DIR (a CPU
 * profile of the api).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import {
  ROOT,
  ProcessSampler,
  buildServer,
  built,
  freePort,
  freshDatabase,
  machine,
  mean,
  partyToken,
  startProcess,
} from './support';

const SECONDS = Number(process.env.SECONDS ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const BARE_SERVER = `
const fastify = require('fastify')({ logger: false });
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 10 });
fastify.get('/bare', async () => ({ id: '5f1c0e1e-8a4e-4c55-9a5e-3c3f1c0e1e8a', role: 'body_admin', orgId: '0b7c9d4e-1f2a-4b3c-8d5e-6f7a8b9c0d1e', displayName: '王主任' }));
// BARE_STATEMENT: the api's own statement for GET /api/cases/queue of a body's staff (see main), run with the same
// values on a pool with the server's plan cache as the api's: the body's open cases, due first, 20 rows, the list
// as JSON text from PostgreSQL; no authentication or validation
const statement = JSON.parse(process.env.BARE_STATEMENT);
fastify.get('/bare-queue', async (req, reply) => {
  const given = { org: req.query.org, statuses: null, limit: 20, now: new Date().toISOString() };
  const r = await pool.query({ name: 'q', text: statement.sql, values: statement.params.map((p) => given[p.name]) });
  reply.type('application/json; charset=utf-8');
  return r.rows[0].list;
});
fastify.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('ready'));
`;

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  cpu: number;
}

async function measure(
  name: string,
  url: string,
  pid: number,
  headers: Record<string, string>,
): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 5, headers });
  const sampler = new ProcessSampler(pid, 1000);
  sampler.start();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  sampler.stop();
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpu: mean(sampler.cpu),
  };
}

async function main(): Promise<void> {
  if (process.env.SKIP_BUILD !== '1') buildServer();
  // the statement CaseQueueRepository.json runs for a body's open queue, from the built api the benchmark measures
  const { queueJsonQuery } = (await import(
    built('libs/cases/src/case-queue.repository.js')
  )) as typeof import('../../libs/cases/src/case-queue.repository');
  const statement = queueJsonQuery('openForBody');
  const db = await freshDatabase(BASE);
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    BARE_DATABASE_URL: db.url,
    BARE_STATEMENT: JSON.stringify(statement),
  };
  const bare = spawn(process.execPath, ['-e', BARE_SERVER], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => bare.stdout!.once('data', () => resolve()));
  try {
    // setup: 30 cases in the Jinsha committee's queue
    const setupApi = await startProcess('api', db.url, { LOG_LEVEL: 'info' }, true);
    const post = (path: string, token: string | null, body: unknown) =>
      fetch(`${setupApi.url}/api${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    for (let i = 0; i < 30; i++) {
      const party = await partyToken(setupApi, `1365${String(i).padStart(7, '0')}`);
      const r = await post('/cases', party, {
        category: 'neighbour',
        description: '邻居装修噪音持续到深夜，多次沟通无果。',
        streetCode: 'JS',
        applicant: { name: `申请人${i}` },
        respondents: [{ name: '被申请人', phone: `1364${String(i).padStart(7, '0')}` }],
      });
      if (r.status !== 201) throw new Error(`apply: ${r.status} ${JSON.stringify(r.body)}`);
    }
    await setupApi.stop();

    // PROFILE_DIR=<dir> writes a V8 CPU profile of the measured api there (node --cpu-prof)
    const api = await startProcess(
      'api',
      db.url,
      { LOG_LEVEL, DEMO_DATA: 'false' },
      false,
      process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [],
    );
    try {
      const signIn = await fetch(`${api.url}/api/auth/staff/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'js_admin', password: 'Tiaojie2026' }),
      });
      const token = ((await signIn.json()) as { accessToken: string }).accessToken;
      const auth = { authorization: `Bearer ${token}` };
      const queue = (await fetch(`${api.url}/api/cases/queue?open=true&limit=20`, { headers: auth }).then(
        (r) => r.json(),
      )) as unknown[];
      const org = (
        (await fetch(`${api.url}/api/auth/me`, { headers: auth }).then((r) => r.json())) as { orgId: string }
      ).orgId;
      const bareQueueUrl = `http://127.0.0.1:${port}/bare-queue?org=${org}`;
      const bareRows = (await fetch(bareQueueUrl).then((r) => r.json())) as unknown[];
      const ids = (list: unknown[]) => JSON.stringify(list.map((x) => (x as { id: string }).id));
      if (ids(bareRows) !== ids(queue))
        throw new Error(`the bare query read ${bareRows.length} cases, the api ${queue.length} (or others)`);
      // The static route and /api/auth/me once; then the same-SQL bare route and the queue route alternate, ROUNDS
      // times, with the bare route measured before and after each api round: this machine's speed drifts by ±20 %
      // within minutes, so each api round is judged against the mean of the bare rounds around it.
      const results = [
        await measure('bare Fastify GET /bare (own process)', `http://127.0.0.1:${port}/bare`, bare.pid!, {}),
        await measure('GET /api/auth/me (JWT)', `${api.url}/api/auth/me`, api.child.pid!, auth),
      ];
      const bareQueue: Result[] = [
        await measure(
          `bare Fastify GET /bare-queue (same SQL through pg, ${bareRows.length} rows), round 0`,
          bareQueueUrl,
          bare.pid!,
          {},
        ),
      ];
      const apiQueue: Result[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        apiQueue.push(
          await measure(
            `GET /api/cases/queue?open=true&limit=20 (JWT + DTO + PostgreSQL, ${queue.length} rows), round ${round}`,
            `${api.url}/api/cases/queue?open=true&limit=20`,
            api.child.pid!,
            auth,
          ),
        );
        bareQueue.push(
          await measure(`bare Fastify GET /bare-queue, round ${round}`, bareQueueUrl, bare.pid!, {}),
        );
      }
      const bareRps = results[0].rps;
      const around = (i: number) => (bareQueue[i].rps + bareQueue[i + 1].rps) / 2;
      const ratios = apiQueue.map((r, i) => r.rps / around(i));
      console.log(
        `\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after 5 s warm-up, ${ROUNDS} alternating rounds; api LOG_LEVEL=${LOG_LEVEL}; ${machine()}; ${new Date().toISOString()}\n`,
      );
      console.log(
        '| target | req/s | × its bare route | p50 (ms) | p99 (ms) | non-2xx | errors | server CPU (% of a core) |',
      );
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
      const row = (r: Result, ratio: number) =>
        console.log(
          `| ${r.name} | ${r.rps.toFixed(0)} | ${ratio.toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.cpu.toFixed(0)} |`,
        );
      row(results[0], 1);
      row(results[1], results[1].rps / bareRps);
      bareQueue.forEach((r, i) => {
        row(r, r.rps / bareQueue[0].rps);
        if (apiQueue[i]) row(apiQueue[i], ratios[i]);
      });
      const readRatio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
      const ok = readRatio >= 0.6;
      console.log(
        `\n${ok ? 'PASS' : 'FAIL'} GET /api/cases/queue ≥ 0.6× the bare route with the same SQL: rounds ${ratios.map((x) => x.toFixed(2)).join(' · ')}, median ${readRatio.toFixed(2)}×; ` +
          `GET /api/auth/me ${(results[1].rps / bareRps).toFixed(2)}× a bare static route`,
      );
      process.exitCode = ok ? 0 : 1;
    } finally {
      await api.stop();
    }
  } finally {
    bare.kill('SIGTERM');
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
