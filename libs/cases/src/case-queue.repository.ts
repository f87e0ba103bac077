import { Injectable } from '@nestjs/common';
import { Query, SQL, and, asc, desc, eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { Executor, QUEUE_OPEN_STATUSES, compiledQuery, executePrepared, resultRows, schema, sqlList } from '@tiaojie/db';
import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { CASE_STATUSES } from './case-lifecycle';
import { DisputeSummaryRow, SUMMARY_COLUMNS } from './case.repository';

const d = schema.disputes;

/** The four queue reads: a body's (open cases or every case) and the district's (the same). */
export type QueueRead = 'openForBody' | 'forBody' | 'openForDistrict' | 'forDistrict';
export interface QueueValues { org?: string; statuses?: readonly string[] | null; limit: number }

/** Days before its due date from which a case counts as due soon (CaseQueryService.queue's `urgency`). */
export const DUE_SOON_DAYS = 3;

/**
 * A body's and the district's work queues (the hottest reads: every list screen polls them), as rows or as the
 * response's JSON text. Both are prepared statements built once; the JSON one is built by PostgreSQL, so the api
 * neither parses 100 rows of 19 columns nor serialises them again (seventh session: 100 queue reads a second at
 * 100 rows each cost the api a tenth of its time in the driver's row parsing, Drizzle's mapping and JSON).
 */
@Injectable()
export class CaseQueueRepository {
  /** A body's queue; `statuses` null means every status. */
  forBody(db: Executor, orgId: string, statuses: readonly string[] | null, limit: number): Promise<DisputeSummaryRow[]> {
    return this.rows(db).forBody.execute({ org: orgId, statuses: statuses ? [...statuses] : null, limit });
  }

  /**
   * A body's open queue (QUEUE_OPEN_STATUSES) in queue order. The list stands in the SQL text, so the partial index
   * disputes_body_open_queue_idx answers it in index order and the read stops at `limit` rows (0.1 ms); the general
   * `forBody` sorts every case of the body (8 ms at 3,750 of them).
   */
  openQueueForBody(db: Executor, orgId: string, limit: number): Promise<DisputeSummaryRow[]> {
    return this.rows(db).openForBody.execute({ org: orgId, limit });
  }

  /** The district's queue (newest first). */
  forDistrict(db: Executor, statuses: readonly string[] | null, limit: number): Promise<DisputeSummaryRow[]> {
    return this.rows(db).forDistrict.execute({ statuses: statuses ? [...statuses] : null, limit });
  }

  /** The district's open queue, newest first, from the partial index disputes_open_queue_idx (see openQueueForBody). */
  openQueueForDistrict(db: Executor, limit: number): Promise<DisputeSummaryRow[]> {
    return this.rows(db).openForDistrict.execute({ limit });
  }

  /**
   * The same read as a JSON array of list items, in the order of the rows, each what CaseQueryService.queue makes
   * of a row: the summary (labels from CASE_STATUSES and DISPUTE_CATEGORIES, timestamps in ISO 8601 UTC with
   * milliseconds) and its `urgency` at `now`.
   */
  async json(db: Executor, read: QueueRead, values: QueueValues, now: Date): Promise<string> {
    const placeholders = { org: values.org ?? null, statuses: values.statuses ? [...values.statuses] : null, limit: values.limit, now: now.toISOString() };
    const row = resultRows<{ list: string }>(await executePrepared(db, `cases_queue_json_${read}`, JSON_QUERIES[read], placeholders))[0];
    return row.list;
  }

  private readonly prepared = new WeakMap<Executor, ReturnType<typeof prepareRows>>();

  private rows(db: Executor) {
    let s = this.prepared.get(db);
    if (!s) this.prepared.set(db, (s = prepareRows(db)));
    return s;
  }
}

// a null status list means every status
const statusIn = sql`(${sql.placeholder('statuses')}::text[] is null or ${d.status} = any(${sql.placeholder('statuses')}::text[]))`;
const openStatus = sql`${d.status} in ${sqlList(QUEUE_OPEN_STATUSES)}`;
const BODY_ORDER = [asc(d.dueAt), desc(d.createdAt)];
const DISTRICT_ORDER = [desc(d.createdAt)];

/** The reads, on a database (to prepare) or on a bare query builder (to wrap in SQL); the same text either way. */
function selects(db: Executor | QueryBuilder) {
  const list = () => (db as Executor).select(SUMMARY_COLUMNS).from(d);
  return {
    forBody: list().where(and(eq(d.bodyId, sql.placeholder('org')), statusIn)).orderBy(...BODY_ORDER).limit(sql.placeholder('limit')),
    openForBody: list().where(and(eq(d.bodyId, sql.placeholder('org')), openStatus)).orderBy(...BODY_ORDER).limit(sql.placeholder('limit')),
    openForDistrict: list().where(openStatus).orderBy(...DISTRICT_ORDER).limit(sql.placeholder('limit')),
    forDistrict: list().where(statusIn).orderBy(...DISTRICT_ORDER).limit(sql.placeholder('limit')),
  };
}

function prepareRows(db: Executor) {
  const s = selects(db);
  return {
    forBody: s.forBody.prepare('cases_queue_for_body'),
    openForBody: s.openForBody.prepare('cases_open_queue_for_body'),
    openForDistrict: s.openForDistrict.prepare('cases_open_queue_for_district'),
    forDistrict: s.forDistrict.prepare('cases_queue_for_district'),
  };
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const labelOf = (column: string, labels: Record<string, string>) =>
  `case ${column} ${Object.entries(labels).map(([code, label]) => `when ${literal(code)} then ${literal(label)}`).join(' ')} else ${column} end`;
/** As Date#toISOString gives it (the driver's Date keeps milliseconds; PostgreSQL's MS truncates the microseconds). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const STATUS_LABELS = Object.fromEntries(Object.entries(CASE_STATUSES).map(([code, s]) => [code, s.label]));

/** One list item, key for key CaseQueryService.summary plus `urgency` (t: a row of SUMMARY_COLUMNS). */
const ITEM = sql`json_build_object(${sql.raw([
  `'id', t.id, 'number', t.number, 'title', t.title, 'category', t.category, 'deadlineRegime', t.deadline_regime`,
  `'enterpriseRelated', t.enterprise_related, 'categoryLabel', ${labelOf('t.category', DISPUTE_CATEGORIES)}`,
  `'kind', t.kind, 'channel', t.channel, 'status', t.status, 'statusLabel', ${labelOf('t.status', STATUS_LABELS)}, 'version', t.version`,
  `'bodyId', t.body_id, 'mediatorId', t.mediator_id, 'streetCode', t.street_code, 'sessionMode', t.session_mode`,
  `'dueAt', ${iso('t.due_at')}, 'createdAt', ${iso('t.created_at')}, 'updatedAt', ${iso('t.updated_at')}, 'urgency', `,
].join(', '))}case when t.due_at is null then 'none' when t.due_at < ${sql.placeholder('now')}::timestamptz then 'overdue'
  when t.due_at < ${sql.placeholder('now')}::timestamptz + interval '${sql.raw(String(DUE_SOON_DAYS))} days' then 'due_soon' else 'ok' end)`;

function jsonQuery(read: QueueRead, order: string): Query {
  const inner: SQL = selects(new QueryBuilder())[read].getSQL();
  return compiledQuery(sql`select coalesce(json_agg(${ITEM} order by ${sql.raw(order)}), '[]')::text as list from (${inner}) t`);
}
const JSON_QUERIES: Record<QueueRead, Query> = {
  forBody: jsonQuery('forBody', 't.due_at asc, t.created_at desc'),
  openForBody: jsonQuery('openForBody', 't.due_at asc, t.created_at desc'),
  openForDistrict: jsonQuery('openForDistrict', 't.created_at desc'),
  forDistrict: jsonQuery('forDistrict', 't.created_at desc'),
};

/** A queue read's JSON statement as compiled (text, and its parameters as placeholders): the read-route benchmark's bare route runs it. */
export function queueJsonQuery(read: QueueRead): Query {
  return JSON_QUERIES[read];
}
