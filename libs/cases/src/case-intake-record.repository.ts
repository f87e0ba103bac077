import { Injectable } from '@nestjs/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Executor, QUEUE_OPEN_STATUSES, readAsOne, schema, sqlList } from '@tiaojie/db';

export type IntakeRecordRow = typeof schema.intakeRecords.$inferSelect;
export type IntakeRecordValues = typeof schema.intakeRecords.$inferInsert;
export type DuplicatePairRow = typeof schema.intakeDuplicatePairs.$inferSelect;

/** An open dispute a new registration may repeat, with what the duplicate rule compares. */
export interface OpenDisputeCandidate {
  id: string;
  number: string;
  status: string;
  version: number;
  category: string;
  streetCode: string | null;
  communityCode: string | null;
  address: string | null;
  description: string;
  createdAt: Date;
  createdBy: string | null;
  channel: string;
  people: { name: string | null; phone: string | null; idNumber: string | null }[];
  /** Its intake records (the earliest first), for the review queue's pair. */
  recordIds: string[];
}

/** Intake records of live registrations (one per registration) and the review pairs they join. */
@Injectable()
export class CaseIntakeRecordRepository {
  /**
   * Open disputes created since `since` with a party sharing a phone or ID number, or a name within the street: the
   * blocking keys of the import matcher. Newest first, at most 20.
   */
  async candidates(
    db: Executor,
    keys: { phones: string[]; ids: string[]; names: string[]; streetCode: string },
    since: Date,
  ): Promise<OpenDisputeCandidate[]> {
    const [rows] = await readAsOne(db, null, [
      {
        sql: sql`select d.id, d.number, d.status, d.version, d.category, d.street_code, d.community_code, d.address,
            d.description, d.created_at, d.created_by, d.channel,
            (select json_agg(json_build_object('name', p.name, 'phone', p.phone, 'idNumber', p.id_number))
               from dispute_parties p where p.dispute_id = d.id) as people,
            coalesce((select json_agg(r.id order by r.accepted_at, r.id) from intake_records r where r.dispute_id = d.id), '[]') as record_ids
          from disputes d
          where d.status in ${sqlList(QUEUE_OPEN_STATUSES)} and d.created_at >= ${since.toISOString()}::timestamptz
            and exists (select 1 from dispute_parties p where p.dispute_id = d.id and (
              p.phone = any(${sql.param(keys.phones)}::text[])
              or p.id_number = any(${sql.param(keys.ids)}::text[])
              or (p.name = any(${sql.param(keys.names)}::text[]) and d.street_code = ${keys.streetCode})))
          order by d.created_at desc limit 20`,
        map: (rs) =>
          rs.map((r) => ({
            id: r.id as string,
            number: r.number as string,
            status: r.status as string,
            version: Number(r.version),
            category: r.category as string,
            streetCode: (r.street_code as string | null) ?? null,
            communityCode: (r.community_code as string | null) ?? null,
            address: (r.address as string | null) ?? null,
            description: r.description as string,
            createdAt: new Date(r.created_at as string),
            createdBy: (r.created_by as string | null) ?? null,
            channel: r.channel as string,
            people: (r.people as OpenDisputeCandidate['people']) ?? [],
            recordIds: (r.record_ids as string[]) ?? [],
          })),
      },
    ] as const);
    return rows;
  }

  async insert(db: Executor, values: IntakeRecordValues): Promise<IntakeRecordRow> {
    return (await db.insert(schema.intakeRecords).values(values).returning())[0];
  }

  /** A registration retried with the same Idempotency-Key by the same registrant. */
  async byClientKey(db: Executor, registeredBy: string, key: string): Promise<IntakeRecordRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.intakeRecords)
          .where(
            and(
              eq(schema.intakeRecords.registeredBy, registeredBy),
              sql`${schema.intakeRecords.record}->>'clientKey' = ${key}`,
            ),
          )
          .limit(1)
      )[0] ?? null
    );
  }

  async byId(db: Executor, id: string): Promise<IntakeRecordRow | null> {
    return (
      (await db.select().from(schema.intakeRecords).where(eq(schema.intakeRecords.id, id)).limit(1))[0] ??
      null
    );
  }

  async setDispute(db: Executor, id: string, disputeId: string): Promise<void> {
    await db
      .update(schema.intakeRecords)
      .set({ disputeId, updatedAt: sql`now()` })
      .where(eq(schema.intakeRecords.id, id));
  }

  /** A dispute's intake records with the display name of who registered each (imports: none), oldest first. */
  async ofDispute(db: Executor, disputeId: string) {
    return db
      .select({
        id: schema.intakeRecords.id,
        channel: schema.intakeRecords.channel,
        sourceId: schema.intakeRecords.sourceId,
        source: schema.intakeRecords.source,
        acceptedAt: schema.intakeRecords.acceptedAt,
        dueAt: schema.intakeRecords.dueAt,
        timeLimitDays: schema.intakeRecords.timeLimitDays,
        satisfaction: schema.intakeRecords.satisfaction,
        registeredBy: schema.intakeRecords.registeredBy,
        registeredByName: schema.users.displayName,
        origin: sql<string | null>`${schema.intakeRecords.record}->>'origin'`,
      })
      .from(schema.intakeRecords)
      .leftJoin(schema.users, eq(schema.users.id, schema.intakeRecords.registeredBy))
      .where(eq(schema.intakeRecords.disputeId, disputeId))
      .orderBy(asc(schema.intakeRecords.acceptedAt), asc(schema.intakeRecords.id));
  }

  async insertPair(
    db: Executor,
    values: typeof schema.intakeDuplicatePairs.$inferInsert,
  ): Promise<DuplicatePairRow> {
    return (await db.insert(schema.intakeDuplicatePairs).values(values).returning())[0];
  }

  async pair(db: Executor, id: string): Promise<DuplicatePairRow | null> {
    return (
      (
        await db.select().from(schema.intakeDuplicatePairs).where(eq(schema.intakeDuplicatePairs.id, id))
      )[0] ?? null
    );
  }

  /** A pair, locked for its decision. */
  async pairForUpdate(db: Executor, id: string): Promise<DuplicatePairRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.intakeDuplicatePairs)
          .where(eq(schema.intakeDuplicatePairs.id, id))
          .for('update')
      )[0] ?? null
    );
  }

  async decidePair(
    db: Executor,
    id: string,
    patch: Pick<DuplicatePairRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
  ): Promise<DuplicatePairRow> {
    return (
      await db
        .update(schema.intakeDuplicatePairs)
        .set(patch)
        .where(eq(schema.intakeDuplicatePairs.id, id))
        .returning()
    )[0];
  }

  /** The dispute a registration joins, locked against a concurrent transition until the record is in. */
  async disputeForUpdate(db: Executor, id: string) {
    return (
      (await db.select().from(schema.disputes).where(eq(schema.disputes.id, id)).for('update'))[0] ?? null
    );
  }

  async user(db: Executor, id: string) {
    return (
      (
        await db
          .select({
            id: schema.users.id,
            role: schema.users.role,
            orgId: schema.users.orgId,
            name: schema.users.displayName,
          })
          .from(schema.users)
          .where(eq(schema.users.id, id))
          .limit(1)
      )[0] ?? null
    );
  }
}
