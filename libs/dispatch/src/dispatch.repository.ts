import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { Executor, LOAD_STATUSES, Read, Statement, readAsOne, rowOf, schema, sqlList } from '@tiaojie/db';

export type RuleRow = typeof schema.routingRules.$inferSelect;
export type ConflictRow = typeof schema.mediatorConflicts.$inferSelect;
export type DecisionRow = typeof schema.routingDecisions.$inferSelect;
export type BodyWithLoad = typeof schema.organizations.$inferSelect & { openCases: number };

const OPEN = [...LOAD_STATUSES];
export const MEDIATION_ORG_KINDS = ['peoples', 'industry', 'administrative', 'judicial'];

@Injectable()
export class DispatchRepository {
  rules(db: Executor): Promise<RuleRow[]> {
    return db
      .select()
      .from(schema.routingRules)
      .orderBy(desc(schema.routingRules.priority), asc(schema.routingRules.id));
  }

  async replaceRules(db: Executor, rows: (typeof schema.routingRules.$inferInsert)[]): Promise<void> {
    await db.delete(schema.routingRules);
    if (rows.length > 0) await db.insert(schema.routingRules).values(rows);
  }

  async countRules(db: Executor): Promise<number> {
    const r = await db.select({ n: sql<number>`count(*)::int` }).from(schema.routingRules);
    return Number(r[0].n);
  }

  streets(db: Executor) {
    return db.select().from(schema.streets);
  }

  communities(db: Executor) {
    return db.select().from(schema.communities);
  }

  mediationBodies(db: Executor) {
    return db
      .select()
      .from(schema.organizations)
      .where(inArray(schema.organizations.kind, MEDIATION_ORG_KINDS));
  }

  /**
   * The mediation bodies, each with its open cases. Routing reads this on every application (with the other reads of
   * an application, `readAsOne`). The loads come from body_loads, which a trigger keeps (migration 0001): counting
   * the open disputes here grew with every case (12–30 ms at 30,000). The kinds stand in the text (see sqlList).
   */
  mediationBodiesWithLoadsRead(): Read<BodyWithLoad[]> {
    return {
      sql: sql`select o.*, coalesce(l.open_cases, 0)::int as open_cases from organizations o
        left join body_loads l on l.body_id = o.id where o.kind in ${sqlList(MEDIATION_ORG_KINDS)}`,
      map: (rows) =>
        rows.map((raw) => ({ ...rowOf(schema.organizations, raw), openCases: Number(raw.open_cases) })),
    };
  }

  async mediationBodiesWithLoads(db: Executor): Promise<BodyWithLoad[]> {
    return (
      await readAsOne(db, 'mediation_bodies_with_loads_v2', [this.mediationBodiesWithLoadsRead()] as const)
    )[0];
  }

  /** Every body's open cases, as the trigger keeps them. */
  async bodyLoads(db: Executor): Promise<Map<string, number>> {
    const rows = await db.select().from(schema.bodyLoads);
    return new Map(rows.filter((r) => r.openCases !== 0).map((r) => [r.bodyId, r.openCases]));
  }

  async mediatorLoads(db: Executor): Promise<Map<string, number>> {
    const rows = await db
      .select({ id: schema.disputes.mediatorId, n: sql<number>`count(*)::int` })
      .from(schema.disputes)
      .where(inArray(schema.disputes.status, OPEN))
      .groupBy(schema.disputes.mediatorId);
    return new Map(rows.filter((r) => r.id).map((r) => [r.id!, Number(r.n)]));
  }

  mediators(db: Executor, orgId?: string) {
    const cond = orgId
      ? and(eq(schema.users.role, 'mediator'), eq(schema.users.orgId, orgId))
      : eq(schema.users.role, 'mediator');
    return db
      .select({
        id: schema.users.id,
        displayName: schema.users.displayName,
        orgId: schema.users.orgId,
        specialties: schema.users.specialties,
        active: schema.users.active,
      })
      .from(schema.users)
      .where(cond);
  }

  async mediator(db: Executor, id: string): Promise<{ id: string; orgId: string | null } | null> {
    const rows = await db
      .select({ id: schema.users.id, orgId: schema.users.orgId })
      .from(schema.users)
      .where(and(eq(schema.users.id, id), eq(schema.users.role, 'mediator')))
      .limit(1);
    return rows[0] ?? null;
  }

  conflicts(db: Executor, mediatorIds?: string[]): Promise<ConflictRow[]> {
    if (mediatorIds && mediatorIds.length === 0) return Promise.resolve([]);
    const q = db.select().from(schema.mediatorConflicts);
    return mediatorIds ? q.where(inArray(schema.mediatorConflicts.mediatorId, mediatorIds)) : q;
  }

  async insertConflict(
    db: Executor,
    row: typeof schema.mediatorConflicts.$inferInsert,
  ): Promise<ConflictRow> {
    return (await db.insert(schema.mediatorConflicts).values(row).returning())[0];
  }

  async deleteConflict(db: Executor, id: string): Promise<ConflictRow | null> {
    return (
      (await db.delete(schema.mediatorConflicts).where(eq(schema.mediatorConflicts.id, id)).returning())[0] ??
      null
    );
  }

  async insertDecision(db: Executor, row: typeof schema.routingDecisions.$inferInsert): Promise<void> {
    await db.insert(schema.routingDecisions).values(row);
  }

  /** The same insert as a statement to run with others (runAsOne). */
  insertDecisionStatement(db: Executor, row: typeof schema.routingDecisions.$inferInsert): Statement {
    return db.insert(schema.routingDecisions).values(row).getSQL();
  }

  decisions(db: Executor, disputeId: string): Promise<DecisionRow[]> {
    return db
      .select()
      .from(schema.routingDecisions)
      .where(eq(schema.routingDecisions.disputeId, disputeId))
      .orderBy(asc(schema.routingDecisions.id));
  }

  /**
   * 重复纠纷: whether an earlier dispute of the same category (within `since`) has a party with one of these phones, or with
   * the phone of account `phoneOfUser` (an applicant's, read in the same statement; null for none).
   */
  hasPriorDisputeRead(
    disputeId: string,
    category: string,
    phones: string[],
    since: Date,
    phoneOfUser: string | null = null,
  ): Read<boolean> {
    return {
      sql: sql`select 1 as one from disputes d join dispute_parties p on p.dispute_id = d.id
        where d.category = ${category} and d.created_at >= ${since.toISOString()}::timestamptz and d.id <> ${disputeId}::uuid
          and p.phone = any(${sql.param(phones)}::text[] || array(select u.phone from users u where u.id = ${phoneOfUser}::uuid and u.phone is not null))
        limit 1`,
      map: (rows) => rows.length > 0,
    };
  }

  async hasPriorDispute(
    db: Executor,
    disputeId: string,
    category: string,
    phones: string[],
    since: Date,
  ): Promise<boolean> {
    if (phones.length === 0) return false;
    return (
      await readAsOne(db, 'has_prior_dispute_v2', [
        this.hasPriorDisputeRead(disputeId, category, phones, since),
      ] as const)
    )[0];
  }

  /** Returns of a dispute, including transfers that asked the router to re-route away from the current body. */
  returnsOf(db: Executor, disputeId: string) {
    return db
      .select()
      .from(schema.caseTransitions)
      .where(
        and(
          eq(schema.caseTransitions.disputeId, disputeId),
          or(
            eq(schema.caseTransitions.action, 'return'),
            and(
              eq(schema.caseTransitions.action, 'transfer'),
              sql`${schema.caseTransitions.data}->>'rerouted' = 'true'`,
            ),
          ),
        ),
      )
      .orderBy(asc(schema.caseTransitions.id));
  }

  /** Returns (退单) per body: from the case timeline. */
  async returnCounts(db: Executor) {
    const rows = await db
      .select({
        bodyId: sql<string>`${schema.caseTransitions.data}->>'bodyId'`,
        reasonCode: sql<string>`${schema.caseTransitions.data}->>'reasonCode'`,
        n: sql<number>`count(*)::int`,
      })
      .from(schema.caseTransitions)
      .where(eq(schema.caseTransitions.action, 'return'))
      .groupBy(
        sql`${schema.caseTransitions.data}->>'bodyId'`,
        sql`${schema.caseTransitions.data}->>'reasonCode'`,
      );
    return rows.map((r) => ({ bodyId: r.bodyId, reasonCode: r.reasonCode, count: Number(r.n) }));
  }

  async updateBody(db: Executor, id: string, patch: Partial<typeof schema.organizations.$inferInsert>) {
    return (
      (
        await db.update(schema.organizations).set(patch).where(eq(schema.organizations.id, id)).returning()
      )[0] ?? null
    );
  }
}
