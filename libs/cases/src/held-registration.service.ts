import { CaseSearchIndexService } from '@tiaojie/search';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimePublisher, Role, isUuid } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import {
  CaseIntakeRecordRepository,
  DuplicatePairRow,
  IntakeRecordRow,
} from './case-intake-record.repository';
import { CaseIntakeService } from './case-intake.service';
import { caseChanged } from './case-transition.service';
import { RegisterInput } from './case.types';

interface HeldRecord {
  kind: 'registration';
  origin: string;
  input: RegisterInput;
}

/**
 * The district's decision on a live registration held as a probable repeat: confirm joins it to the open dispute
 * as another intake record; dismiss files it as its own case, registered by whoever registered it. Pairs of imported
 * records are the import's review (DuplicateReviewService); this answers null for them.
 */
@Injectable()
export class HeldRegistrationService {
  constructor(
    private readonly db: DbService,
    private readonly records: CaseIntakeRecordRepository,
    private readonly intake: CaseIntakeService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  async decide(
    actor: Actor,
    pairId: string,
    decision: 'confirm' | 'dismiss',
    note?: string,
  ): Promise<DuplicatePairRow | null> {
    if (!isUuid(pairId)) return null;
    const held = await this.heldOf(this.db.db, pairId);
    if (!held) return null;
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('只有区级管理员可以复核疑似重复');
    const record = held.record;
    const input = (record.record as unknown as HeldRecord).input;
    // the pair is locked and re-checked in the transaction that acts on it (a second decision gets 409)
    const settle = async (tx: Executor, disputeId: string) => {
      const pair = await this.records.pairForUpdate(tx, pairId);
      const rec = await this.records.byId(tx, record.id);
      if (!pair || pair.status !== 'pending' || rec?.disputeId)
        throw new DomainError(ErrorCode.CONFLICT, `该疑似重复已处理（${pair?.status ?? '—'}）`, {
          status: pair?.status ?? null,
        });
      await this.records.setDispute(tx, record.id, disputeId);
      await this.searchIndex.reindex(tx, [disputeId]);
      const decided = await this.records.decidePair(tx, pairId, {
        status: decision === 'confirm' ? 'confirmed' : 'dismissed',
        decidedBy: actor.id,
        decidedAt: this.clock.now(),
        decisionNote: note?.trim() || null,
      });
      await this.audit.recordMany(tx, actor, [
        {
          action: `intake.duplicate.${decision}`,
          entityType: 'intake_duplicate_pair',
          entityId: pairId,
          data: { recordA: pair.recordA, recordB: pair.recordB, note: note?.trim() || null, disputeId },
        },
        ...(decision === 'confirm'
          ? [
              {
                action: 'case.intake_merged',
                entityType: 'dispute',
                entityId: disputeId,
                data: { intakeRecordId: record.id, channel: record.channel, sourceId: record.sourceId },
              },
            ]
          : []),
      ]);
      return decided;
    };
    if (decision === 'confirm') {
      const target = held.other.disputeId;
      if (!target) throw DomainError.notFound('dispute of the paired record', held.other.id);
      const { decided, dispute } = await this.db.transaction(async (tx) => {
        const d = await this.records.disputeForUpdate(tx, target);
        return { decided: await settle(tx, target), dispute: d };
      });
      if (dispute) this.publisher.publish([caseChanged(dispute, 'intake_merged')]);
      return decided;
    }
    const registrant = record.registeredBy ? await this.records.user(this.db.db, record.registeredBy) : null;
    if (!registrant) throw DomainError.notFound('registrant', record.registeredBy ?? '');
    let decided: DuplicatePairRow | null = null;
    await this.intake.createRegistered(
      { id: registrant.id, role: registrant.role as Role, orgId: registrant.orgId, name: registrant.name },
      input,
      async (tx, d) => {
        decided = await settle(tx, d.id);
      },
    );
    return decided;
  }

  /** The pair's held registration (a live record without a dispute) and the record it was paired with. */
  private async heldOf(
    db: Executor,
    pairId: string,
  ): Promise<{ record: IntakeRecordRow; other: IntakeRecordRow } | null> {
    const pair = await this.records.pair(db, pairId);
    if (!pair) return null;
    const [a, b] = await Promise.all([
      this.records.byId(db, pair.recordA),
      this.records.byId(db, pair.recordB),
    ]);
    const isHeld = (r: IntakeRecordRow | null) =>
      !!r && r.registeredBy !== null && (r.record as { kind?: string }).kind === 'registration';
    if (isHeld(b) && (!b!.disputeId || pair.status !== 'pending')) return { record: b!, other: a! };
    return null;
  }
}
