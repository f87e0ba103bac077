import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, Clock } from '@tiaojie/core';
import type { Executor } from '@tiaojie/db';
import { AuditService, type AuditEntry } from '@tiaojie/audit';
import { canonicalJson, type AcceptedRow } from '@tiaojie/intake-parsers';
import { IntakeAggregateDelta, StatsAggregateRepository, type IntakeFacts } from '@tiaojie/stats';
import { CaseSearchIndexService } from '@tiaojie/search';
import type { PlaceDirectory } from './dispute-draft.builder';
import { CHANNEL_OF_FORMAT } from './intake-channel';
import { IntakeDisputeService, type DisputeNeeder } from './intake-dispute.service';
import { toIntakeValues, type IntakeRecordValues } from './intake-record.mapper';
import { IntakeRecordRepository, type ExistingRecord } from './intake-record.repository';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface BatchContext {
  actor: Actor;
  runId: string | null;
  places: PlaceDirectory;
}

export interface BatchResult {
  /** One outcome per input row, in order. */
  outcomes: RowOutcome[];
  created: number;
  updated: number;
  unchanged: number;
  disputesCreated: number;
  linked: number;
  queuedForReview: number;
  /** Dispute records waiting for a duplicate review before they get a dispute. */
  held: number;
  createdDisputeIds: string[];
  /** Who did what, for callers that write several deliveries as one batch (webhooks) and report each on its own. */
  attribution: {
    /** The intake record of each input row, in order. */
    recordOfRow: string[];
    /** The record each created dispute was built from; the records linked to a dispute; the records held. */
    createdFrom: string[];
    linkedRecords: string[];
    heldRecords: string[];
    /** The two records of each pair queued for review. */
    reviewPairs: [string, string][];
  };
}

interface KeyState {
  channel: string;
  sourceId: string;
  existing: ExistingRecord | null;
  hash: string | null;
  row: AcceptedRow | null;
  /** The record before the next delivery: the stored one is fetched only when the row changed (DB). */
  record: unknown;
  updates: { before: unknown; after: unknown; fromHash: string | null; toHash: string }[];
}

/** Marks a record that is in the database (fetched only if needed). */
const STORED = Symbol('stored');

function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]))
    .sort();
}

function factsOf(e: ExistingRecord): IntakeFacts {
  return {
    channel: e.channel,
    source: e.source,
    street: e.street,
    category: e.category,
    disputeCategory: e.disputeCategory,
    isDispute: e.isDispute,
    acceptedAt: e.acceptedAt,
    closedAt: e.closedAt,
    repliedAt: e.repliedAt,
    repliedOnTime: e.repliedOnTime,
    satisfaction: e.satisfaction,
    peopleInvolved: e.peopleInvolved,
  };
}

/**
 * Writes one batch of accepted rows inside the caller's transaction: idempotent by source id
 * (identical content → unchanged; changed → update + audit), maintained aggregates, disputes and
 * cross-channel links for new dispute records, audit rows. Intake writers are serialised by a lock.
 */
@Injectable()
export class IntakeBatchWriter {
  constructor(
    private readonly records: IntakeRecordRepository,
    private readonly disputeStep: IntakeDisputeService,
    private readonly aggregates: StatsAggregateRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  async write(tx: Executor, rows: readonly AcceptedRow[], ctx: BatchContext): Promise<BatchResult> {
    const now = this.clock.now();
    await this.records.lock(tx);
    const states = await this.load(tx, rows);
    const outcomes = rows.map((row) =>
      this.classify(states.get(`${CHANNEL_OF_FORMAT[row.format]}|${row.sourceId}`)!, row),
    );

    const toWrite: { state: KeyState; values: IntakeRecordValues; id: string }[] = [];
    for (const state of states.values()) {
      if (state.row && state.hash !== state.existing?.contentHash)
        toWrite.push({ state, values: toIntakeValues(state.row), id: state.existing?.id ?? randomUUID() });
    }
    const ids = new Map(toWrite.map((w) => [w.state.sourceId, w.id]));
    const newIds = new Map(toWrite.map((w) => [w.state, w.id]));
    const recordOfKey = new Map([...states].map(([key, st]) => [key, st.existing?.id ?? newIds.get(st)!]));
    // Before the upsert overwrites them: the stored versions of changed records, to name what changed.
    const stored = await this.records.storedRecords(
      tx,
      toWrite.filter((w) => w.state.updates.some((u) => u.before === STORED)).map((w) => w.id),
    );

    // Disputes first (new records are then inserted already linked: no second write of each row).
    const needers: DisputeNeeder[] = toWrite
      .filter((w) => w.values.isDispute && !w.state.existing?.disputeId)
      .map((w) => ({ recordId: w.id, record: w.state.row!.record, matchKeys: w.values.matchKeys }));
    const step = await this.disputeStep.assign(tx, ctx.actor, needers, ctx.places, { runId: ctx.runId, now });
    const linkOf = new Map(step.links.map((l) => [l.recordId, l.disputeId]));
    await this.records.upsert(
      tx,
      toWrite.map((w) => ({
        id: w.id,
        disputeId: w.state.existing ? null : (linkOf.get(w.id) ?? null),
        v: w.values,
      })),
      ctx.runId,
      now,
    );
    const fresh = new Set(toWrite.filter((w) => !w.state.existing).map((w) => w.id));
    await this.records.setDisputes(
      tx,
      step.links.filter((l) => !fresh.has(l.recordId)),
    );
    // cases joined now are found by their new records' ids in the same transaction (new cases were indexed whole)
    const createdNow = new Set(step.createdDisputeIds);
    await this.searchIndex.reindex(
      tx,
      step.links.map((l) => l.disputeId).filter((id) => !createdNow.has(id)),
    );
    const keyed = (list: typeof toWrite) =>
      list.map((w) => ({
        id: w.id,
        channel: w.values.channel,
        acceptedAt: w.values.acceptedAt,
        keys: w.values.matchKeys,
        isDispute: w.values.isDispute,
      }));
    await this.records.replaceMatchKeys(tx, keyed(toWrite.filter((w) => fresh.has(w.id))), true);
    await this.records.replaceMatchKeys(tx, keyed(toWrite.filter((w) => !fresh.has(w.id))), false);
    await this.disputeStep.storePairs(tx, step.pairs);

    const delta = new IntakeAggregateDelta();
    for (const w of toWrite) delta.add(w.state.existing ? factsOf(w.state.existing) : null, w.values);
    await this.aggregates.apply(tx, delta);

    const audit: AuditEntry[] = [...step.audit];
    for (const w of toWrite) {
      const id = ids.get(w.state.sourceId)!;
      for (const u of w.state.updates) {
        const changed = changedFields(u.before === STORED ? stored.get(id) : u.before, u.after);
        audit.push({
          action: 'intake.record.update',
          entityType: 'intake_record',
          entityId: id,
          data: {
            channel: w.state.channel,
            sourceId: w.state.sourceId,
            changed,
            fromHash: u.fromHash,
            toHash: u.toHash,
            importRunId: ctx.runId,
          },
        });
      }
    }
    const created = outcomes.filter((o) => o === 'created').length;
    const updated = outcomes.filter((o) => o === 'updated').length;
    if (created > 0) {
      const createdIds = toWrite.filter((w) => !w.state.existing).map((w) => w.state.sourceId);
      audit.push({
        action: 'intake.records.create',
        entityType: ctx.runId ? 'import_run' : 'intake_record',
        entityId: ctx.runId ?? ids.get(createdIds[0])!,
        data: {
          channel: toWrite[0].state.channel,
          count: created,
          sourceIds: createdIds,
          disputesCreated: step.disputesCreated,
        },
      });
    }
    await this.audit.recordMany(tx, ctx.actor, audit);
    return {
      outcomes,
      created,
      updated,
      unchanged: outcomes.length - created - updated,
      disputesCreated: step.disputesCreated,
      linked: step.linked,
      queuedForReview: step.queuedForReview,
      held: step.held,
      createdDisputeIds: step.createdDisputeIds,
      attribution: {
        recordOfRow: rows.map((row) => recordOfKey.get(`${CHANNEL_OF_FORMAT[row.format]}|${row.sourceId}`)!),
        createdFrom: step.createdFrom,
        linkedRecords: step.linkedRecords,
        heldRecords: step.heldRecords,
        reviewPairs: step.pairs.filter((p) => p.status === 'pending').map((p) => [p.recordA, p.recordB]),
      },
    };
  }

  private async load(tx: Executor, rows: readonly AcceptedRow[]): Promise<Map<string, KeyState>> {
    const states = new Map<string, KeyState>();
    const byChannel = new Map<string, Set<string>>();
    for (const row of rows) {
      const channel = CHANNEL_OF_FORMAT[row.format];
      const set = byChannel.get(channel) ?? new Set<string>();
      set.add(row.sourceId);
      byChannel.set(channel, set);
    }
    for (const [channel, sourceIds] of byChannel) {
      const existing = new Map(
        (await this.records.existing(tx, channel, [...sourceIds])).map((e) => [e.sourceId, e]),
      );
      for (const sourceId of sourceIds) {
        const e = existing.get(sourceId) ?? null;
        states.set(`${channel}|${sourceId}`, {
          channel,
          sourceId,
          existing: e,
          hash: e?.contentHash ?? null,
          row: null,
          record: e ? STORED : null,
          updates: [],
        });
      }
    }
    return states;
  }

  /** Walks the deliveries of one source id in order: first sight → created, same content → unchanged, else updated. */
  private classify(state: KeyState, row: AcceptedRow): RowOutcome {
    const record: unknown = row.record;
    let outcome: RowOutcome;
    if (state.hash === null) outcome = 'created';
    else if (state.hash === row.contentHash) outcome = 'unchanged';
    else {
      outcome = 'updated';
      state.updates.push({
        before: state.record,
        after: record,
        fromHash: state.hash,
        toHash: row.contentHash,
      });
    }
    if (outcome !== 'unchanged' || state.row === null) state.row = row;
    state.hash = row.contentHash;
    state.record = record;
    return outcome;
  }
}
