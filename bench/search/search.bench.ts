/**
 * Case search at 100,000 and 1,000,000 disputes on PostgreSQL, one database per size (`<db>_<size>`, default
 * `tj_search_<size>`): made and seeded once (seed.ts: synthetic cases with Chinese text and their postings COPYed
 * in, the index built after the load), reused by later runs (`--fresh` to make them again, `--seed-only` to stop
 * there). Per query kind: the search route over HTTP (as the district admin: every case in scope) and
 * CaseSearchService.find in process, beside a bare lookup of the same driver term on case_search_terms_order_idx
 * (one page, no scope, no joins), same run.
 *
 *   npx swc bench libs apps/api/src -d dist-bench --copy-files -q && cd dist-bench && node bench/search/search.bench.js [--sizes 100000,1000000] [--db tj_search] [--port 3351]
 */
import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { Actor, Role, loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { CaseSearchService } from '@tiaojie/cases';
import { CaseSearchIndexService, PersonalHash } from '@tiaojie/search';
import { createApi } from '../../apps/api/src/bootstrap';
import { DEFAULT_PG_URL } from '../support/bench-context';
import { personName, syntheticCase } from './synthetic-disputes';
import { buildIndexes, dropIndexes, seed } from './seed';

const SAMPLES = 60;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const log = (...x: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...x);

interface Kind {
  name: string;
  params: (k: number) => Record<string, string>;
  /** the driver term of the bare lookup */
  bare: (k: number, hash: PersonalHash) => string;
}

/** The query kinds, each the same 60 queries at any size (cases picked across the whole table). */
function kindsOf(size: number): Kind[] {
  const at = (k: number) => 1 + ((k * 7717) % size);
  return [
    {
      name: 'number',
      params: (k) => ({ q: syntheticCase(at(k)).number }),
      bare: (k) => `n:${syntheticCase(at(k)).number}`,
    },
    {
      name: 'name',
      params: (k) => ({ q: syntheticCase(at(k)).a.name }),
      bare: (k) => syntheticCase(at(k)).a.name,
    },
    {
      name: 'phone',
      params: (k) => ({ q: syntheticCase(at(k)).b.phone }),
      bare: (k, h) => h('p', syntheticCase(at(k)).b.phone),
    },
    {
      name: 'one word',
      params: (k) => ({ q: ['漏水', '押金', '商标', '电梯', '抚养费', '工程款'][k % 6] }),
      bare: (k) => ['漏水', '押金', '商标', '电梯', '抚养费', '工程款'][k % 6],
    },
    {
      name: 'two words',
      params: (k) => ({ q: ['漏水 人民路', '押金 银杏路', '电梯 物业费', '工资 包工头'][k % 4] }),
      bare: (k) => ['人民路', '银杏路', '物业费', '包工头'][k % 4],
    },
    {
      name: 'word + filters',
      params: (k) => ({
        q: ['漏水', '押金', '电梯'][k % 3],
        status: 'in_mediation',
        streetCode: 'JS',
        from: '2020-01-01',
      }),
      bare: (k) => ['漏水', '押金', '电梯'][k % 3],
    },
    { name: '纠纷', params: () => ({ q: '纠纷' }), bare: () => '纠纷' },
    {
      name: 'name (unknown)',
      params: (k) => ({ q: personName(k + 5_000_000, 77) + '某' }),
      bare: (k) => personName(k + 5_000_000, 77) + '某',
    },
  ];
}

interface Bench {
  url: string;
  token: string;
  actor: Actor;
  service: CaseSearchService;
  pool: Pool;
  hash: PersonalHash;
}

interface Samples {
  http: number[];
  svc: number[];
  bare: number[];
  found: number;
}

/** One sample of a query at one size: over HTTP, in process, and the bare lookup. */
async function sample(b: Bench, kind: Kind, k: number, into: Samples | null): Promise<void> {
  const params = kind.params(k);
  const h0 = performance.now();
  const res = await fetch(`${b.url}/api/cases/search?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${b.token}` },
  });
  const body = (await res.json()) as { items: unknown[] };
  const h1 = performance.now();
  await b.service.find(b.actor, { q: '', ...params });
  const h2 = performance.now();
  await b.pool.query(
    `select dispute_id from case_search_terms where term = $1 order by rank, received_at desc, dispute_id desc limit 21`,
    [kind.bare(k, b.hash)],
  );
  const h3 = performance.now();
  if (res.status !== 200) throw new Error(`${kind.name}: ${res.status} ${JSON.stringify(body)}`);
  if (!into) return;
  into.found += body.items.length > 0 ? 1 : 0;
  into.http.push(h1 - h0);
  into.svc.push(h2 - h1);
  into.bare.push(h3 - h2);
}

/**
 * Every kind at every size, the sizes interleaved query by query: the load of the shared machine then weighs on
 * both sizes alike, so their ratio means something even when the absolute figures are noisy.
 */
async function measure(benches: (Bench & { size: number })[], results: string[]): Promise<void> {
  const kinds = benches.map((b) => kindsOf(b.size));
  for (let j = 0; j < kinds[0].length; j++) {
    const got: Samples[] = benches.map(() => ({ http: [], svc: [], bare: [], found: 0 }));
    for (let k = -3; k < SAMPLES; k++)
      for (let i = 0; i < benches.length; i++)
        await sample(benches[i], kinds[i][j], Math.abs(k), k < 0 ? null : got[i]);
    benches.forEach((b, i) => {
      const { http, svc, bare, found } = got[i];
      const row = `| ${b.size} | ${kinds[i][j].name} | ${pct(http, 0.5).toFixed(2)} / ${pct(http, 0.95).toFixed(2)} | ${pct(svc, 0.5).toFixed(2)} / ${pct(svc, 0.95).toFixed(2)} | ${pct(bare, 0.5).toFixed(2)} / ${pct(bare, 0.95).toFixed(2)} | ${(pct(svc, 0.95) / pct(bare, 0.95)).toFixed(1)}× | ${found}/${SAMPLES} |`;
      log(row);
      results.push(row);
    });
  }
}

/** The bench database of one size, made and seeded when it does not exist yet (or with --fresh). */
async function database(base: string, name: string, fresh: boolean): Promise<string> {
  const admin = new Client({ connectionString: base });
  await admin.connect();
  if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100000,1000000').split(',').map(Number);
  const prefix = arg('db') ?? 'tj_search';
  const seedOnly = process.argv.includes('--seed-only');
  const base = process.env.DATABASE_URL || DEFAULT_PG_URL;
  const results: string[] = [];
  const loads: string[] = [];
  const benches: (Bench & { size: number })[] = [];
  const open: (() => Promise<void>)[] = [];
  for (const [n, size] of sizes.entries()) {
    const url = await database(base, `${prefix}_${size}`, process.argv.includes('--fresh'));
    const db = await DbService.connect({ databaseUrl: url, dataDir: '' });
    await db.migrate();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: String(Number(arg('port') ?? '3351') + n),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
      DEMO_DATA: 'true',
      RUN_WORKER: 'false',
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'silent',
    });
    const api = await createApi(config, db);
    const pool = new Pool({ connectionString: url, max: 4 });
    const hash = await api.app.get(CaseSearchIndexService).hasher();
    const loaded = (await pool.query(`select value from meta where key = 'bench.loaded'`)).rows[0]?.value as
      { size: number; seedS: number; buildS: number } | undefined;
    if (loaded?.size !== size) {
      const bodies = (
        await pool.query(`select id from organizations where kind = 'peoples' order by code`)
      ).rows.map((r) => r.id as string);
      await dropIndexes(pool);
      const s0 = performance.now();
      await seed(pool, 1, size, hash, bodies, (n) => n % 100_000 === 0 && log(`${size}: seeded ${n}`));
      const seedS = (performance.now() - s0) / 1000;
      const b0 = performance.now();
      await buildIndexes(pool);
      const buildS = (performance.now() - b0) / 1000;
      await pool.query(
        `insert into meta (key, value) values ('bench.loaded', $1) on conflict (key) do update set value = excluded.value`,
        [JSON.stringify({ size, seedS, buildS })],
      );
    }
    const m = (await pool.query(`select value from meta where key = 'bench.loaded'`)).rows[0].value;
    const st = (
      await pool.query(`select pg_relation_size('case_search_terms') t, pg_indexes_size('case_search_terms') i,
        (select string_agg(indexrelid::regclass || ' ' || pg_relation_size(indexrelid), ', ') from pg_index
          where indrelid = 'case_search_terms'::regclass) each, (select count(*) from case_search_terms) n`)
    ).rows[0];
    const gb = (b: string) => (Number(b) / 1024 ** 3).toFixed(2);
    const line = `| ${size} | ${st.n} | ${Number(m.seedS).toFixed(0)} s | ${Number(m.buildS).toFixed(0)} s | ${gb(st.t)} GiB + ${gb(st.i)} GiB (${st.each}) |`;
    log(line);
    loads.push(line);
    if (!seedOnly) {
      const signIn = await fetch(`${api.url}/api/auth/staff/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Tiaojie2026' }),
      });
      const token = ((await signIn.json()) as { accessToken: string }).accessToken;
      const me = (await pool.query(`select id, org_id from users where username = 'admin'`)).rows[0];
      const actor = {
        id: me.id as string,
        role: Role.DistrictAdmin,
        orgId: me.org_id as string | null,
        name: '周区管',
      };
      const service = api.app.get(CaseSearchService);
      benches.push({ url: api.url, token, actor, service, pool, hash, size });
    }
    open.push(async () => {
      await pool.end();
      await api.close();
      await db.close();
    });
  }
  if (!seedOnly) await measure(benches, results);
  for (const close of open) await close();
  console.log([...loads, ...results].join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
