import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import type { AcceptedRow } from '@tiaojie/intake-parsers';
import { IntakeBatchWriter } from './intake-batch.writer';
import { FORMAT_OF_CHANNEL } from './intake-channel';
import { IntakeDisputeRepository } from './intake-dispute.repository';
import { NamedPlaceDirectory } from './place-directory';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { webhookActor } from './webhook-receiver.service';
import { parseWebhookRows, validateWebhookPayload } from './webhook-row.parser';
import { CHANNEL_OF_SOURCE, isWebhookSource } from './webhook.config';

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
 * Processes a stored delivery (the pg-boss job's handler): the same batch writer as the file
 * import, in one transaction with the delivery's status, so a retried or repeated job changes nothing.
 */
@Injectable()
export class WebhookProcessorService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly db: DbService,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly writer: IntakeBatchWriter,
    private readonly places: IntakeDisputeRepository,
    private readonly clock: Clock,
  ) {}

  async process(deliveryId: string): Promise<WebhookResult | null> {
    try {
      return await this.db.transaction(async (tx) => {
        const d = await this.deliveries.lock(tx, deliveryId);
        if (!d) {
          this.logger.warn(`webhook delivery ${deliveryId} not found`);
          return null;
        }
        if (d.status === 'processed') return d.result as WebhookResult;
        if (!isWebhookSource(d.source)) throw new Error(`unknown webhook source ${d.source}`);
        const format = FORMAT_OF_CHANNEL[CHANNEL_OF_SOURCE[d.source]];
        const rows = parseWebhookRows(format, validateWebhookPayload(format, d.payload));
        const accepted = rows.filter((r): r is AcceptedRow => r.ok);
        const places = new NamedPlaceDirectory(await this.places.streets(tx), await this.places.communities(tx));
        const out = await this.writer.write(tx, accepted, { actor: webhookActor(d.source), runId: null, places });
        const result: WebhookResult = {
          rows: rows.length, created: out.created, updated: out.updated, unchanged: out.unchanged,
          rejected: rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, column: r.column, reason: r.reason }])),
          disputesCreated: out.disputesCreated, linked: out.linked, queuedForReview: out.queuedForReview, held: out.held,
        };
        await this.deliveries.update(tx, deliveryId, { status: 'processed', attempts: d.attempts + 1, result, lastError: null, processedAt: this.clock.now() });
        return result;
      });
    } catch (err) {
      const current = await this.deliveries.byId(this.db.db, deliveryId);
      await this.deliveries.update(this.db.db, deliveryId, { attempts: (current?.attempts ?? 0) + 1, lastError: (err as Error).message.slice(0, 2000) });
      throw err;
    }
  }
}
