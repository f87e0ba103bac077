import { Injectable } from '@nestjs/common';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';
import { bulkInsert, resultRows, type ColumnTypes } from '@tiaojie/db';
import type { IntakeRecordValues } from './intake-record.mapper';

const r = schema.intakeRecords;
export type IntakeRecordRow = typeof r.$inferSelect;
/** Serialises intake writers (imports, webhook jobs, review decisions) so matching sees every committed record. */
const INTAKE_LOCK_KEY = 7_405_112_101;
const CHUNK = 500;

/** The stored state of a record that an import compares against and updates. */
export type ExistingRecord = Pick<
  IntakeRecordRow,
  | 'id'
  | 'channel'
  | 'sourceId'
  | 'source'
  | 'street'
  | 'category'
  | 'disputeCategory'
  | 'isDispute'
  | 'acceptedAt'
  | 'closedAt'
  | 'repliedAt'
  | 'repliedOnTime'
  | 'satisfaction'
  | 'peopleInvolved'
  | 'contentHash'
  | 'disputeId'
>;

const EXISTING_COLUMNS = {
  id: r.id,
  channel: r.channel,
  sourceId: r.sourceId,
  source: r.source,
  street: r.street,
  category: r.category,
  disputeCategory: r.disputeCategory,
  isDispute: r.isDispute,
  acceptedAt: r.acceptedAt,
  closedAt: r.closedAt,
  repliedAt: r.repliedAt,
  repliedOnTime: r.repliedOnTime,
  satisfaction: r.satisfaction,
  peopleInvolved: r.peopleInvolved,
  contentHash: r.contentHash,
  disputeId: r.disputeId,
};

/** Columns an import writes; an update overwrites all but the key and created_at (never the dispute link). */
const WRITE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  dispute_id: 'uuid',
  channel: 'text',
  source_id: 'text',
  source: 'text',
  street: 'text',
  community: 'text',
  category: 'text',
  dispute_category: 'text',
  is_dispute: 'boolean',
  accepted_at: 'timestamptz',
  signed_off_at: 'timestamptz',
  replied_at: 'timestamptz',
  closed_at: 'timestamptz',
  status: 'text',
  time_limit_days: 'int',
  due_at: 'timestamptz',
  replied_on_time: 'boolean',
  satisfaction: 'text',
  people_involved: 'int',
  handling_unit: 'text',
  court: 'text',
  cause_of_action: 'text',
  claim_amount: 'numeric',
  judge: 'text',
  match_keys: 'text[]',
  content_hash: 'text',
  record: 'jsonb',
  raw: 'jsonb',
  last_run_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
const KEY_COLUMNS: ColumnTypes = {
  key: 'text',
  record_id: 'uuid',
  channel: 'text',
  accepted_at: 'timestamptz',
};
const UPDATE_SET = sql.raw(
  Object.keys(WRITE_COLUMNS)
    .filter((c) => !['id', 'dispute_id', 'channel', 'source_id', 'created_at'].includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', '),
);

@Injectable()
export class IntakeRecordRepository {
  async lock(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${INTAKE_LOCK_KEY})`);
  }

  /** Stored records of these source ids (callers hold the intake lock, so no row locks are needed). */
  async existing(tx: Executor, channel: string, sourceIds: string[]): Promise<ExistingRecord[]> {
    if (sourceIds.length === 0) return [];
    return tx
      .select(EXISTING_COLUMNS)
      .from(r)
      .where(and(eq(r.channel, channel), inArray(r.sourceId, sourceIds)));
  }

  /** The stored JSON records of these ids (only fetched for records that changed, to name the changed fields). */
  async storedRecords(tx: Executor, ids: string[]): Promise<Map<string, unknown>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.select({ id: r.id, record: r.record }).from(r).where(inArray(r.id, ids));
    return new Map(rows.map((x) => [x.id, x.record]));
  }

  /**
   * Inserts new records (with the ids and dispute links the writer chose) and overwrites changed
   * ones (keeping their id and dispute link).
   */
  async upsert(
    tx: Executor,
    values: { id: string; disputeId: string | null; v: IntakeRecordValues }[],
    runId: string | null,
    now: Date,
  ): Promise<void> {
    const rows = values.map(({ id, disputeId, v }) => ({
      id,
      dispute_id: disputeId,
      channel: v.channel,
      source_id: v.sourceId,
      source: v.source,
      street: v.street,
      community: v.community,
      category: v.category,
      dispute_category: v.disputeCategory,
      is_dispute: v.isDispute,
      accepted_at: v.acceptedAt,
      signed_off_at: v.signedOffAt,
      replied_at: v.repliedAt,
      closed_at: v.closedAt,
      status: v.status,
      time_limit_days: v.timeLimitDays,
      due_at: v.dueAt,
      replied_on_time: v.repliedOnTime,
      satisfaction: v.satisfaction,
      people_involved: v.peopleInvolved,
      handling_unit: v.handlingUnit,
      court: v.court,
      cause_of_action: v.causeOfAction,
      claim_amount: v.claimAmount,
      judge: v.judge,
      match_keys: v.matchKeys,
      content_hash: v.contentHash,
      record: v.record,
      raw: v.raw,
      last_run_id: runId,
      created_at: now,
      updated_at: now,
    }));
    await bulkInsert(
      tx,
      'intake_records',
      WRITE_COLUMNS,
      rows,
      sql`on conflict (channel, source_id) do update set ${UPDATE_SET}`,
      CHUNK,
    );
  }

  /** Replaces the matching keys of these records (dispute records keep theirs; others have none). */
  async replaceMatchKeys(
    tx: Executor,
    records: { id: string; channel: string; acceptedAt: Date; keys: string[]; isDispute: boolean }[],
    fresh: boolean,
  ): Promise<void> {
    const ids = records.map((r) => r.id);
    if (!fresh && ids.length > 0) {
      await tx.execute(
        sql`delete from intake_match_keys where record_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    }
    const rows = records
      .filter((r) => r.isDispute)
      .flatMap((r) =>
        r.keys.map((key) => ({ key, record_id: r.id, channel: r.channel, accepted_at: r.acceptedAt })),
      );
    await bulkInsert(tx, 'intake_match_keys', KEY_COLUMNS, rows, sql`on conflict do nothing`, 2000);
  }

  async setDisputes(tx: Executor, links: { recordId: string; disputeId: string }[]): Promise<void> {
    for (let i = 0; i < links.length; i += 1000) {
      const chunk = links.slice(i, i + 1000);
      const ids = sql.join(
        chunk.map((l) => sql`(${l.recordId}::uuid, ${l.disputeId}::uuid)`),
        sql`, `,
      );
      await tx.execute(
        sql`update intake_records set dispute_id = v.d from (values ${ids}) as v(id, d) where intake_records.id = v.id`,
      );
    }
  }

  /** Stored dispute records sharing a matching key, accepted within [from, to] (other channels only when exceptChannel is set). */
  async candidates(
    tx: Executor,
    keys: string[],
    from: Date,
    to: Date,
    exceptChannel: string | null,
  ): Promise<Pick<IntakeRecordRow, 'id' | 'record' | 'disputeId'>[]> {
    if (keys.length === 0) return [];
    const channel = exceptChannel ? sql` and k.channel <> ${exceptChannel}` : sql``;
    const rows = resultRows<{ id: string; record: unknown; dispute_id: string | null }>(
      await tx.execute(sql`
      select r.id, r.record, r.dispute_id from intake_records r
      where r.id in (select k.record_id from intake_match_keys k
        where k.key = any(array(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))
          and k.accepted_at >= ${from.toISOString()}::timestamptz and k.accepted_at <= ${to.toISOString()}::timestamptz${channel})`),
    );
    return rows.map((x) => ({ id: x.id, record: x.record, disputeId: x.dispute_id }));
  }

  async byIds(tx: Executor, ids: string[]): Promise<IntakeRecordRow[]> {
    if (ids.length === 0) return [];
    return tx.select().from(r).where(inArray(r.id, ids));
  }

  async bySource(db: Executor, channel: string, sourceId: string): Promise<IntakeRecordRow | null> {
    return (
      (
        await db
          .select()
          .from(r)
          .where(and(eq(r.channel, channel), eq(r.sourceId, sourceId)))
          .limit(1)
      )[0] ?? null
    );
  }

  async countByChannel(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .select({ channel: r.channel, n: sql<number>`count(*)::int` })
      .from(r)
      .groupBy(r.channel);
    return Object.fromEntries(rows.map((x) => [x.channel, Number(x.n)]));
  }
}
