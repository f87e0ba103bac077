import { Injectable } from '@nestjs/common';
import { SQL, sql } from 'drizzle-orm';
import { Executor, resultRows } from '@tiaojie/db';

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
  /** conditions over `t` (the driver's posting) and `d` (its row of disputes): the reader's scope and the filters */
  where: SQL[];
  /** whether `where` reads `d`; when not (every case readable, no filter on its row) the read stays on the index */
  joinCases: boolean;
  after: SearchCursor | null;
  limit: number;
  /** how many of the driver's postings a read checks in order before it walks on or joins the posting lists */
  budget?: number;
  /** the query's terms and case-number prefixes: each hit's `fields` ORs the field bits of its postings of them */
  matchedBy?: { terms: string[]; prefixes: string[] };
}

export interface SearchHit {
  disputeId: string;
  rank: number;
  receivedAt: Date;
  /** FIELD_BITS of the hit's postings of `matchedBy` (0 without it) */
  fields: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** how many cases match, when at most COUNT_CAP do and the read's budget counted them; else null */
  total: number | null;
}

export const COUNT_CAP = 200;
/** How far `frequencies` counts a term's postings: beyond it a term is simply common. */
const FREQUENCY_PROBE = 5000;
/** Postings of the driver a read checks in order before it walks on unbounded or joins the posting lists. */
const WALK_BUDGET = 1000;
/** Postings the count checks: a total that needs more is not worth the walk (it is then null). */
const COUNT_BUDGET = 400;
const ORDER = sql`order by rank, received_at desc, dispute_id desc`;

/**
 * Whether candidate `t` has a term. In an ordered walk each is a primary-key probe per candidate (`offset 0` keeps
 * the planner from turning it into a hashed subplan that reads the term's whole posting list first); a whole join
 * (`walk` false) leaves the planner free to hash.
 */
const fence = (walk: boolean) => (walk ? sql` offset 0` : sql``);
const has = (term: string, walk: boolean) =>
  sql`exists (select 1 from case_search_terms o where o.dispute_id = t.dispute_id and o.term = ${term}${fence(walk)})`;
const hasPrefix = (prefix: string, walk: boolean) =>
  sql`exists (select 1 from case_search_terms o where o.dispute_id = t.dispute_id and o.term >= ${prefix} and o.term < ${`${prefix}~`}${fence(walk)})`;
const matches = (a: Alternative, walk: boolean): SQL =>
  'prefix' in a
    ? hasPrefix(a.prefix, walk)
    : sql.join(
        a.terms.map((x) => has(x, walk)),
        sql` and `,
      );
const anyOf = (c: Condition, walk: boolean): SQL =>
  sql`(${sql.join(
    c.map((a) => matches(a, walk)),
    sql` or `,
  )})`;
const headOf = (a: Alternative): SQL =>
  'prefix' in a ? sql`t.term >= ${a.prefix} and t.term < ${`${a.prefix}~`}` : sql`t.term = ${a.terms[0]}`;

/** Rows after the cursor in (rank, received desc, id desc) order; `x` names the row's source. */
function after(c: SearchCursor | null, x: string): SQL {
  if (!c) return sql``;
  const [rank, at, id] = [sql.raw(`${x}.rank`), sql.raw(`${x}.received_at`), sql.raw(`${x}.dispute_id`)];
  return sql`and (${rank} > ${c.rank} or (${rank} = ${c.rank} and (${at} < ${c.receivedAt}::timestamptz
    or (${at} = ${c.receivedAt}::timestamptz and ${id} < ${c.id}::uuid))))`;
}

/** The field bits of page row `p`'s postings of the query's terms. */
function fieldsOf(read: SearchRead): SQL {
  const m = read.matchedBy;
  if (!m || m.terms.length + m.prefixes.length === 0) return sql`0`;
  const alternatives = [
    ...(m.terms.length > 0
      ? [sql`o.term in (select value from jsonb_array_elements_text(${JSON.stringify(m.terms)}::jsonb))`]
      : []),
    ...m.prefixes.map((x) => sql`(o.term >= ${x} and o.term < ${`${x}~`})`),
  ];
  return sql`(select bit_or(o.fields) from case_search_terms o
    where o.dispute_id = p.dispute_id and (${sql.join(alternatives, sql` or `)}))`;
}

type Row = {
  fields: number | null;
  dispute_id: string | null;
  rank: number | null;
  received_at: string | Date | null;
  n: number | string;
  count_cut?: boolean;
  page_cut?: boolean | null;
};

/**
 * The search read, one statement per page. The driver's postings are walked in (rank, received desc) order on
 * case_search_terms_order_idx, each candidate checked against the other terms (primary-key probes), the scope and
 * the filters, until a page is full and COUNT_CAP + 1 matches are counted, over at most `budget` postings: the cost
 * depends on the page and on how many candidates fail the checks, not on the table's size. The count checks at
 * most COUNT_BUDGET postings (beyond, the total is unknown: null). A page the budget cannot fill (terms that rarely
 * occur together, filters that rarely hold) is walked on without a budget when the budget found some matches (for
 * matches that are a steady share of the cases that costs the same at any size), and when it found none the
 * posting lists are joined whole, unordered (a hash join: linear in the lists, the one cost that grows).
 * Each alternative of the driver is a branch of a UNION ALL that excludes the cases of the branches before it, so a
 * case appears once, with the rank of its first matching alternative.
 */
@Injectable()
export class CaseSearchRepository {
  async read(db: Executor, read: SearchRead): Promise<SearchResult> {
    const walked = await this.walk(db, read, read.budget ?? WALK_BUDGET);
    if (walked.settled) return { hits: walked.hits, total: walked.total };
    // matches were found, just sparse: walking on costs about as much at any table size; none at all: join whole
    return walked.hits.length > 0 ? this.walkOn(db, read, walked.total) : this.intersect(db, read);
  }

  /**
   * Page and count read in order over at most `budget` (count: COUNT_BUDGET) driver postings per branch; `settled`
   * false when that did not settle the page. The total is null when more than COUNT_CAP match or were not counted.
   */
  private async walk(
    db: Executor,
    read: SearchRead,
    budget: number,
  ): Promise<SearchResult & { settled: boolean }> {
    const union = (cursor: SearchCursor | null, limit: number, most: number) =>
      sql.join(
        read.driver.map((_, i) => this.branch(read, i, cursor, limit, most)),
        sql` union all `,
      );
    const countBudget = Math.min(budget, COUNT_BUDGET);
    // whether branch `i` has more than `most` postings (after the cursor): read only when a walk fell short
    const cut = (i: number, cursor: SearchCursor | null, most: number) =>
      sql`(select count(*) from (select 1 from case_search_terms t where ${headOf(read.driver[i])} ${after(cursor, 't')} limit ${most}) x) >= ${most}`;
    const anyOf = (check: (i: number) => SQL) =>
      sql`(${sql.join(
        read.driver.map((_, i) => check(i)),
        sql` or `,
      )})`;
    // a page is settled when every branch either filled its own page or walked all its postings
    const pageCut = anyOf(
      (i) =>
        sql`((select count(*) from b where b.b = ${i}) < ${read.limit} and ${cut(i, read.after, budget)})`,
    );
    const countCut = anyOf((i) => cut(i, null, countBudget));
    const rows = resultRows<Row>(
      await db.execute(sql`with c as materialized (select * from (${union(null, COUNT_CAP + 1, countBudget)}) u),
        b as materialized (select * from (${union(read.after, read.limit, budget)}) u),
        p as (select dispute_id, rank, received_at from b ${ORDER} limit ${read.limit})
        select p.dispute_id, p.rank, p.received_at, ${fieldsOf(read)}::int as fields, (select count(*) from c)::int as n,
          case when (select count(*) from c) > ${COUNT_CAP} then false else ${countCut} end as count_cut,
          ${pageCut} as page_cut
        from (select 1) one left join p on true
        order by p.rank, p.received_at desc, p.dispute_id desc`),
    );
    const n = Number(rows[0].n);
    return {
      hits: hitsOf(rows),
      total: n > COUNT_CAP || rows[0].count_cut ? null : n,
      settled: !rows[0].page_cut,
    };
  }

  /** The page walked in order without a budget (the count is the budgeted walk's). */
  private async walkOn(db: Executor, read: SearchRead, total: number | null): Promise<SearchResult> {
    const union = sql.join(
      read.driver.map((_, i) => this.branch(read, i, read.after, read.limit, null, true)),
      sql` union all `,
    );
    const rows = resultRows<Row>(
      await db.execute(sql`with p as materialized (select * from (${union}) u ${ORDER} limit ${read.limit})
        select p.dispute_id, p.rank, p.received_at, ${fieldsOf(read)}::int as fields, 0 as n from p
        order by p.rank, p.received_at desc, p.dispute_id desc`),
    );
    return { hits: hitsOf(rows), total };
  }

  /** Every match at once (the terms' posting lists joined whole), then the page in order and the count. */
  private async intersect(db: Executor, read: SearchRead): Promise<SearchResult> {
    const all = sql.join(
      read.driver.map((_, i) => this.branch(read, i, null, null, null)),
      sql` union all `,
    );
    const rows = resultRows<Row>(
      await db.execute(sql`with m as materialized (${all}),
        p as (select * from m where true ${after(read.after, 'm')} ${ORDER} limit ${read.limit})
        select p.dispute_id, p.rank, p.received_at, ${fieldsOf(read)}::int as fields, (select count(*) from m)::int as n
        from (select 1) one left join p on true
        order by p.rank, p.received_at desc, p.dispute_id desc`),
    );
    const n = Number(rows[0].n);
    return { hits: hitsOf(rows), total: n > COUNT_CAP ? null : n };
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

  /** Alternative `i` of the driver: its matches in order (`limit`), over at most `budget` of its postings. */
  private branch(
    read: SearchRead,
    i: number,
    cursor: SearchCursor | null,
    limit: number | null,
    budget: number | null,
    ordered = budget !== null,
  ): SQL {
    const alt = read.driver[i];
    const walk = ordered;
    const before = read.driver.slice(0, i).map((a) => sql`not ${matches(a, walk)}`);
    const rest = 'prefix' in alt ? [] : alt.terms.slice(1).map((x) => has(x, walk));
    const from =
      budget === null
        ? sql`case_search_terms t`
        : sql`(select dispute_id, rank, received_at from case_search_terms t where ${headOf(alt)} ${after(cursor, 't')}
            ${ORDER} limit ${budget}) t`;
    const conditions = [
      ...(budget === null ? [headOf(alt)] : []),
      ...rest,
      ...before,
      ...read.others.map((c) => anyOf(c, walk)),
      ...read.where,
    ];
    const join = read.joinCases ? sql` join disputes d on d.id = t.dispute_id` : sql``;
    const where = conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
    const body = sql`select t.dispute_id, t.rank, t.received_at, ${i}::int as b from ${from}${join}
      where ${where} ${budget === null ? after(cursor, 't') : sql``}`;
    return limit === null
      ? sql`(${body})`
      : sql`(${body} order by t.rank, t.received_at desc, t.dispute_id desc limit ${limit})`;
  }
}

function hitsOf(rows: Row[]): SearchHit[] {
  return rows.flatMap((r) =>
    r.dispute_id === null
      ? []
      : [
          {
            disputeId: r.dispute_id,
            rank: Number(r.rank),
            receivedAt: new Date(r.received_at!),
            fields: Number(r.fields ?? 0),
          },
        ],
  );
}
