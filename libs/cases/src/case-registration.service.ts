import { CaseSearchIndexService } from '@tiaojie/search';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimePublisher } from '@tiaojie/core';
import { DbService, Executor, isUniqueViolation } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { scoreDuplicate } from '@tiaojie/intake-parsers';
import {
  CaseIntakeRecordRepository,
  IntakeRecordRow,
  OpenDisputeCandidate,
} from './case-intake-record.repository';
import { CaseRepository, DisputeRow } from './case.repository';
import { caseChanged } from './case-transition.service';
import { RegisterInput } from './case.types';
import { assertSameRequest } from './idempotency-key';
import {
  LIVE_MATCH_WINDOW_DAYS,
  PreparedRegistration,
  RegistrationMatch,
  RegistrationResult,
  candidateRecordRow,
  factsOf,
  registrationFacts,
  registrationRecordRow,
} from './registration-record';

/**
 * One dispute, several intake records: a live registration (window, petition, grid, 12345, enterprise) that repeats
 * an open dispute joins it as another intake record instead of becoming a second case. The rule is the import
 * matcher's (scoreDuplicate): certain (an identity match scoring ≥ 0.8) merges, uncertain goes to the district's
 * duplicate review queue.
 */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly db: DbService,
    private readonly records: CaseIntakeRecordRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  prepare(
    actor: Actor,
    input: RegisterInput,
    streetName: string | null,
    clientKey: string | null,
    clientKeyHash: string,
  ): PreparedRegistration {
    const at = this.clock.now();
    return {
      input,
      actor,
      at,
      streetName,
      clientKey,
      clientKeyHash,
      facts: registrationFacts(input, at),
    };
  }

  /** An earlier answer to the same registrant's same Idempotency-Key (merged or under review). */
  async retried(actor: Actor, key: string | null, fingerprint: string): Promise<RegistrationResult | null> {
    if (!key || !actor.id) return null;
    const rec = await this.records.byClientKey(this.db.db, actor.id, key);
    if (!rec) return null;
    assertSameRequest((rec.record as { clientKeyHash?: string }).clientKeyHash, fingerprint);
    const origin = (rec.record as { origin?: string }).origin;
    if (rec.disputeId) {
      const dispute = await this.cases.byId(this.db.db, rec.disputeId);
      return {
        outcome: origin === 'created' ? 'created' : 'merged',
        dispute,
        candidate: null,
        intakeRecordId: rec.id,
      };
    }
    const c = (rec.record as { candidate?: { id: string; number: string } }).candidate ?? null;
    return { outcome: 'review', dispute: null, candidate: c, intakeRecordId: rec.id };
  }

  /** The best open dispute the registration repeats by the duplicate rule (certain before uncertain), if any. */
  async match(reg: PreparedRegistration): Promise<RegistrationMatch | null> {
    const people = reg.facts.people;
    const since = new Date(reg.at.getTime() - LIVE_MATCH_WINDOW_DAYS * 86_400_000);
    const candidates = await this.records.candidates(
      this.db.db,
      {
        phones: people.flatMap((p) => (p.phone ? [p.phone] : [])),
        ids: people.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
        names: people.flatMap((p) => (p.name ? [p.name] : [])),
        streetCode: reg.input.streetCode,
      },
      since,
    );
    let best: RegistrationMatch | null = null;
    // a dispute of another category between the same people is another dispute, not a repeat
    for (const c of candidates.filter((x) => x.category === reg.input.category)) {
      const s = scoreDuplicate(reg.facts, factsOf(c), { windowDays: LIVE_MATCH_WINDOW_DAYS });
      if (!s) continue;
      const rank = (m: { confidence: string; score: number }) =>
        (m.confidence === 'certain' ? 1 : 0) + m.score;
      if (!best || rank(s) > rank(best)) best = { candidate: c, ...s };
    }
    return best;
  }

  /**
   * How a case was received, for its staff: every intake record (live registrations and imported rows), oldest
   * first, each with its channel, source id, received time, who registered it and, for a 12345 order, its own reply
   * deadline and satisfaction rating. A case received without a record (an online application, a court referral, a
   * registration before records were kept) shows that first receipt from the case itself.
   */
  async intakesOf(d: Pick<DisputeRow, 'id' | 'number' | 'channel' | 'createdAt' | 'createdBy'>) {
    const rows = await this.records.ofDispute(this.db.db, d.id);
    const list = rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      sourceId: r.sourceId,
      source: r.source,
      receivedAt: r.acceptedAt.toISOString(),
      registeredBy: r.registeredByName ?? null,
      replyDueAt: r.channel === 'hotline_12345' && r.dueAt ? r.dueAt.toISOString() : null,
      replyDays: r.channel === 'hotline_12345' ? r.timeLimitDays : null,
      satisfaction: r.satisfaction,
      merged: r.origin === 'merged' || r.origin === 'held',
    }));
    const first = rows.some((r) => r.registeredBy === null || r.origin === 'created');
    if (first) return list;
    const creator = d.createdBy ? await this.records.user(this.db.db, d.createdBy) : null;
    return [
      {
        id: null,
        channel: d.channel,
        sourceId: d.number,
        source: null,
        receivedAt: d.createdAt.toISOString(),
        registeredBy: creator?.name ?? null,
        replyDueAt: null,
        replyDays: null,
        satisfaction: null,
        merged: false,
      },
      ...list,
    ];
  }

  /** The intake record of a registration that created its case (written in the creation's transaction). */
  recordCreated(tx: Executor, reg: PreparedRegistration, d: DisputeRow): Promise<IntakeRecordRow> {
    return this.insertRecord(tx, reg, d.id, 'created');
  }

  /** Attaches the registration to the open dispute it repeats: an intake record, audited; every list hears it. */
  async merge(reg: PreparedRegistration, m: RegistrationMatch): Promise<RegistrationResult | null> {
    const result = await this.db.transaction(async (tx) => {
      const d = await this.records.disputeForUpdate(tx, m.candidate.id);
      // closed meanwhile: the registration is a new dispute after all
      if (!d || d.status !== m.candidate.status) return null;
      const rec = await this.insertRecord(tx, reg, d.id, 'merged');
      await this.audit.record(tx, reg.actor, {
        action: 'case.intake_merged',
        entityType: 'dispute',
        entityId: d.id,
        data: {
          intakeRecordId: rec.id,
          channel: rec.channel,
          sourceId: rec.sourceId,
          score: m.score,
          reasons: m.reasons.map((r) => r.code),
        },
      });
      return { outcome: 'merged' as const, dispute: d, candidate: null, intakeRecordId: rec.id };
    });
    if (result?.dispute) this.publisher.publish([caseChanged(result.dispute, 'intake_merged')]);
    return result;
  }

  /**
   * A probable repeat: the registration waits in the district's duplicate review queue as an intake record without
   * a case, paired with the open dispute's first intake record (written now for a dispute that has none).
   */
  async hold(reg: PreparedRegistration, m: RegistrationMatch): Promise<RegistrationResult> {
    const c = m.candidate;
    return this.db.transaction(async (tx) => {
      const existing = c.recordIds[0] ?? (await this.recordOfCandidate(tx, c)).id;
      const rec = await this.insertRecord(tx, reg, null, 'held', { id: c.id, number: c.number });
      const pair = await this.records.insertPair(tx, {
        recordA: existing,
        recordB: rec.id,
        confidence: 'uncertain',
        score: String(m.score),
        reasons: m.reasons,
        status: 'pending',
        createdAt: reg.at,
      });
      await this.audit.record(tx, reg.actor, {
        action: 'intake.registration_held',
        entityType: 'intake_record',
        entityId: rec.id,
        data: { pairId: pair.id, candidateDisputeId: c.id, score: m.score, channel: rec.channel },
      });
      return {
        outcome: 'review' as const,
        dispute: null,
        candidate: { id: c.id, number: c.number },
        intakeRecordId: rec.id,
      };
    });
  }

  /** The record standing for how a dispute without one was first received (online application, court referral). */
  private async recordOfCandidate(tx: Executor, c: OpenDisputeCandidate): Promise<IntakeRecordRow> {
    const row = await this.records.insert(tx, candidateRecordRow(c));
    await this.searchIndex.reindex(tx, [c.id]);
    return row;
  }

  private async insertRecord(
    tx: Executor,
    reg: PreparedRegistration,
    disputeId: string | null,
    origin: 'created' | 'merged' | 'held',
    candidate?: { id: string; number: string },
  ): Promise<IntakeRecordRow> {
    const { input } = reg;
    const row = await this.records
      .insert(tx, registrationRecordRow(reg, disputeId, origin, candidate))
      .catch((err) => {
        if (isUniqueViolation(err, 'intake_records_source_idx'))
          throw new DomainError(ErrorCode.CONFLICT, `该来源编号已登记过：${input.sourceId}`, {
            field: 'sourceId',
          });
        throw err;
      });
    // the record's source id now finds the case it joined
    if (disputeId) await this.searchIndex.reindex(tx, [disputeId]);
    return row;
  }
}
