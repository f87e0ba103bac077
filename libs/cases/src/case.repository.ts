import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { formatDisputeNumber } from '@tiaojie/core';
import { Executor, Statement, executePrepared, resultRows, rowOf, schema } from '@tiaojie/db';

export type DisputeRow = typeof schema.disputes.$inferSelect;
export type PartyRow = typeof schema.disputeParties.$inferSelect;
export type TransitionRow = typeof schema.caseTransitions.$inferSelect;
export type AgreementRow = typeof schema.agreements.$inferSelect;

const d = schema.disputes;
/** The columns a case list shows (CaseQueryService.summary): lists never read descriptions or routing explanations. */
export const SUMMARY_COLUMNS = {
  id: d.id, number: d.number, title: d.title, category: d.category, deadlineRegime: d.deadlineRegime, enterpriseRelated: d.enterpriseRelated,
  kind: d.kind, channel: d.channel, status: d.status, version: d.version, bodyId: d.bodyId, mediatorId: d.mediatorId, streetCode: d.streetCode,
  sessionMode: d.sessionMode, dueAt: d.dueAt, createdAt: d.createdAt, updatedAt: d.updatedAt,
  // what CaseAccessService.relationsOf reads (room lists check access from list rows)
  createdBy: d.createdBy, formerBodyIds: d.formerBodyIds,
};
export type DisputeSummaryRow = Pick<DisputeRow, keyof typeof SUMMARY_COLUMNS>;
export type SignatureRow = typeof schema.agreementSignatures.$inferSelect;

export interface NewDisputeWrite {
  dispute: typeof schema.disputes.$inferInsert;
  parties: (typeof schema.disputeParties.$inferInsert)[];
  agents: (typeof schema.disputeAgents.$inferInsert)[];
  transitions: (typeof schema.caseTransitions.$inferInsert)[];
}

@Injectable()
export class CaseRepository {
  /** The next readable number for a dispute received in `year`, drawn from the shared sequence (formatDisputeNumber). */
  async nextNumber(db: Executor, year: number): Promise<string> {
    const rows = resultRows<{ n: string }>(await executePrepared(db, 'dispute_next_number', sql`select nextval('dispute_number_seq')::text as n`));
    return formatDisputeNumber(year, rows[0].n);
  }

  /**
   * A new dispute with its parties, agents and first timeline rows, as statements to run together (runAsOne); the
   * dispute's insert comes first and returns its row (`disputeFrom`).
   */
  newDisputeStatements(db: Executor, w: NewDisputeWrite): Statement[] {
    return [
      db.insert(schema.disputes).values(w.dispute).returning().getSQL(),
      db.insert(schema.disputeParties).values(w.parties).getSQL(),
      ...(w.agents.length > 0 ? [db.insert(schema.disputeAgents).values(w.agents).getSQL()] : []),
      db.insert(schema.caseTransitions).values(w.transitions).getSQL(),
    ];
  }

  disputeFrom(raw: Record<string, unknown>): DisputeRow {
    return rowOf(schema.disputes, raw);
  }

  async byClientKey(db: Executor, createdBy: string, clientKey: string): Promise<DisputeRow | null> {
    return (await db.select().from(schema.disputes).where(and(eq(schema.disputes.createdBy, createdBy), eq(schema.disputes.clientKey, clientKey))).limit(1))[0] ?? null;
  }

  async byId(db: Executor, id: string): Promise<DisputeRow | null> {
    return (await db.select().from(schema.disputes).where(eq(schema.disputes.id, id)).limit(1))[0] ?? null;
  }

  parties(db: Executor, disputeId: string): Promise<PartyRow[]> {
    return db.select().from(schema.disputeParties).where(eq(schema.disputeParties.disputeId, disputeId)).orderBy(asc(schema.disputeParties.createdAt), asc(schema.disputeParties.role));
  }

  /** Compare-and-set on the version the caller read: null means someone else changed the case first. */
  async updateIfVersion(db: Executor, id: string, version: number, patch: Partial<typeof schema.disputes.$inferInsert>): Promise<DisputeRow | null> {
    const r = await db.update(schema.disputes).set({ ...patch, version: version + 1 })
      .where(and(eq(schema.disputes.id, id), eq(schema.disputes.version, version))).returning();
    return r[0] ?? null;
  }

  async insertTransition(db: Executor, row: typeof schema.caseTransitions.$inferInsert): Promise<void> {
    await db.insert(schema.caseTransitions).values(row);
  }

  transitions(db: Executor, disputeId: string): Promise<TransitionRow[]> {
    return db.select().from(schema.caseTransitions).where(eq(schema.caseTransitions.disputeId, disputeId)).orderBy(asc(schema.caseTransitions.id));
  }

  /** Links party records carrying this phone to the user who proved owning it. */
  async linkPartiesByPhone(db: Executor, phone: string, userId: string): Promise<void> {
    await db.update(schema.disputeParties).set({ userId })
      .where(and(eq(schema.disputeParties.phone, phone), isNull(schema.disputeParties.userId)));
  }

  async forParty(db: Executor, userId: string): Promise<DisputeSummaryRow[]> {
    const ids = db.select({ id: schema.disputeParties.disputeId }).from(schema.disputeParties).where(eq(schema.disputeParties.userId, userId));
    const asAgent = db.select({ id: schema.disputeAgents.disputeId }).from(schema.disputeAgents).where(eq(schema.disputeAgents.userId, userId));
    return db.select(SUMMARY_COLUMNS).from(schema.disputes).where(or(inArray(schema.disputes.id, ids), inArray(schema.disputes.id, asAgent))).orderBy(desc(schema.disputes.createdAt));
  }

  /** A body's queue (the hottest read: every list screen polls it); a prepared statement, built once per database. */
  forBody(db: Executor, orgId: string, statuses: readonly string[] | null, limit: number): Promise<DisputeSummaryRow[]> {
    return this.queueStatements(db).forBody.execute({ org: orgId, statuses: statuses ? [...statuses] : null, limit });
  }

  /** The district's queue (newest first). */
  forDistrict(db: Executor, statuses: readonly string[] | null, limit: number): Promise<DisputeSummaryRow[]> {
    return this.queueStatements(db).forDistrict.execute({ statuses: statuses ? [...statuses] : null, limit });
  }

  private readonly prepared = new WeakMap<Executor, ReturnType<CaseRepository['prepareQueues']>>();

  private queueStatements(db: Executor) {
    let s = this.prepared.get(db);
    if (!s) this.prepared.set(db, (s = this.prepareQueues(db)));
    return s;
  }

  private prepareQueues(db: Executor) {
    const d = schema.disputes;
    // a null status list means every status
    const statusIn = sql`(${sql.placeholder('statuses')}::text[] is null or ${d.status} = any(${sql.placeholder('statuses')}::text[]))`;
    return {
      forBody: db.select(SUMMARY_COLUMNS).from(d).where(and(eq(d.bodyId, sql.placeholder('org')), statusIn))
        .orderBy(asc(d.dueAt), desc(d.createdAt)).limit(sql.placeholder('limit')).prepare('cases_queue_for_body'),
      forDistrict: db.select(SUMMARY_COLUMNS).from(d).where(statusIn).orderBy(desc(d.createdAt)).limit(sql.placeholder('limit')).prepare('cases_queue_for_district'),
    };
  }

  forCreator(db: Executor, userId: string, limit: number): Promise<DisputeSummaryRow[]> {
    return db.select(SUMMARY_COLUMNS).from(schema.disputes).where(or(eq(schema.disputes.createdBy, userId))).orderBy(desc(schema.disputes.createdAt)).limit(limit);
  }

  async openLoadByBody(db: Executor): Promise<Map<string, number>> {
    const rows = await db.select({ bodyId: schema.disputes.bodyId, n: sql<number>`count(*)::int` }).from(schema.disputes)
      .where(inArray(schema.disputes.status, ['routed', 'accepted', 'in_mediation', 'agreement_pending']))
      .groupBy(schema.disputes.bodyId);
    return new Map(rows.filter((r) => r.bodyId).map((r) => [r.bodyId!, Number(r.n)]));
  }

  async currentAgreement(db: Executor, disputeId: string): Promise<AgreementRow | null> {
    return (await db.select().from(schema.agreements)
      .where(and(eq(schema.agreements.disputeId, disputeId), inArray(schema.agreements.status, ['signing', 'signed'])))
      .orderBy(desc(schema.agreements.createdAt)).limit(1))[0] ?? null;
  }

  async supersedeAgreements(db: Executor, disputeId: string): Promise<void> {
    await db.update(schema.agreements).set({ status: 'superseded' })
      .where(and(eq(schema.agreements.disputeId, disputeId), eq(schema.agreements.status, 'signing')));
  }

  async insertAgreement(db: Executor, row: typeof schema.agreements.$inferInsert): Promise<AgreementRow> {
    return (await db.insert(schema.agreements).values(row).returning())[0];
  }

  async markAgreementSigned(db: Executor, id: string, at: Date): Promise<void> {
    await db.update(schema.agreements).set({ status: 'signed', signedAt: at }).where(eq(schema.agreements.id, id));
  }

  signatures(db: Executor, agreementId: string): Promise<SignatureRow[]> {
    return db.select().from(schema.agreementSignatures).where(eq(schema.agreementSignatures.agreementId, agreementId));
  }

  /** Inserts a signature once; returns false if this party already signed. */
  async insertSignature(db: Executor, row: typeof schema.agreementSignatures.$inferInsert): Promise<boolean> {
    const r = await db.insert(schema.agreementSignatures).values(row).onConflictDoNothing().returning({ p: schema.agreementSignatures.partyId });
    return r.length === 1;
  }

  async insertReferral(db: Executor, row: typeof schema.courtReferrals.$inferInsert): Promise<void> {
    await db.insert(schema.courtReferrals).values(row);
  }

  async insertConsent(db: Executor, row: typeof schema.partyConsents.$inferInsert): Promise<boolean> {
    const r = await db.insert(schema.partyConsents).values(row).onConflictDoNothing().returning({ id: schema.partyConsents.id });
    return r.length === 1;
  }

  consents(db: Executor, disputeId: string, kind: string) {
    return db.select().from(schema.partyConsents).where(and(eq(schema.partyConsents.disputeId, disputeId), eq(schema.partyConsents.kind, kind)));
  }

  /** Party accounts by phone (phones are unique among users), for linking the parties of a new dispute. */
  /** Party accounts by phone number (every application asks: a prepared statement, one array parameter). */
  async partyUsersByPhone(db: Executor, phones: string[]): Promise<Map<string, string>> {
    if (phones.length === 0) return new Map();
    const rows = resultRows<{ phone: string | null; id: string }>(await executePrepared(db, 'party_users_by_phone',
      sql`select phone, id from users where phone = any(${sql.param([...new Set(phones)])}::text[]) and role = 'party'`));
    return new Map(rows.filter((r) => r.phone).map((r) => [r.phone!, r.id]));
  }

  /** A court's cases: those it referred, and confirmation requests in its jurisdiction that no other court referred. */
  async forCourt(db: Executor, courtId: string, limit: number): Promise<DisputeSummaryRow[]> {
    const streets = await this.orgStreets(db, courtId);
    const ours = db.select({ id: schema.courtReferrals.disputeId }).from(schema.courtReferrals).where(eq(schema.courtReferrals.courtId, courtId));
    const referred = db.select({ id: schema.courtReferrals.disputeId }).from(schema.courtReferrals);
    const confirmations = streets.length === 0 ? sql`false` : and(eq(schema.disputes.status, 'confirmation_requested'), inArray(schema.disputes.streetCode, streets), sql`${schema.disputes.id} not in ${referred}`);
    return db.select(SUMMARY_COLUMNS).from(schema.disputes).where(or(inArray(schema.disputes.id, ours), confirmations))
      .orderBy(desc(schema.disputes.createdAt)).limit(limit);
  }

  async orgStreets(db: Executor, orgId: string): Promise<string[]> {
    return (await db.select({ s: schema.organizations.streetCodes }).from(schema.organizations).where(eq(schema.organizations.id, orgId)).limit(1))[0]?.s ?? [];
  }

  async referral(db: Executor, disputeId: string) {
    return (await db.select().from(schema.courtReferrals).where(eq(schema.courtReferrals.disputeId, disputeId)).limit(1))[0] ?? null;
  }

  agents(db: Executor, disputeId: string) {
    return db.select().from(schema.disputeAgents).where(eq(schema.disputeAgents.disputeId, disputeId));
  }

  async linkAgentsByPhone(db: Executor, phone: string, userId: string): Promise<void> {
    await db.update(schema.disputeAgents).set({ userId }).where(and(eq(schema.disputeAgents.phone, phone), isNull(schema.disputeAgents.userId)));
  }

  async userPhone(db: Executor, userId: string): Promise<string | null> {
    const rows = resultRows<{ phone: string | null }>(await executePrepared(db, 'user_phone', sql`select phone from users where id = ${userId}::uuid limit 1`));
    return rows[0]?.phone ?? null;
  }

  async user(db: Executor, userId: string) {
    return (await db.select().from(schema.users).where(eq(schema.users.id, userId)).limit(1))[0] ?? null;
  }
}
