import { CaseSearchIndexService } from '@tiaojie/search';
import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { maskIdNumber, maskPhone } from '@tiaojie/personal-data';
import { DbService, Executor } from '@tiaojie/db';
import { AuditService, type AuditEntry } from '@tiaojie/audit';
import { recordInstant } from './duplicate-linker';
import { DuplicatePairRepository, type DuplicatePairRow } from './duplicate-pair.repository';
import { PlaceDirectoryRepository } from './place-directory.repository';
import { IntakeDisputeService, type DisputeGroup } from './intake-dispute.service';
import { reviveRecord } from './intake-record.mapper';
import { IntakeRecordRepository, type IntakeRecordRow } from './intake-record.repository';
import { NamedPlaceDirectory } from './place-directory';

export type ReviewDecision = 'confirm' | 'dismiss';

interface PartyView {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
}

type Person = { name?: string | null; phone?: string | null; idNumber?: string | null };
/** The stored record of an intake row, as far as the review reads it (the kinds differ in their people fields). */
type StoredRecord = {
  kind?: string;
  requester?: string | null;
  phone?: string | null;
  partyName?: string | null;
  partyPhone?: string | null;
  input?: { parties?: Person[] };
  plaintiff?: Person;
  defendant?: Person;
};

function peopleOf(record: StoredRecord): PartyView[] {
  const mask = (p: Person) => ({
    name: p.name ?? null,
    phone: maskPhone(p.phone ?? null),
    idNumber: maskIdNumber(p.idNumber ?? null),
  });
  if (record.kind === 'work-order') return [mask({ name: record.requester, phone: record.phone })];
  if (record.kind === 'grid-report') return [mask({ name: record.partyName, phone: record.partyPhone })];
  // a live registration held as a probable repeat (CaseRegistrationService): its parties as registered
  if (record.kind === 'registration') return (record.input?.parties ?? []).map(mask);
  return [mask(record.plaintiff ?? {}), mask(record.defendant ?? {})];
}

/** The district admin's queue of uncertain cross-channel duplicates, and its decisions. */
@Injectable()
export class DuplicateReviewService {
  constructor(
    private readonly db: DbService,
    private readonly pairs: DuplicatePairRepository,
    private readonly records: IntakeRecordRepository,
    private readonly disputeStep: IntakeDisputeService,
    private readonly places: PlaceDirectoryRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  private assertDistrict(actor: Actor): void {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('只有区级管理员可以复核疑似重复');
  }

  /** Pairs (pending by default) with both records side by side; phone and ID numbers masked. */
  async list(actor: Actor, status: string | null = 'pending', limit = 100) {
    this.assertDistrict(actor);
    const rows = await this.pairs.list(this.db.db, status, Math.min(Math.max(limit, 1), 500));
    const side = (r: (typeof rows)[number]['a']) => ({
      id: r.id,
      channel: r.channel,
      sourceId: r.sourceId,
      disputeId: r.disputeId,
      acceptedAt: r.acceptedAt,
      street: r.street,
      category: r.category,
      people: peopleOf(r.record as StoredRecord),
    });
    return rows.map((r) => ({
      id: r.pair.id,
      status: r.pair.status,
      confidence: r.pair.confidence,
      score: Number(r.pair.score),
      reasons: r.pair.reasons,
      createdAt: r.pair.createdAt,
      decidedAt: r.pair.decidedAt,
      decisionNote: r.pair.decisionNote,
      a: side(r.a),
      b: side(r.b),
    }));
  }

  /**
   * confirm: both records end up on one dispute (the one either already has, else a new one from the
   * earlier record); two different existing disputes are not merged here (409). dismiss: a record left
   * without a dispute and with no other pending pair gets its own dispute.
   */
  async decide(
    actor: Actor,
    pairId: string,
    decision: ReviewDecision,
    note?: string,
  ): Promise<DuplicatePairRow> {
    this.assertDistrict(actor);
    return this.db.transaction(async (tx) => {
      await this.records.lock(tx);
      const pair = await this.pairs.byId(tx, pairId, true);
      if (!pair) throw DomainError.notFound('duplicate pair', pairId);
      if (pair.status !== 'pending') {
        throw new DomainError(ErrorCode.CONFLICT, '该疑似重复已处理', {
          status: pair.status,
        });
      }
      const [a, b] = await this.records
        .byIds(tx, [pair.recordA, pair.recordB])
        .then((rs) => [rs.find((r) => r.id === pair.recordA)!, rs.find((r) => r.id === pair.recordB)!]);
      const now = this.clock.now();
      const groups =
        decision === 'confirm' ? this.confirmGroups(a, b) : await this.dismissGroups(tx, pair, [a, b]);
      const places = new NamedPlaceDirectory(
        await this.places.streets(tx),
        await this.places.communities(tx),
      );
      const step = await this.disputeStep.materialize(tx, actor, groups, places, { runId: null, now });
      await this.records.setDisputes(tx, step.links);
      await this.searchIndex.reindex(
        tx,
        step.links.map((l) => l.disputeId),
      );
      const decided = await this.pairs.decide(tx, pairId, {
        status: decision === 'confirm' ? 'confirmed' : 'dismissed',
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: note?.trim() || null,
      });
      const audit: AuditEntry[] = [
        ...step.audit,
        {
          action: `intake.duplicate.${decision}`,
          entityType: 'intake_duplicate_pair',
          entityId: pairId,
          data: {
            recordA: a.id,
            recordB: b.id,
            note: note?.trim() || null,
            disputesCreated: step.disputesCreated,
          },
        },
      ];
      await this.audit.recordMany(tx, actor, audit);
      return decided!;
    });
  }

  private confirmGroups(a: IntakeRecordRow, b: IntakeRecordRow): DisputeGroup[] {
    const ref = (r: IntakeRecordRow) => ({ recordId: r.id, record: reviveRecord(r.record) });
    if (a.disputeId && b.disputeId) {
      if (a.disputeId === b.disputeId) return [];
      throw new DomainError(ErrorCode.CONFLICT, '两条记录已属于不同的纠纷，合并纠纷须在案件中处理', {
        disputeA: a.disputeId,
        disputeB: b.disputeId,
      });
    }
    if (a.disputeId || b.disputeId) {
      const [has, lacks] = a.disputeId ? [a, b] : [b, a];
      return [{ disputeId: has.disputeId, primary: ref(lacks), members: [ref(lacks)] }];
    }
    const [first, second] = [ref(a), ref(b)].sort(
      (x, y) => recordInstant(x.record) - recordInstant(y.record),
    );
    return [{ disputeId: null, primary: first, members: [first, second] }];
  }

  private async dismissGroups(
    tx: Executor,
    pair: DuplicatePairRow,
    records: IntakeRecordRow[],
  ): Promise<DisputeGroup[]> {
    const groups: DisputeGroup[] = [];
    for (const r of records) {
      if (!r.isDispute || r.disputeId) continue;
      const others = (await this.pairs.pendingFor(tx, r.id)).filter((p) => p.id !== pair.id);
      if (others.length > 0) continue;
      const ref = { recordId: r.id, record: reviveRecord(r.record) };
      groups.push({ disputeId: null, primary: ref, members: [ref] });
    }
    return groups;
  }
}
