import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import type { JobQueue } from '@tiaojie/jobs';
import type { AcceptedRow } from '@tiaojie/intake-parsers';
import { BatchResult, IntakeBatchWriter } from './intake-batch.writer';
import { FORMAT_OF_CHANNEL } from './intake-channel';
import { PlaceDirectoryRepository } from './place-directory.repository';
import { NamedPlaceDirectory } from './place-directory';
import { WebhookDeliveryRepository, WebhookDeliveryRow } from './webhook-delivery.repository';
import { WEBHOOK_PROCESS_JOB, webhookActor } from './webhook-receiver.service';
import { parseWebhookRows, validateWebhookPayload } from './webhook-row.parser';
import { CHANNEL_OF_SOURCE, isWebhookSource } from './webhook.config';

/** How often the worker looks for deliveries whose job was never queued. */
export const STRANDED_SWEEP_MS = 30_000;

export interface WebhookResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; column: string | null; reason: string }[];
  disputesCreated: number;
  linked: number;
  queuedForReview: number;
  held: number;
}

/**
 * Processes stored deliveries (the pg-boss jobs' handler): the same batch writer as the file import, in one
 * transaction with the deliveries' status, so a retried or repeated job changes nothing.
 *
 * The worker hands over every delivery a poll fetched (`processMany`): their rows go through one write, in the
 * order the deliveries arrived, and each delivery's result counts what its own rows did. One transaction per
 * delivery was the heaviest background load of the load scenario (about twenty statements each, 30 deliveries a
 * second), and the worker fell behind.
 */
@Injectable()
export class WebhookProcessorService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly db: DbService,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly writer: IntakeBatchWriter,
    private readonly places: PlaceDirectoryRepository,
    private readonly clock: Clock,
  ) {}

  async process(deliveryId: string): Promise<WebhookResult | null> {
    try {
      return await this.db.transaction(async (tx) => {
        const [d] = await this.deliveries.lock(tx, [deliveryId]);
        if (!d) {
          this.logger.warn(`webhook delivery ${deliveryId} not found`);
          return null;
        }
        if (d.status === 'processed') return d.result as WebhookResult;
        return (await this.write(tx, [d])).get(d.id)!;
      });
    } catch (err) {
      await this.recordFailure(deliveryId, err);
      throw err;
    }
  }

  /**
   * Several deliveries in one transaction. If that fails, each is processed on its own, so one bad delivery holds
   * back no other; returns the deliveries that failed then, with their errors (their jobs retry).
   */
  async processMany(deliveryIds: string[]): Promise<Map<string, Error>> {
    const failures = new Map<string, Error>();
    if (deliveryIds.length > 1) {
      try {
        await this.db.transaction(async (tx) => {
          const pending = (await this.deliveries.lock(tx, deliveryIds)).filter(
            (d) => d.status !== 'processed',
          );
          if (pending.length > 0) await this.write(tx, pending);
        });
        return failures;
      } catch (err) {
        this.logger.warn(
          `a batch of ${deliveryIds.length} webhook deliveries failed (${(err as Error).message}); processing each alone`,
        );
      }
    }
    for (const id of deliveryIds) {
      try {
        await this.process(id);
      } catch (err) {
        failures.set(id, err instanceof Error ? err : new Error(String(err)));
      }
    }
    return failures;
  }

  /** Writes the deliveries' rows (in the order given) and marks them processed; returns each one's result. */
  private async write(tx: Executor, deliveries: WebhookDeliveryRow[]): Promise<Map<string, WebhookResult>> {
    const places = new NamedPlaceDirectory(await this.places.streets(tx), await this.places.communities(tx));
    const results = new Map<string, WebhookResult>();
    for (const source of new Set(deliveries.map((d) => d.source))) {
      if (!isWebhookSource(source)) throw new Error(`unknown webhook source ${source}`);
      const format = FORMAT_OF_CHANNEL[CHANNEL_OF_SOURCE[source]];
      const group = deliveries.filter((d) => d.source === source);
      const parsed = group.map((d) => parseWebhookRows(format, validateWebhookPayload(format, d.payload)));
      const accepted = parsed.map((rows) => rows.filter((r): r is AcceptedRow => r.ok));
      const out = await this.writer.write(tx, accepted.flat(), {
        actor: webhookActor(source),
        runId: null,
        places,
      });
      splitResult(
        out,
        accepted.map((rows) => rows.length),
      ).forEach((own, i) => {
        results.set(group[i].id, {
          ...own,
          rows: parsed[i].length,
          rejected: parsed[i].flatMap((r) =>
            r.ok ? [] : [{ line: r.line, column: r.column, reason: r.reason }],
          ),
        });
      });
    }
    await this.deliveries.markProcessed(
      tx,
      [...results].map(([id, result]) => ({ id, result })),
      this.clock.now(),
    );
    return results;
  }

  /**
   * Queues the deliveries never tried that arrived more than `olderThanMs` ago: the api stores a delivery, then queues
   * its job; an api stopped in between leaves it without one until its sender repeats it. The worker sweeps every
   * STRANDED_SWEEP_MS; queueing is idempotent, so a delivery whose job is merely waiting changes nothing.
   */
  async enqueueStranded(jobs: JobQueue, olderThanMs = 30_000, limit = 500): Promise<number> {
    const ids = await this.deliveries.strandedIds(
      this.db.db,
      new Date(this.clock.now().getTime() - olderThanMs),
      limit,
    );
    for (const deliveryId of ids)
      await jobs.send(WEBHOOK_PROCESS_JOB, { deliveryId }, { singletonKey: deliveryId });
    return ids.length;
  }

  private async recordFailure(deliveryId: string, err: unknown): Promise<void> {
    const current = await this.deliveries.byId(this.db.db, deliveryId);
    await this.deliveries.update(this.db.db, deliveryId, {
      attempts: (current?.attempts ?? 0) + 1,
      lastError: (err as Error).message.slice(0, 2000),
    });
  }
}

type OwnCounts = Omit<WebhookResult, 'rows' | 'rejected'>;

/**
 * One batch write's counts, split among the deliveries whose rows it wrote (`sizes`: accepted rows per delivery,
 * in order). A record belongs to the first delivery that carried it (a later delivery of the same record updates
 * it); a pair for review counts for the later of its two records' deliveries, or for the one delivery of the batch
 * that carried either record.
 */
export function splitResult(out: BatchResult, sizes: number[]): OwnCounts[] {
  const owner = new Map<string, number>();
  const counts: OwnCounts[] = sizes.map(() => ({
    created: 0,
    updated: 0,
    unchanged: 0,
    disputesCreated: 0,
    linked: 0,
    queuedForReview: 0,
    held: 0,
  }));
  let row = 0;
  sizes.forEach((size, i) => {
    for (let j = 0; j < size; j++, row++) {
      counts[i][out.outcomes[row]] += 1;
      const record = out.attribution.recordOfRow[row];
      if (!owner.has(record)) owner.set(record, i);
    }
  });
  const a = out.attribution;
  for (const r of a.createdFrom) if (owner.has(r)) counts[owner.get(r)!].disputesCreated += 1;
  for (const r of a.linkedRecords) if (owner.has(r)) counts[owner.get(r)!].linked += 1;
  for (const r of a.heldRecords) if (owner.has(r)) counts[owner.get(r)!].held += 1;
  for (const [x, y] of a.reviewPairs) {
    const i = Math.max(owner.get(x) ?? -1, owner.get(y) ?? -1);
    if (i >= 0) counts[i].queuedForReview += 1;
  }
  return counts;
}
