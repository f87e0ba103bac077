import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { formatDisputeNumber } from '@tiaojie/core';
import { Executor, schema } from '@tiaojie/db';
import { bulkInsert, resultRows, type ColumnTypes } from '@tiaojie/db';

const CHUNK = 1000;

export interface DisputeInsert {
  id: string;
  number: string;
  category: string;
  kind: string;
  channel: string;
  title: string;
  description: string;
  streetCode: string | null;
  communityCode: string | null;
  address: string | null;
  claimAmount: string | null;
  peopleInvolved: number;
  status: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface PartyInsert {
  disputeId: string;
  role: string;
  partyType: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  createdAt: Date;
}
export interface TransitionInsert {
  disputeId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

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
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const PARTY_COLUMNS: ColumnTypes = {
  dispute_id: 'uuid',
  role: 'text',
  party_type: 'text',
  name: 'text',
  phone: 'text',
  id_number: 'text',
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
 * Disputes created by intake (bulk): numbers, dispute rows, parties and the 'receive' transition,
 * each as one multi-row statement. Same tables and conventions as libs/cases.
 */
@Injectable()
export class IntakeDisputeRepository {
  /** `n` readable numbers TZ<year>-NNNNNN from the shared sequence, in order. */
  async nextNumbers(tx: Executor, years: number[]): Promise<string[]> {
    if (years.length === 0) return [];
    const res = await tx.execute(
      sql`select nextval('dispute_number_seq')::bigint as n from generate_series(1, ${years.length}::int) order by 1`,
    );
    const rows = resultRows<{ n: string | number }>(res);
    return rows.map((row, i) => formatDisputeNumber(years[i], row.n));
  }

  async insertDisputes(tx: Executor, rows: DisputeInsert[]): Promise<void> {
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
        created_by: r.createdBy,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })),
      sql`order by x.number`,
      CHUNK,
    );
  }

  async insertParties(tx: Executor, rows: PartyInsert[]): Promise<void> {
    await bulkInsert(
      tx,
      'dispute_parties',
      PARTY_COLUMNS,
      rows.map((r) => ({
        dispute_id: r.disputeId,
        role: r.role,
        party_type: r.partyType,
        name: r.name,
        phone: r.phone,
        id_number: r.idNumber,
        created_at: r.createdAt,
      })),
      sql``,
      CHUNK,
    );
  }

  async insertTransitions(tx: Executor, rows: TransitionInsert[]): Promise<void> {
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

  /** The directory's street names, and the names the district admin mapped to a street (the directory's win). */
  async streets(db: Executor): Promise<{ code: string; name: string }[]> {
    const aliases = await db
      .select({ code: schema.streetAliases.streetCode, name: schema.streetAliases.name })
      .from(schema.streetAliases);
    const streets = await db
      .select({ code: schema.streets.code, name: schema.streets.name })
      .from(schema.streets);
    return [...aliases, ...streets];
  }

  async communities(db: Executor): Promise<{ code: string; streetCode: string; name: string }[]> {
    return db
      .select({
        code: schema.communities.code,
        streetCode: schema.communities.streetCode,
        name: schema.communities.name,
      })
      .from(schema.communities);
  }
}
