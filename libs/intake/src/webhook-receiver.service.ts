import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService, isUniqueViolation, runAsOne } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { JobQueue } from '@tiaojie/jobs';
import { canonicalJson } from '@tiaojie/intake-parsers';
import { FORMAT_OF_CHANNEL } from './intake-channel';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { validateWebhookPayload } from './webhook-row.parser';
import { checkWebhookSignature } from './webhook-signature';
import {
  CHANNEL_OF_SOURCE,
  isWebhookSource,
  SECRET_ENV,
  WEBHOOK_SECRETS,
  type WebhookSecrets,
} from './webhook.config';

export const WEBHOOK_PROCESS_JOB = 'intake.webhook.process';
const KEY_RE = /^[\x21-\x7e]{1,200}$/;

export interface WebhookRequest {
  source: string;
  timestamp: string | undefined;
  signature: string | undefined;
  idempotencyKey: string | undefined;
  rawBody: Buffer | undefined;
  body: unknown;
}

export interface WebhookAccepted {
  deliveryId: string;
  /** 'accepted' the first time, 'duplicate' when the idempotency key was seen with the same body. */
  status: 'accepted' | 'duplicate';
}

export function webhookActor(source: string): Actor {
  return { id: null, role: Role.System, orgId: null, name: `webhook:${source}` };
}

/**
 * Receives a live-feed delivery: source enabled, signature and timestamp valid, idempotency key
 * present, payload well formed; stores it with its audit entry in one statement, then queues its processing
 * (two round trips; it was a five-statement transaction, the heaviest write of the load scenario's intake).
 */
@Injectable()
export class WebhookReceiverService {
  constructor(
    private readonly db: DbService,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
  ) {}

  async receive(req: WebhookRequest): Promise<WebhookAccepted> {
    if (!isWebhookSource(req.source)) throw DomainError.notFound('webhook source', req.source);
    const secret = this.secrets[req.source];
    if (!secret) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `该数据源的推送接口未启用，请配置 ${SECRET_ENV[req.source]}`,
        { source: req.source },
      );
    }
    if (!req.rawBody) throw DomainError.validation('请求体须为 JSON');
    const problem = checkWebhookSignature({
      secret,
      timestamp: req.timestamp,
      signature: req.signature,
      rawBody: req.rawBody,
      now: this.clock.now(),
    });
    if (problem) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        problem === 'stale-timestamp' ? '时间戳超出 5 分钟，拒绝重放' : `签名校验失败`,
        { reason: problem },
      );
    }
    const key = req.idempotencyKey?.trim();
    if (!key || !KEY_RE.test(key))
      throw DomainError.validation('缺少或无效的 Idempotency-Key 请求头', {
        field: 'Idempotency-Key',
      });
    const channel = CHANNEL_OF_SOURCE[req.source];
    validateWebhookPayload(FORMAT_OF_CHANNEL[channel], req.body);
    const payloadHash = createHash('sha256').update(canonicalJson(req.body)).digest('hex');

    const actor = webhookActor(req.source);
    const id = randomUUID();
    try {
      // the delivery and its audit entry as one statement; a key seen before fails it whole (unique index)
      await runAsOne(
        this.db.db,
        this.deliveries.insertStatement(this.db.db, {
          id,
          source: req.source,
          idempotencyKey: key,
          payload: req.body as object,
          payloadHash,
          receivedAt: this.clock.now(),
        }),
        this.audit.statement(this.db.db, [
          [
            actor,
            {
              action: 'intake.webhook.receive',
              entityType: 'webhook_delivery',
              entityId: id,
              data: { source: req.source, idempotencyKey: key },
            },
          ],
        ]),
      );
    } catch (err) {
      if (!isUniqueViolation(err, 'webhook_deliveries_key_idx')) throw err;
      return this.repeated(req.source, key, payloadHash);
    }
    await this.enqueue(id);
    return { deliveryId: id, status: 'accepted' };
  }

  /**
   * Queues a stored delivery's processing. Idempotent (the job id is derived from the delivery's): a repeated
   * delivery queues it again in case the first attempt stopped between storing and queueing, and the worker's sweep
   * (`WebhookProcessorService.enqueueStranded`) catches one whose sender never repeats it.
   */
  private async enqueue(deliveryId: string): Promise<void> {
    await this.jobs.send(WEBHOOK_PROCESS_JOB, { deliveryId }, { singletonKey: deliveryId });
  }

  private async repeated(source: string, key: string, payloadHash: string): Promise<WebhookAccepted> {
    const previous = await this.deliveries.byKey(this.db.db, source, key);
    if (!previous) throw new DomainError(ErrorCode.CONFLICT, '推送正在处理，请稍后重试');
    if (previous.payloadHash !== payloadHash) {
      throw DomainError.idempotencyKeyReused('Idempotency-Key', { deliveryId: previous.id });
    }
    if (previous.status === 'pending') await this.enqueue(previous.id);
    return { deliveryId: previous.id, status: 'duplicate' };
  }
}
