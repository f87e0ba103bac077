import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Executor, Statement, anyUuid, bulkInsert, columnList, recordset, resultRows } from '@tiaojie/db';
import type { Posting, SearchDocument } from './search-tokens';

export interface IndexedDocument extends SearchDocument {
  id: string;
  receivedAt: Date;
}

const POSTING_COLUMNS = {
  dispute_id: 'uuid',
  term: 'text',
  rank: 'int',
  fields: 'int',
  received_at: 'timestamptz',
} as const;

/** The index's writes: what a case can be found by, read from its rows, and its postings replaced as a whole. */
@Injectable()
export class CaseSearchIndexRepository {
  /** The searchable facts of the cases `ids` (parties, agents, court referral, intake records), in one read. */
  async documents(db: Executor, ids: readonly string[]): Promise<IndexedDocument[]> {
    if (ids.length === 0) return [];
    const rows = resultRows<{
      id: string;
      number: string;
      title: string;
      description: string;
      address: string | null;
      created_at: string | Date;
      names: string[] | null;
      phones: string[] | null;
      id_numbers: string[] | null;
      intake_ids: string[] | null;
      court_numbers: string[] | null;
    }>(
      await db.execute(sql`
        select d.id, d.number, d.title, d.description, d.address, d.created_at,
          (select array_agg(n) from (
             select p.name as n from dispute_parties p where p.dispute_id = d.id
             union all select p.representative from dispute_parties p where p.dispute_id = d.id and p.representative is not null
             union all select a.name from dispute_agents a where a.dispute_id = d.id) x) as names,
          (select array_agg(ph) from (
             select p.phone as ph from dispute_parties p where p.dispute_id = d.id and p.phone is not null
             union all select a.phone from dispute_agents a where a.dispute_id = d.id and a.phone is not null) x) as phones,
          (select array_agg(p.id_number) from dispute_parties p where p.dispute_id = d.id and p.id_number is not null) as id_numbers,
          (select array_agg(r.source_id) from intake_records r where r.dispute_id = d.id) as intake_ids,
          (select array_agg(c.court_case_number) from court_referrals c where c.dispute_id = d.id) as court_numbers
        from disputes d where d.id = ${anyUuid(ids)}`),
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      description: r.description,
      address: r.address,
      receivedAt: new Date(r.created_at),
      names: r.names ?? [],
      phones: r.phones ?? [],
      idNumbers: r.id_numbers ?? [],
      intakeIds: r.intake_ids ?? [],
      courtCaseNumbers: r.court_numbers ?? [],
    }));
  }

  /** The postings of one new case as a statement to run with the case's own insert (runAsOne). */
  insertStatement(disputeId: string, receivedAt: Date, postings: Posting[]): Statement {
    const rows = postings.map((p) => ({
      dispute_id: disputeId,
      term: p.term,
      rank: p.rank,
      fields: p.fields,
      received_at: receivedAt.toISOString(),
    }));
    const cols = columnList(POSTING_COLUMNS);
    return sql`insert into case_search_terms (${cols}) select ${cols} from ${recordset(POSTING_COLUMNS, rows)}`;
  }

  /** Replaces every posting of the given cases (a case absent from `postings` loses its postings). */
  async replace(
    db: Executor,
    ids: readonly string[],
    postings: { disputeId: string; receivedAt: Date; postings: Posting[] }[],
  ): Promise<void> {
    if (ids.length === 0) return;
    await db.execute(sql`delete from case_search_terms where dispute_id = ${anyUuid(ids)}`);
    await this.insert(db, postings);
  }

  /** The postings of cases that have none yet (new cases, many at a time). */
  async insert(
    db: Executor,
    postings: { disputeId: string; receivedAt: Date; postings: Posting[] }[],
  ): Promise<void> {
    const rows = postings.flatMap((d) =>
      d.postings.map((p) => ({
        dispute_id: d.disputeId,
        term: p.term,
        rank: p.rank,
        fields: p.fields,
        received_at: d.receivedAt.toISOString(),
      })),
    );
    await bulkInsert(db, 'case_search_terms', POSTING_COLUMNS, rows, sql``, 2000);
  }

  /** Cases with no postings at all (written before the index existed), oldest first. */
  async unindexed(db: Executor, limit: number): Promise<string[]> {
    return resultRows<{ id: string }>(
      await db.execute(sql`select d.id from disputes d
        where not exists (select 1 from case_search_terms t where t.dispute_id = d.id)
        order by d.created_at limit ${limit}`),
    ).map((r) => r.id);
  }

  /** The secret of the keyed hashes of phone and ID numbers, made once per database and kept in `meta`. */
  async hashKey(db: Executor, fresh: string): Promise<string> {
    await db.execute(
      sql`insert into meta (key, value) values ('search.hash_key', ${JSON.stringify(fresh)}::jsonb) on conflict (key) do nothing`,
    );
    const rows = resultRows<{ value: string }>(
      await db.execute(sql`select value from meta where key = 'search.hash_key'`),
    );
    return rows[0].value;
  }
}
