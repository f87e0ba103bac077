import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { JobQueue } from '@tiaojie/jobs';
import { canonicalJson } from '@tiaojie/intake-parsers';
import { FORMAT_OF_CHANNEL } from './intake-channel';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { validateWebhookPayload } from './webhook-row.parser';
import { checkWebhookSignature } from './webhook-signature';
import { CHANNEL_OF_SOURCE, isWebhookSource, SECRET_ENV, WEBHOOK_SECRETS, type WebhookSecrets } from './webhook.config';

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
 * present, payload well formed; stores it and enqueues its processing in one transaction.
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
    if (!isWebhookSource(req.source)) throw DomainError.notFound('webhook source (one of 12345, grid, court)', req.source);
    const secret = this.secrets[req.source];
    if (!secret) {
      throw new DomainError(ErrorCode.NOT_FOUND, `该数据源的推送接口未启用，请配置 ${SECRET_ENV[req.source]} (webhook disabled: ${SECRET_ENV[req.source]} is not set)`, { source: req.source });
    }
    if (!req.rawBody) throw DomainError.validation('请求体须为 JSON (the body must be application/json)');
    const problem = checkWebhookSignature({ secret, timestamp: req.timestamp, signature: req.signature, rawBody: req.rawBody, now: this.clock.now() });
    if (problem) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, problem === 'stale-timestamp'
        ? '时间戳超出 5 分钟，拒绝重放 (timestamp older or newer than 5 minutes)' : `签名校验失败 (${problem})`, { reason: problem });
    }
    const key = req.idempotencyKey?.trim();
    if (!key || !KEY_RE.test(key)) throw DomainError.validation('缺少或无效的 Idempotency-Key 请求头 (1–200 printable ASCII characters)', { field: 'Idempotency-Key' });
    const channel = CHANNEL_OF_SOURCE[req.source];
    validateWebhookPayload(FORMAT_OF_CHANNEL[channel], req.body);
    const payloadHash = createHash('sha256').update(canonicalJson(req.body)).digest('hex');

    const actor = webhookActor(req.source);
    const stored = await this.db.transaction(async (tx) => {
      const row = await this.deliveries.insertOnce(tx, { source: req.source, idempotencyKey: key, payload: req.body as object, payloadHash, receivedAt: this.clock.now() });
      if (!row) return null;
      await this.jobs.send(WEBHOOK_PROCESS_JOB, { deliveryId: row.id }, { tx, singletonKey: row.id });
      await this.audit.record(tx, actor, { action: 'intake.webhook.receive', entityType: 'webhook_delivery', entityId: row.id, data: { source: req.source, idempotencyKey: key } });
      return row;
    });
    if (stored) return { deliveryId: stored.id, status: 'accepted' };
    const previous = await this.deliveries.byKey(this.db.db, req.source, key);
    if (!previous) throw new DomainError(ErrorCode.CONFLICT, '推送正在处理，请稍后重试 (delivery in progress, retry)');
    if (previous.payloadHash !== payloadHash) {
      throw new DomainError(ErrorCode.CONFLICT, '同一 Idempotency-Key 已用于不同的内容 (idempotency key reused with a different body)', { deliveryId: previous.id });
    }
    return { deliveryId: previous.id, status: 'duplicate' };
  }
}
