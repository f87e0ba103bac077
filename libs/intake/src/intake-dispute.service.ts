import { Injectable } from '@nestjs/common';
import { Actor } from '@tiaojie/core';
import { CaseWriter } from '@tiaojie/cases';
import type { Executor } from '@tiaojie/db';
import type { AuditEntry } from '@tiaojie/audit';
import type { CrossChannelDuplicate, IntakeRecord } from '@tiaojie/intake-parsers';
import { buildDisputeDraft, type PlaceDirectory } from './dispute-draft.builder';
import { planLinks, recordInstant, recordKeyOf, type LinkItem } from './duplicate-linker';
import { DuplicatePairRepository } from './duplicate-pair.repository';
import { CHANNEL_LABELS, CHANNEL_OF_FORMAT } from './intake-channel';
import { IntakeRecordRepository } from './intake-record.repository';
import { reviveRecord } from './intake-record.mapper';

/** A record of the batch that is a dispute and has none yet. */
export interface DisputeNeeder {
  recordId: string;
  record: IntakeRecord;
  matchKeys: string[];
}

/** Records that end up on one dispute: an existing one, or a new one built from `primary`. */
export interface DisputeGroup {
  disputeId: string | null;
  primary: { recordId: string; record: IntakeRecord };
  members: { recordId: string; record: IntakeRecord }[];
}

export interface DisputeLink {
  recordId: string;
  disputeId: string;
}

export interface PairRow {
  recordA: string;
  recordB: string;
  confidence: string;
  score: string;
  reasons: unknown;
  status: string;
  createdAt: Date;
}

export interface DisputeStepResult {
  /** Which record belongs to which dispute: the caller writes these links (records may not exist yet). */
  links: DisputeLink[];
  /** Duplicate pairs to store once both records exist. */
  pairs: PairRow[];
  disputesCreated: number;
  /** Records linked to a dispute created earlier or by another record of the batch. */
  linked: number;
  queuedForReview: number;
  /** Records left without a dispute until a person reviews their uncertain duplicate pairs. */
  held: number;
  createdDisputeIds: string[];
  /** The record each created dispute was built from, in the order of createdDisputeIds. */
  createdFrom: string[];
  /** The records counted in `linked`. */
  linkedRecords: string[];
  /** The records counted in `held`. */
  heldRecords: string[];
  audit: AuditEntry[];
}

export interface DisputeStepContext {
  runId: string | null;
  now: Date;
}

const emptyStep = (): DisputeStepResult => ({
  links: [],
  pairs: [],
  disputesCreated: 0,
  linked: 0,
  queuedForReview: 0,
  held: 0,
  createdDisputeIds: [],
  createdFrom: [],
  linkedRecords: [],
  heldRecords: [],
  audit: [],
});

const WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Decides every new dispute record's dispute (creating disputes as needed; the caller writes the links): the dispute of a certain cross-channel duplicate
 * (earlier or in the same batch), else a new one (status 'received', parties, the 'receive'
 * transition). A record whose only matches are uncertain waits in the review queue without a dispute.
 */
@Injectable()
export class IntakeDisputeService {
  constructor(
    private readonly records: IntakeRecordRepository,
    private readonly cases: CaseWriter,
    private readonly pairs: DuplicatePairRepository,
  ) {}

  async assign(
    tx: Executor,
    actor: Actor,
    needers: DisputeNeeder[],
    places: PlaceDirectory,
    ctx: DisputeStepContext,
  ): Promise<DisputeStepResult> {
    if (needers.length === 0) return emptyStep();

    const keys = [...new Set(needers.flatMap((n) => n.matchKeys))];
    const times = needers.map((n) => recordInstant(n.record));
    const from = new Date(Math.min(...times) - WINDOW_DAYS * DAY_MS);
    const to = new Date(Math.max(...times) + WINDOW_DAYS * DAY_MS);
    // Only cross-channel pairs count: when every needer comes from one channel, its own channel need not be read.
    const onlyChannel =
      new Set(needers.map((n) => n.record.kind)).size === 1
        ? CHANNEL_OF_FORMAT[needers[0].record.kind]
        : null;
    const idOf = new Map<string, string>();
    const items = new Map<string, LinkItem>();
    for (const c of await this.records.candidates(tx, keys, from, to, onlyChannel)) {
      const record = reviveRecord(c.record);
      const key = recordKeyOf(record);
      idOf.set(key, c.id);
      items.set(key, { key, record, disputeId: c.disputeId, needsDispute: c.disputeId === null });
    }
    for (const n of needers) {
      const key = recordKeyOf(n.record);
      idOf.set(key, n.recordId);
      items.set(key, { key, record: n.record, disputeId: null, needsDispute: true });
    }
    const plan = planLinks([...items.values()], WINDOW_DAYS);
    const ref = (i: LinkItem) => ({ recordId: idOf.get(i.key)!, record: i.record });
    const result = await this.materialize(
      tx,
      actor,
      plan.groups.map((g) => ({
        disputeId: g.disputeId,
        primary: ref(g.primary),
        members: g.members.map(ref),
      })),
      places,
      ctx,
    );

    const pairRow = (p: CrossChannelDuplicate, status: string): PairRow => ({
      recordA: idOf.get(`${p.a.kind}:${p.a.sourceId}`)!,
      recordB: idOf.get(`${p.b.kind}:${p.b.sourceId}`)!,
      confidence: p.confidence,
      score: p.score.toFixed(3),
      reasons: p.reasons,
      status,
      createdAt: ctx.now,
    });
    result.pairs = [
      ...plan.linked.map((p) => pairRow(p, 'linked')),
      ...plan.review.map((p) => pairRow(p, 'pending')),
    ];
    result.queuedForReview = plan.review.length;
    result.held = plan.held.length;
    result.heldRecords = plan.held.map((i) => idOf.get(i.key)!);
    return result;
  }

  /** Stores pairs (after both records exist); returns how many review-queue entries were new. */
  async storePairs(tx: Executor, pairs: PairRow[]): Promise<number> {
    await this.pairs.insert(
      tx,
      pairs.filter((p) => p.status !== 'pending'),
    );
    return this.pairs.insert(
      tx,
      pairs.filter((p) => p.status === 'pending'),
    );
  }

  /** Creates the disputes of groups without one and links every member to its group's dispute. */
  async materialize(
    tx: Executor,
    actor: Actor,
    groups: DisputeGroup[],
    places: PlaceDirectory,
    ctx: DisputeStepContext,
  ): Promise<DisputeStepResult> {
    const result = emptyStep();
    const fresh = groups.filter((g) => g.disputeId === null);
    const drafts = fresh.map((g) => buildDisputeDraft(g.primary.record, places));
    const created = await this.cases.createMany(
      tx,
      actor,
      drafts.map((d, i) => ({
        ...d,
        createdBy: actor.id,
        createdAt: new Date(recordInstant(fresh[i].primary.record)),
        updatedAt: ctx.now,
        receiveReason: `${CHANNEL_LABELS[d.channel]}导入`,
        receiveData: {
          sourceId: fresh[i].primary.record.sourceId,
          intakeRecordId: fresh[i].primary.recordId,
          importRunId: ctx.runId,
        },
        // the whole group's records find the case from its first write
        intakeIds: fresh[i].members.map((m) => m.record.sourceId),
      })),
    );
    const createdIds = created.map((c) => c.id);
    const numbers = created.map((c) => c.number);
    fresh.forEach((g, i) => {
      g.disputeId = createdIds[i];
    });
    fresh.forEach((g, i) =>
      result.audit.push({
        action: 'case.receive',
        entityType: 'dispute',
        entityId: createdIds[i],
        data: {
          number: numbers[i],
          channel: drafts[i].channel,
          category: drafts[i].category,
          kind: drafts[i].kind,
          sourceId: g.primary.record.sourceId,
          importRunId: ctx.runId,
        },
      }),
    );
    result.disputesCreated = fresh.length;
    result.createdDisputeIds = createdIds;
    result.createdFrom = fresh.map((g) => g.primary.recordId);

    const createdSet = new Set<string>(createdIds);
    for (const g of groups) {
      for (const m of g.members) {
        result.links.push({ recordId: m.recordId, disputeId: g.disputeId! });
        if (m.recordId === g.primary.recordId && createdSet.has(g.disputeId!)) continue;
        result.linked++;
        result.linkedRecords.push(m.recordId);
        result.audit.push({
          action: 'case.intake_linked',
          entityType: 'dispute',
          entityId: g.disputeId!,
          data: {
            channel: CHANNEL_OF_FORMAT[m.record.kind],
            sourceId: m.record.sourceId,
            intakeRecordId: m.recordId,
            importRunId: ctx.runId,
          },
        });
      }
    }
    return result;
  }
}
