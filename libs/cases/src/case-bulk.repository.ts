import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
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

  async insertDisputes(tx: Executor, rows: DisputeValues[]): Promise<void> {
    await bulkInsert(
      tx,
      'disputes',
      DISPUTE_COLUMNS,
      rows.map((r) => ({
        id: r.id,
        number: r.number,
        category: r.category,
        kind: r.kind,
        channel: r.channel,
        title: r.title,
        description: r.description,
        street_code: r.streetCode,
        community_code: r.communityCode,
        address: r.address,
        claim_amount: r.claimAmount,
        people_involved: r.peopleInvolved,
        status: r.status,
        version: r.version,
        created_by: r.createdBy,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
        enterprise_related: r.enterpriseRelated,
        deadline_regime: r.deadlineRegime,
        due_at: r.dueAt,
      })),
      sql`order by x.number`,
      CHUNK,
    );
  }

  async insertParties(tx: Executor, rows: PartyValues[]): Promise<void> {
    await bulkInsert(
      tx,
      'dispute_parties',
      PARTY_COLUMNS,
      rows.map((r) => ({
        id: r.id,
        dispute_id: r.disputeId,
        role: r.role,
        party_type: r.partyType,
        name: r.name,
        phone: r.phone,
        id_number: r.idNumber,
        representative: r.representative,
        user_id: r.userId,
        created_at: r.createdAt,
      })),
      sql``,
      CHUNK,
    );
  }

  async insertTransitions(tx: Executor, rows: TransitionValues[]): Promise<void> {
    await bulkInsert(
      tx,
      'case_transitions',
      TRANSITION_COLUMNS,
      rows.map((r) => ({
        dispute_id: r.disputeId,
        action: r.action,
        from_status: r.fromStatus,
        to_status: r.toStatus,
        actor_id: r.actorId,
        actor_role: r.actorRole,
        reason: r.reason,
        data: r.data,
        at: r.at,
      })),
      sql`order by x.at`,
      CHUNK,
    );
  }
}
