/**
 * Loads synthetic disputes into a bench database fast enough for a million: each chunk is generated (cases,
 * parties, postings as COPY text) while the previous chunk's COPY runs, so Node and PostgreSQL work side by side;
 * the postings table is unlogged and without indexes while loading (no WAL for ~74 rows per case), and its two
 * indexes are built once afterwards with a large sort memory.
 */
import { Pool, PoolClient } from 'pg';
import { PersonalHash, postingsOf } from '@tiaojie/search';
import { copyField, copyIntoPostgres } from '../import/copy-in';
import { syntheticCase } from './synthetic-disputes';

const CHUNK = 20_000;

const DISPUTE_COLUMNS = [
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
];

export const caseId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

interface Chunk {
  disputes: Buffer;
  parties: Buffer;
  postings: Buffer;
}

async function generate(start: number, end: number, hash: PersonalHash, bodies: string[]): Promise<Chunk> {
  const d: string[] = [];
  const p: string[] = [];
  const t: string[] = [];
  for (let i = start; i <= end; i++) {
    // lets the previous chunk's COPY data flow to the server between slices of generation
    if (i % 500 === 0) await new Promise(setImmediate);
    const c = syntheticCase(i);
    const id = caseId(i);
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
      t.push(`${id}\t${copyField(x.term)}\t${x.rank}\t${x.fields}\t${at}`);
  }
  const buf = (rows: string[]) => Buffer.from(rows.join('\n') + '\n');
  return { disputes: buf(d), parties: buf(p), postings: buf(t) };
}

async function load(client: PoolClient, c: Chunk): Promise<void> {
  await copyIntoPostgres(client, 'disputes', DISPUTE_COLUMNS, c.disputes);
  await copyIntoPostgres(
    client,
    'dispute_parties',
    ['dispute_id', 'role', 'name', 'phone', 'id_number'],
    c.parties,
  );
  await copyIntoPostgres(
    client,
    'case_search_terms',
    ['dispute_id', 'term', 'rank', 'fields', 'received_at'],
    c.postings,
  );
}

export const INDEX_DDL = [
  `alter table case_search_terms add constraint case_search_terms_dispute_id_term_pk primary key (dispute_id, term)`,
  `create index case_search_terms_order_idx on case_search_terms using btree (term, rank, received_at desc, dispute_id desc)`,
];

export async function dropIndexes(pool: Pool): Promise<void> {
  await pool.query(
    `alter table case_search_terms drop constraint if exists case_search_terms_dispute_id_term_pk`,
  );
  await pool.query(`drop index if exists case_search_terms_order_idx`);
  await pool.query(`alter table case_search_terms set unlogged`);
}

/** Cases `from`..`to` (synthetic rows of those numbers) COPYed in; indexes are the caller's (dropIndexes, buildIndexes). */
export async function seed(
  pool: Pool,
  from: number,
  to: number,
  hash: PersonalHash,
  bodies: string[],
  progress: (done: number) => void,
): Promise<void> {
  const client = await pool.connect();
  try {
    // triggers and foreign keys off while loading (the stats triggers are not what this measures)
    await client.query(`set session_replication_role = replica`);
    await client.query(`set synchronous_commit = off`);
    let pending: Promise<void> | null = null;
    for (let start = from; start <= to; start += CHUNK) {
      const end = Math.min(to, start + CHUNK - 1);
      const chunk = await generate(start, end, hash, bodies);
      if (pending) await pending;
      pending = load(client, chunk).then(() => progress(end));
    }
    if (pending) await pending;
    await client.query(`set session_replication_role = origin`);
  } finally {
    client.release();
  }
}

export async function buildIndexes(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`set maintenance_work_mem = '1GB'`);
    for (const ddl of INDEX_DDL) await client.query(ddl);
    // as autovacuum would leave them: statistics, and the visibility map that lets index-only scans skip the heap
    await client.query(`vacuum (analyze) case_search_terms, disputes, dispute_parties`);
  } finally {
    client.release();
  }
}
