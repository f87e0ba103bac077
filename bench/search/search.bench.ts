/**
 * Case search at 100,000 and 1,000,000 disputes on PostgreSQL (database `tj_search`, made afresh): synthetic cases
 * with Chinese text (synthetic-disputes.ts) and their postings COPYed in, the index built, then per query kind the
 * search route over HTTP (as the district admin: every case in scope) and CaseSearchService.find in process, beside
 * a bare lookup of the same driver term on case_search_terms_order_idx (one page, no scope, no joins), same run.
 *
 *   npx swc bench libs apps/api/src -d dist-bench --copy-files -q && node dist-bench/bench/search/search.bench.js [--sizes 100000,1000000]
 */
import 'reflect-metadata';
import { Client, Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import { Role, loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { CaseSearchService } from '@tiaojie/cases';
import { CaseSearchIndexService, PersonalHash, postingsOf } from '@tiaojie/search';
import { createApi } from '../../apps/api/src/bootstrap';
import { copyField, copyIntoPostgres } from '../import/copy-in';
import { DEFAULT_PG_URL } from '../support/bench-context';
import { personName, syntheticCase } from './synthetic-disputes';

const DB = 'tj_search';
const CHUNK = 10_000;
const SAMPLES = 60;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const log = (...x: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...x);

async function seed(
  pool: Pool,
  from: number,
  to: number,
  hash: PersonalHash,
  bodies: string[],
): Promise<void> {
  for (let start = from; start <= to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK - 1);
    const d: string[] = [];
    const p: string[] = [];
    const t: string[] = [];
    for (let i = start; i <= end; i++) {
      const c = syntheticCase(i);
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const at = c.receivedAt.toISOString();
      d.push(
        [
          id,
          c.number,
          c.category,
          'peoples',
          i % 3 === 0 ? 'hotline_12345' : 'grid',
          c.title,
          c.description,
          c.streetCode,
          c.address,
          c.status,
          bodies[i % bodies.length],
          at,
          at,
        ]
          .map(copyField)
          .join('\t'),
      );
      p.push([id, 'applicant', c.a.name, c.a.phone, c.a.idNumber].map(copyField).join('\t'));
      p.push([id, 'respondent', c.b.name, c.b.phone, null].map(copyField).join('\t'));
      const doc = {
        number: c.number,
        title: c.title,
        description: c.description,
        address: c.address,
        names: [c.a.name, c.b.name],
        phones: [c.a.phone, c.b.phone],
        idNumbers: c.a.idNumber ? [c.a.idNumber] : [],
        intakeIds: [],
        courtCaseNumbers: [],
      };
      for (const x of postingsOf(doc, hash))
        t.push([id, x.term, String(x.rank), String(x.fields), at].map(copyField).join('\t'));
    }
    const client = await pool.connect();
    try {
      // triggers and foreign keys off while loading (the stats triggers are not what this measures)
      await client.query(`set session_replication_role = replica`);
      await copyIntoPostgres(
        client,
        'disputes',
        [
          'id',
          'number',
          'category',
          'kind',
          'channel',
          'title',
          'description',
          'street_code',
          'address',
          'status',
          'body_id',
          'created_at',
          'updated_at',
        ],
        Buffer.from(d.join('\n') + '\n'),
      );
      await copyIntoPostgres(
        client,
        'dispute_parties',
        ['dispute_id', 'role', 'name', 'phone', 'id_number'],
        Buffer.from(p.join('\n') + '\n'),
      );
      await copyIntoPostgres(
        client,
        'case_search_terms',
        ['dispute_id', 'term', 'rank', 'fields', 'received_at'],
        Buffer.from(t.join('\n') + '\n'),
      );
      await client.query(`set session_replication_role = origin`);
    } finally {
      client.release();
    }
    if ((end - from + 1) % 100_000 < CHUNK) log(`seeded ${end}`);
  }
}

const INDEX_DDL = [
  `alter table case_search_terms add constraint case_search_terms_dispute_id_term_pk primary key (dispute_id, term)`,
  `create index case_search_terms_order_idx on case_search_terms using btree (term, rank, received_at desc, dispute_id desc)`,
];
async function dropIndex(pool: Pool) {
  await pool.query(
    `alter table case_search_terms drop constraint if exists case_search_terms_dispute_id_term_pk`,
  );
  await pool.query(`drop index if exists case_search_terms_order_idx`);
}

interface Kind {
  name: string;
  params: (k: number) => Record<string, string>;
  /** the driver term of the bare lookup */
  bare: (k: number, hash: PersonalHash) => string;
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100000,1000000').split(',').map(Number);
  const base = process.env.DATABASE_URL || DEFAULT_PG_URL;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${DB}`;
  const db = await DbService.connect({ databaseUrl: url.toString(), dataDir: '' });
  await db.migrate();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '3961',
    HOST: '127.0.0.1',
    DATABASE_URL: url.toString(),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
    DEMO_DATA: 'true',
    RUN_WORKER: 'false',
    WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
  });
  const api = await createApi(config, db);
  const pool = new Pool({ connectionString: url.toString(), max: 4 });
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
  const bodies = (
    await pool.query(`select id from organizations where kind = 'peoples' order by code`)
  ).rows.map((r) => r.id as string);
  const hash = await api.app.get(CaseSearchIndexService).hasher();
  const service = api.app.get(CaseSearchService);
  await dropIndex(pool);

  const results: string[] = [];
  let seeded = 0;
  for (const size of sizes) {
    await dropIndex(pool);
    const s0 = performance.now();
    await seed(pool, seeded + 1, size, hash, bodies);
    const seedS = (performance.now() - s0) / 1000;
    seeded = size;
    const b0 = performance.now();
    for (const ddl of INDEX_DDL) await pool.query(ddl);
    // as autovacuum would leave them: statistics, and the visibility map that lets index-only scans skip the heap
    await pool.query(`vacuum (analyze) case_search_terms, disputes, dispute_parties`);
    const buildS = (performance.now() - b0) / 1000;
    const sizes = (
      await pool.query(`select pg_relation_size('case_search_terms') t, pg_relation_size('case_search_terms_dispute_id_term_pk') pk,
        pg_relation_size('case_search_terms_order_idx') o, (select count(*) from case_search_terms) n`)
    ).rows[0];
    const gb = (b: string) => (Number(b) / 1024 ** 3).toFixed(2);
    log(
      `size ${size}: seed ${seedS.toFixed(0)} s, index build ${buildS.toFixed(0)} s, postings ${sizes.n}, table ${gb(sizes.t)} GiB, pk ${gb(sizes.pk)} GiB, order ${gb(sizes.o)} GiB`,
    );
    results.push(
      `| ${size} | ${sizes.n} | ${seedS.toFixed(0)} s | ${buildS.toFixed(0)} s | ${gb(sizes.t)} + ${gb(sizes.pk)} + ${gb(sizes.o)} GiB |`,
    );

    const at = (k: number) => 1 + ((k * 7717) % size);
    const kinds: Kind[] = [
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
    for (const kind of kinds) {
      const http: number[] = [];
      const svc: number[] = [];
      const bare: number[] = [];
      let found = 0;
      for (let k = -3; k < SAMPLES; k++) {
        const params = kind.params(Math.abs(k));
        const h0 = performance.now();
        const res = await fetch(`${api.url}/api/cases/search?${new URLSearchParams(params)}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await res.json()) as { items: unknown[] };
        const h1 = performance.now();
        await service.find(actor, { q: '', ...params });
        const h2 = performance.now();
        await pool.query(
          `select dispute_id from case_search_terms where term = $1 order by rank, received_at desc, dispute_id desc limit 21`,
          [kind.bare(Math.abs(k), hash)],
        );
        const h3 = performance.now();
        if (k < 0) continue;
        if (res.status !== 200) throw new Error(`${kind.name}: ${res.status} ${JSON.stringify(body)}`);
        found += body.items.length > 0 ? 1 : 0;
        http.push(h1 - h0);
        svc.push(h2 - h1);
        bare.push(h3 - h2);
      }
      const row = `| ${size} | ${kind.name} | ${pct(http, 0.5).toFixed(2)} / ${pct(http, 0.95).toFixed(2)} | ${pct(svc, 0.5).toFixed(2)} / ${pct(svc, 0.95).toFixed(2)} | ${pct(bare, 0.5).toFixed(2)} / ${pct(bare, 0.95).toFixed(2)} | ${(pct(svc, 0.95) / pct(bare, 0.95)).toFixed(1)}× | ${found}/${SAMPLES} |`;
      log(row);
      results.push(row);
    }
  }
  console.log(results.join('\n'));
  await pool.end();
  await api.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
