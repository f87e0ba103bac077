import { Injectable } from '@nestjs/common';
import { Query, SQL, and, asc, desc, eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import {
  Executor,
  QUEUE_OPEN_STATUSES,
  compiledQuery,
  executePrepared,
  resultRows,
  schema,
  sqlList,
} from '@tiaojie/db';
import { listItemSql } from './case-list-item';
import { DisputeSummaryRow, SUMMARY_COLUMNS } from './case.repository';
import { DUE_SOON_DAYS } from '@tiaojie/deadlines';

const d = schema.disputes;

/** The four queue reads: a body's (open cases or every case) and the district's (the same). */
export type QueueRead = 'openForBody' | 'forBody' | 'openForDistrict' | 'forDistrict';
export interface QueueValues {
  org?: string;
  statuses?: readonly string[] | null;
  limit: number;
}

/**
 * A body's and the district's work queues (the hottest reads: every list screen polls them), as rows or as the
 * response's JSON text. Both are prepared statements built once; the JSON one is built by PostgreSQL, so the api
 * neither parses 100 rows of 19 columns nor serialises them again (measured: 100 queue reads a second at
 * 100 rows each cost the api a tenth of its time in the driver's row parsing, Drizzle's mapping and JSON).
 */
@Injectable()
export class CaseQueueRepository {
  /**
   * A queue read as rows. The open reads (QUEUE_OPEN_STATUSES) have the status list in their SQL text, so the
   * partial indexes disputes_body_open_queue_idx and disputes_open_queue_idx answer them in queue order and the read
   * stops at `limit` rows (0.1 ms); the general reads sort every case of the body (8 ms at 3,750 of them).
   * `statuses` (general reads only) null means every status.
   */
  rows(db: Executor, read: QueueRead, values: QueueValues): Promise<DisputeSummaryRow[]> {
    return this.prepared(db)[read].execute(placeholdersOf(values));
  }

  /**
   * The same read as a JSON array of list items (case-list-item.ts), in the order of the rows, each with its
   * `urgency` at `now` (urgencyAt).
   */
  async json(db: Executor, read: QueueRead, values: QueueValues, now: Date): Promise<string> {
    const placeholders = { ...placeholdersOf(values), now: now.toISOString() };
    return resultRows<{ list: string }>(
      await executePrepared(db, `cases_queue_json_${read}`, JSON_QUERIES[read], placeholders),
    )[0].list;
  }

  private readonly statements = new WeakMap<Executor, ReturnType<typeof prepareRows>>();

  private prepared(db: Executor) {
    let s = this.statements.get(db);
    if (!s) this.statements.set(db, (s = prepareRows(db)));
    return s;
  }
}

const placeholdersOf = (values: QueueValues) => ({
  org: values.org ?? null,
  statuses: values.statuses ? [...values.statuses] : null,
  limit: values.limit,
});

// a null status list means every status
const statusIn = sql`(${sql.placeholder('statuses')}::text[] is null or ${d.status} = any(${sql.placeholder('statuses')}::text[]))`;
const openStatus = sql`${d.status} in ${sqlList(QUEUE_OPEN_STATUSES)}`;
const BODY_ORDER = [asc(d.dueAt), desc(d.createdAt)];
const DISTRICT_ORDER = [desc(d.createdAt)];

/** The reads, on a database (to prepare) or on a bare query builder (to wrap in SQL); the same text either way. */
function selects(db: Executor | QueryBuilder) {
  const list = () => (db as Executor).select(SUMMARY_COLUMNS).from(d);
  return {
    forBody: list()
      .where(and(eq(d.bodyId, sql.placeholder('org')), statusIn))
      .orderBy(...BODY_ORDER)
      .limit(sql.placeholder('limit')),
    openForBody: list()
      .where(and(eq(d.bodyId, sql.placeholder('org')), openStatus))
      .orderBy(...BODY_ORDER)
      .limit(sql.placeholder('limit')),
    openForDistrict: list()
      .where(openStatus)
      .orderBy(...DISTRICT_ORDER)
      .limit(sql.placeholder('limit')),
    forDistrict: list()
      .where(statusIn)
      .orderBy(...DISTRICT_ORDER)
      .limit(sql.placeholder('limit')),
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

/** A row's list item plus its `urgency` (urgencyAt, in SQL) at the placeholder `now` (t: a row of SUMMARY_COLUMNS). */
const ITEM = sql`json_build_object(${sql.raw(listItemSql('t'))}, 'urgency', case when t.due_at is null then 'none'
  when t.due_at < ${sql.placeholder('now')}::timestamptz then 'overdue'
  when t.due_at < ${sql.placeholder('now')}::timestamptz + interval '${sql.raw(String(DUE_SOON_DAYS))} days' then 'due_soon' else 'ok' end)`;

function jsonQuery(read: QueueRead, order: string): Query {
  const inner: SQL = selects(new QueryBuilder())[read].getSQL();
  return compiledQuery(
    sql`select coalesce(json_agg(${ITEM} order by ${sql.raw(order)}), '[]')::text as list from (${inner}) t`,
  );
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
