import { Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { formatDisputeNumber } from '@tiaojie/core';
import { Executor, bulkInsert, resultRows, type ColumnTypes } from '@tiaojie/db';
import type { DisputeValues, PartyValues, TransitionValues } from './new-case';

const CHUNK = 1000;

const DISPUTE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  number: 'text',
  category: 'text',
  kind: 'text',
  channel: 'text',
  title: 'text',
  description: 'text',
  street_code: 'text',
  community_code: 'text',
  address: 'text',
  claim_amount: 'numeric',
  people_involved: 'int',
  status: 'text',
  version: 'int',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  enterprise_related: 'boolean',
  deadline_regime: 'text',
  due_at: 'timestamptz',
};
const PARTY_COLUMNS: ColumnTypes = {
  id: 'uuid',
  dispute_id: 'uuid',
  role: 'text',
  party_type: 'text',
  name: 'text',
  phone: 'text',
  id_number: 'text',
  representative: 'text',
  user_id: 'uuid',
  created_at: 'timestamptz',
};
const TRANSITION_COLUMNS: ColumnTypes = {
  dispute_id: 'uuid',
  action: 'text',
  from_status: 'text',
  to_status: 'text',
  actor_id: 'uuid',
  actor_role: 'text',
  reason: 'text',
  data: 'jsonb',
  at: 'timestamptz',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Rows keyed by column name, from the camel-cased values of new-case.ts. */
function byColumn(columns: ColumnTypes, rows: readonly object[]): Record<string, unknown>[] {
  const names = Object.keys(columns).map((c) => [c, camel(c)] as const);
  return rows.map((r) =>
    Object.fromEntries(names.map(([c, k]) => [c, (r as Record<string, unknown>)[k] ?? null])),
  );
}

async function insert(
  tx: Executor,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  order: SQL,
): Promise<void> {
  await bulkInsert(tx, table, columns, byColumn(columns, rows), order, CHUNK);
}

/**
 * New disputes many at a time (an import batch): the rows of new-case.ts, each table as one multi-row statement
 * per chunk, where the one-at-a-time path (CaseRepository.newDisputeStatements) builds a statement per case.
 */
@Injectable()
export class CaseBulkRepository {
  /** Readable numbers TZ<year>-NNNNNN from the shared sequence, one per year given, in order. */
  async nextNumbers(tx: Executor, years: number[]): Promise<string[]> {
    if (years.length === 0) return [];
    const res = await tx.execute(
      sql`select nextval('dispute_number_seq')::bigint as n from generate_series(1, ${years.length}::int) order by 1`,
    );
    return resultRows<{ n: string | number }>(res).map((row, i) => formatDisputeNumber(years[i], row.n));
  }

  insertDisputes(tx: Executor, rows: DisputeValues[]): Promise<void> {
    return insert(tx, 'disputes', DISPUTE_COLUMNS, rows, sql`order by x.number`);
  }

  insertParties(tx: Executor, rows: PartyValues[]): Promise<void> {
    return insert(tx, 'dispute_parties', PARTY_COLUMNS, rows, sql``);
  }

  insertTransitions(tx: Executor, rows: TransitionValues[]): Promise<void> {
    return insert(tx, 'case_transitions', TRANSITION_COLUMNS, rows, sql`order by x.at`);
  }
}
