import { Injectable } from '@nestjs/common';
import { Query, and, asc, desc, eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { Executor, QUEUE_OPEN_STATUSES, compiledQuery, executePrepared, resultRows, schema, sqlList } from '@tiaojie/db';
import { DisputeSummaryRow, SUMMARY_COLUMNS } from './case.repository';

const d = schema.disputes;

/** The four queue reads: a body's (open cases or every case) and the district's (the same). */
export type QueueRead = 'openForBody' | 'forBody' | 'openForDistrict' | 'forDistrict';
export interface QueueValues { org?: string; statuses?: readonly string[] | null; limit: number }

/**
 * A body's and the district's work queues (the hottest reads: every list screen polls them), mapped to Drizzle's
 * types or raw as the driver gives them; prepared statements built once. The raw read is for the list's JSON text
 * (queue-list.json.ts): 100 queue reads a second at 100 rows each cost the api a tenth of its time in Drizzle's
 * mapping, list objects and serialising them (seventh session).
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
   * The same read as the driver gives it (columns by their database names, no mapping): for CaseQueryService's
   * queueJson, which writes the list's JSON text from it directly.
   */
  async raw(db: Executor, read: QueueRead, values: QueueValues): Promise<RawQueueRow[]> {
    const placeholders = { org: values.org ?? null, statuses: values.statuses ? [...values.statuses] : null, limit: values.limit };
    return resultRows<RawQueueRow>(await executePrepared(db, `cases_queue_raw_${read}`, RAW_QUERIES[read], placeholders));
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

/** A queue row as the driver gives it (CaseQueueRepository.raw). */
export interface RawQueueRow {
  id: string; number: string; title: string; category: string; deadline_regime: string | null; enterprise_related: boolean | null;
  kind: string; channel: string; status: string; version: number; body_id: string | null; mediator_id: string | null;
  street_code: string | null; session_mode: string | null; due_at: Date | string | null; created_at: Date | string; updated_at: Date | string;
}

const rawQuery = (read: QueueRead): Query => compiledQuery(selects(new QueryBuilder())[read].getSQL());
const RAW_QUERIES: Record<QueueRead, Query> = {
  forBody: rawQuery('forBody'), openForBody: rawQuery('openForBody'), openForDistrict: rawQuery('openForDistrict'), forDistrict: rawQuery('forDistrict'),
};

/** A queue read's statement as compiled (text, and its parameters as placeholders): the read-route benchmark's bare route runs it. */
export function queueRawQuery(read: QueueRead): Query {
  return RAW_QUERIES[read];
}
