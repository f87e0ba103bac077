import { Injectable } from '@nestjs/common';
import { SQL, sql } from 'drizzle-orm';
import { Executor, anyUuid, resultRows } from '@tiaojie/db';

/** One way a query term can match: every listed term present, or (prefix) a case number starting so. */
export type Alternative = { terms: string[] } | { prefix: string };
/** A query term: matched when any of its alternatives is (the first that matches gives the case its rank). */
export type Condition = Alternative[];

export interface SearchCursor {
  rank: number;
  receivedAt: string;
  id: string;
}

export interface SearchRead {
  /** the condition whose postings are read in order; the others are checked per candidate */
  driver: Condition;
  others: Condition[];
  /** conditions over `d` (a row of disputes): the reader's scope and the filters */
  where: SQL[];
  after: SearchCursor | null;
  limit: number;
}

export interface SearchHit {
  disputeId: string;
  rank: number;
  receivedAt: Date;
}

export const COUNT_CAP = 200;
/** How far `frequencies` counts a term's postings: beyond it a term is simply common. */
const FREQUENCY_PROBE = 5000;

const has = (term: string) =>
  sql`exists (select 1 from case_search_terms o where o.dispute_id = t.dispute_id and o.term = ${term})`;
const hasPrefix = (prefix: string) =>
  sql`exists (select 1 from case_search_terms o where o.dispute_id = t.dispute_id and o.term >= ${prefix} and o.term < ${`${prefix}~`})`;
const matches = (a: Alternative): SQL =>
  'prefix' in a ? hasPrefix(a.prefix) : sql.join(a.terms.map(has), sql` and `);
const anyOf = (c: Condition): SQL => sql`(${sql.join(c.map(matches), sql` or `)})`;

/**
 * The search read. The driver's postings are walked in (rank, received desc) order on case_search_terms_order_idx,
 * each candidate checked against the other terms (primary-key probes), the scope and the filters, until a page is
 * full: the cost depends on the page and on how many candidates fail the checks, not on the table's size.
 * Each alternative of the driver is a branch of a UNION ALL that excludes the cases of the branches before it, so a
 * case appears once, with the rank of its first matching alternative.
 */
@Injectable()
export class CaseSearchRepository {
  async page(db: Executor, read: SearchRead): Promise<SearchHit[]> {
    const after = read.after;
    const cursor = after
      ? sql`and (t.rank > ${after.rank} or (t.rank = ${after.rank} and (t.received_at < ${after.receivedAt}::timestamptz
          or (t.received_at = ${after.receivedAt}::timestamptz and t.dispute_id < ${after.id}::uuid))))`
      : sql``;
    const order = sql`order by rank, received_at desc, dispute_id desc limit ${read.limit}`;
    const branches = this.branches(read, cursor, read.limit);
    const rows = resultRows<{ dispute_id: string; rank: number; received_at: string | Date }>(
      await db.execute(
        sql`select dispute_id, rank, received_at from (${sql.join(branches, sql` union all `)}) u ${order}`,
      ),
    );
    return rows.map((r) => ({
      disputeId: r.dispute_id,
      rank: Number(r.rank),
      receivedAt: new Date(r.received_at),
    }));
  }

  /** How many cases match, when at most COUNT_CAP do; null when more (counting them all would grow with the table). */
  async count(db: Executor, read: SearchRead): Promise<number | null> {
    // each branch walks the index in order and stops after COUNT_CAP + 1 (unordered, the planner would hash-join every posting)
    const branches = this.branches(read, sql``, COUNT_CAP + 1);
    const n = Number(
      resultRows<{ n: number | string }>(
        await db.execute(
          sql`select count(*) as n from (select 1 from (${sql.join(branches, sql` union all `)}) u limit ${COUNT_CAP + 1}) c`,
        ),
      )[0].n,
    );
    return n > COUNT_CAP ? null : n;
  }

  /** How many postings each term has, counted up to FREQUENCY_PROBE (index only): the rarest term drives a read. */
  async frequencies(db: Executor, terms: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(terms)];
    if (unique.length === 0) return new Map();
    const probes = unique.map(
      (term) =>
        sql`(select ${term}::text as term, count(*)::int as n from (select 1 from case_search_terms where term = ${term} limit ${FREQUENCY_PROBE}) p)`,
    );
    const rows = resultRows<{ term: string; n: number }>(
      await db.execute(sql.join(probes, sql` union all `)),
    );
    return new Map(rows.map((r) => [r.term, Number(r.n)]));
  }

  /** Which fields each case matched on (postings' field bits ORed over the query's terms). */
  async fieldsOf(
    db: Executor,
    ids: readonly string[],
    terms: readonly string[],
    prefixes: readonly string[],
  ) {
    if (ids.length === 0) return new Map<string, number>();
    const prefixMatch = prefixes.map((p) => sql` or (term >= ${p} and term < ${`${p}~`})`);
    const rows = resultRows<{ dispute_id: string; fields: number }>(
      await db.execute(sql`select dispute_id, bit_or(fields)::int as fields from case_search_terms
        where dispute_id = ${anyUuid(ids)}
          and (term in (select value from jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb))${sql.join(prefixMatch, sql``)})
        group by dispute_id`),
    );
    return new Map(rows.map((r) => [r.dispute_id, Number(r.fields)]));
  }

  private branches(read: SearchRead, cursor: SQL, limit: number): SQL[] {
    const others = read.others.map(anyOf);
    return read.driver.map((alt, i) => {
      const before = read.driver.slice(0, i).map((a) => sql`not ${matches(a)}`);
      const [head, rest] =
        'prefix' in alt
          ? [sql`t.term >= ${alt.prefix} and t.term < ${`${alt.prefix}~`}`, [] as SQL[]]
          : [sql`t.term = ${alt.terms[0]}`, alt.terms.slice(1).map(has)];
      const conditions = [head, ...rest, ...before, ...others, ...read.where];
      const body = sql`select t.dispute_id, t.rank, t.received_at from case_search_terms t
        join disputes d on d.id = t.dispute_id
        where ${sql.join(conditions, sql` and `)} ${cursor}`;
      return sql`(${body} order by t.rank, t.received_at desc, t.dispute_id desc limit ${limit})`;
    });
  }
}
