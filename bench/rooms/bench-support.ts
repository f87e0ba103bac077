/**
 * Shared plumbing for the real-time rooms benchmarks: a fresh PostgreSQL database, api instances and a bare
 * socket.io server as child processes (compiled into dist-bench by the bench command), socket.io clients in
 * this process, and the statistics. Nothing here is timed.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { io, Socket } from 'socket.io-client';
import { SmsSender, LogSmsSender } from '@tiaojie/auth';
import { loadConfig } from '@tiaojie/core';
import { DbService, createServerDatabase } from '@tiaojie/db';
import { createApi } from '../../apps/api/src/bootstrap';
import { freePort } from '../load/support';

export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret!!';
export const DIST = path.resolve(__dirname, '../..');
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database on DATABASE_URL's server (default the local one); `drop` removes it. */
export const freshDatabase = () =>
  createServerDatabase(process.env.DATABASE_URL || LOCAL_PG, { prefix: 'tj_bench' });

export function machine(): string {
  const cpus = os.cpus();
  return `node ${process.version}, ${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} threads), ${os.platform()} ${os.arch()}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

export interface Proc {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function spawnServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const err: string[] = [];
  child.stderr!.on('data', (d: Buffer) => err.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${err.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (Date.now() - started > 60_000) throw new Error(`${script} did not start: ${err.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The api (compiled main.js) on the database; per-socket rate limits lifted so the benchmark measures throughput. */
export function startApi(databaseUrl: string): Promise<Proc> {
  return spawnServer(
    path.join(DIST, 'apps/api/src/main.js'),
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      ACCESS_TOKEN_TTL: '3600',
      WEB_DIST: '/nonexistent',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tj-bench-')),
      DEMO_DATA: 'true',
      ROOM_MESSAGE_RATE: '100000/1000',
      ROOM_TYPING_RATE: '100000/1000',
    },
    (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ); // e.g. API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'
}

/** The baseline: bare socket.io, no adapter, no auth, no storage (bare-server.ts). */
export function startBare(): Promise<Proc> {
  return spawnServer(path.join(DIST, 'bench/rooms/bare-server.js'), {});
}

export function connect(url: string, token?: string): Promise<Socket> {
  const s = io(url, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export async function connectMany(url: string, tokens: string[], batch = 100): Promise<Socket[]> {
  const out: Socket[] = [];
  for (let i = 0; i < tokens.length; i += batch)
    out.push(...(await Promise.all(tokens.slice(i, i + batch).map((t) => connect(url, t)))));
  return out;
}

export async function ack<T = any>(s: Socket, event: string, payload: unknown): Promise<T> {
  const r = await s.timeout(30_000).emitWithAck(event, payload);
  if (r && r.ok === false) throw new Error(`${event}: ${JSON.stringify(r.error)}`);
  return r as T;
}

async function post(url: string, path_: string, body: unknown, token?: string): Promise<any> {
  const r = await fetch(`${url}/api${path_}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await r.json();
  if (r.status >= 300) throw new Error(`POST ${path_}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function get(url: string, path_: string, token: string): Promise<any> {
  const r = await fetch(`${url}/api${path_}`, { headers: { authorization: `Bearer ${token}` } });
  return r.json();
}

export const signIn = async (url: string, username: string): Promise<string> =>
  (await post(url, '/auth/staff/sign-in', { username, password: 'Tiaojie2026' })).accessToken;

export const STAFF = [
  'admin',
  'judge1',
  'clerk1',
  'official1',
  'js_admin',
  'js_mediator',
  'js_mediator2',
  'prop_admin',
  'prop_mediator',
  'med_mediator',
  'labour_mediator',
  'grid1',
  'hotline1',
];

/**
 * Sets the stage on the database through a short-lived in-process api: a case in mediation (its joint room and
 * tokens for the mediator, the body admin and both parties) and tokens for every demo staff account.
 */
export async function stage(databaseUrl: string) {
  const db = await DbService.connect({ databaseUrl, dataDir: '' });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET,
    ACCESS_TOKEN_TTL: '3600',
    WEB_DIST: '/nonexistent',
    DEMO_DATA: 'true',
    DATABASE_URL: databaseUrl,
  });
  const api = await createApi(config, db);
  try {
    const sms = api.app.get(SmsSender) as LogSmsSender;
    const party = async (phone: string) => {
      await post(api.url, '/auth/otp', { phone });
      return (await post(api.url, '/auth/party/sign-in', { phone, code: sms.lastCode(phone) }))
        .accessToken as string;
    };
    const zhang = await party('13800000001');
    const applied = await post(
      api.url,
      '/cases',
      {
        category: 'neighbour',
        description: '邻居装修噪音持续到深夜，多次沟通无果。',
        streetCode: 'JS',
        applicant: { name: '张三' },
        respondents: [{ name: '李四', phone: '13800000002' }],
      },
      zhang,
    );
    const caseId: string = applied.id;
    const tokens = Object.fromEntries(
      await Promise.all(STAFF.map(async (u) => [u, await signIn(api.url, u)] as const)),
    );
    const admin = tokens.js_admin;
    let view = await get(api.url, `/cases/${caseId}`, admin);
    await post(api.url, `/cases/${caseId}/accept`, { version: view.version }, admin);
    const mediatorId = (await get(api.url, '/auth/me', tokens.js_mediator)).id;
    view = await get(api.url, `/cases/${caseId}`, admin);
    await post(api.url, `/cases/${caseId}/assign`, { version: view.version, mediatorId }, admin);
    view = await get(api.url, `/cases/${caseId}`, tokens.js_mediator);
    await post(
      api.url,
      `/cases/${caseId}/transitions/start_mediation`,
      { version: view.version },
      tokens.js_mediator,
    );
    const li = await party('13800000002');
    await get(api.url, '/cases/mine', li);
    view = await get(api.url, `/cases/${caseId}`, tokens.js_mediator);
    const jointRoom: string = view.rooms.find((r: any) => r.kind === 'joint').id;
    const userIds = Object.fromEntries(
      await Promise.all(
        STAFF.map(async (u) => [u, (await get(api.url, '/auth/me', tokens[u])).id as string] as const),
      ),
    );
    return { caseId, jointRoom, caseTokens: [tokens.js_mediator, admin, zhang, li], tokens, userIds };
  } finally {
    await api.close();
  }
}

/** Linkage rooms created by `admin`, each with `members` demo staff accounts (admin included). */
export async function linkageRooms(
  url: string,
  staged: Awaited<ReturnType<typeof stage>>,
  count: number,
  members: number,
): Promise<string[]> {
  const others = STAFF.filter((u) => u !== 'admin')
    .slice(0, members - 1)
    .map((u) => staged.userIds[u]);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, (_, k) =>
        post(
          url,
          '/rooms/linkage',
          { title: `会商室 ${i + k}`, topic: '基准测试', userIds: others },
          staged.tokens.admin,
        ),
      ),
    );
    ids.push(...batch.map((r) => r.id as string));
  }
  return ids;
}

export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s[s.length - 1], mean };
}

/** A synthetic message the size of a real one, for the bare baseline to relay. */
export function fakeMessage(roomId: string, seq: number, clientMsgId: string, body: string) {
  return {
    id: '00000000-0000-4000-8000-' + String(seq).padStart(12, '0'),
    roomId,
    seq,
    kind: 'text',
    senderId: '11111111-1111-4111-8111-111111111111',
    senderName: '李调解',
    senderRole: 'mediator',
    clientMsgId,
    body,
    createdAt: new Date().toISOString(),
    attachment: null,
  };
}

export const fmt = (x: number, d = 1) => x.toFixed(d);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
