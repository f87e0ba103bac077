import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { SmsSender } from '@tiaojie/auth';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { maskPhone } from '@tiaojie/personal-data';
import { DbService } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationRepository, OutboxRow } from './notification.repository';
import { OUTBOX_DELIVER_JOB, OUTBOX_JOB_EXPIRE_SECONDS } from './notification.service';
import { OUTBOX_SMS_SENDER } from './sms-delivery.module';
import {
  DEFAULT_SMS_DELIVERY_SETTINGS,
  SMS_DELIVERY_SETTINGS,
  type SmsDeliverySettings,
} from './sms-delivery.settings';

export const OUTBOX_MAX_ATTEMPTS = DEFAULT_SMS_DELIVERY_SETTINGS.maxAttempts;
const MAX_RETRY_DELAY_S = 3600;

export interface OutboxItemView {
  id: string;
  channel: string;
  recipient: string | null;
  body: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

function outboxView(r: OutboxRow): OutboxItemView {
  return {
    id: r.id,
    channel: r.channel,
    recipient: maskPhone(r.recipient),
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/**
 * Delivers outbox rows. Each attempt claims the row (pending → sending) in a short transaction, sends with
 * no transaction open (a slow provider never blocks the database), then records the outcome; a failed
 * attempt schedules the next one (doubling delay) until the last, which dead-letters the row.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private readonly sender: SmsSender;
  private readonly settings: SmsDeliverySettings;

  constructor(
    private readonly repo: NotificationRepository,
    private readonly db: DbService,
    sms: SmsSender,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Optional() @Inject(OUTBOX_SMS_SENDER) override?: SmsSender | null,
    @Optional() @Inject(SMS_DELIVERY_SETTINGS) settings?: SmsDeliverySettings,
  ) {
    this.sender = override ?? sms;
    this.settings = settings ?? DEFAULT_SMS_DELIVERY_SETTINGS;
  }

  /** Seconds before attempt n + 1 after n failed attempts. */
  retryDelaySeconds(failedAttempts: number): number {
    return Math.min(
      this.settings.retryDelaySeconds * 2 ** Math.max(0, failedAttempts - 1),
      MAX_RETRY_DELAY_S,
    );
  }

  async deliver(outboxId: string): Promise<'sent' | 'retry' | 'dead' | 'skipped'> {
    const row = await this.db.transaction((tx) => this.repo.claim(tx, outboxId));
    if (!row) return 'skipped';
    let error: string | null = null;
    try {
      await this.sender.send(row.recipient, row.body, { idempotencyKey: row.id });
    } catch (err) {
      error = String((err as Error)?.message ?? err).slice(0, 500);
    }
    if (error === null) {
      await this.repo.finish(this.db.db, row.id, {
        status: 'sent',
        sentAt: this.clock.now(),
        lastError: null,
      });
      return 'sent';
    }
    const dead = row.attempts >= this.settings.maxAttempts;
    await this.db.transaction(async (tx) => {
      if (!(await this.repo.finish(tx, row.id, { status: dead ? 'dead' : 'pending', lastError: error })))
        return;
      if (dead) return;
      const startAfter = new Date(this.clock.now().getTime() + this.retryDelaySeconds(row.attempts) * 1000);
      await this.queue.send(
        OUTBOX_DELIVER_JOB,
        { outboxId: row.id },
        {
          tx,
          startAfter,
          singletonKey: `${row.id}:attempt:${row.attempts + 1}`,
          expireInSeconds: OUTBOX_JOB_EXPIRE_SECONDS,
        },
      );
    });
    if (dead) this.logger.warn(`outbox ${row.id} dead-lettered after ${row.attempts} attempts: ${error}`);
    return dead ? 'dead' : 'retry';
  }

  async deadLetters(actor: Actor, limit = 100): Promise<OutboxItemView[]> {
    this.assertDistrictAdmin(actor);
    return (await this.repo.byStatus(this.db.db, 'dead', Math.min(Math.max(limit, 1), 500))).map(outboxView);
  }

  /** Puts a dead letter back in the queue with fresh attempts (district admin), audited; a second retry of the same letter is a 409. */
  async retry(actor: Actor, outboxId: string): Promise<OutboxItemView> {
    this.assertDistrictAdmin(actor);
    const row = await this.db.transaction(async (tx) => {
      const revived = await this.repo.revive(tx, outboxId);
      if (!revived) {
        if (await this.repo.outboxById(tx, outboxId))
          throw new DomainError(ErrorCode.CONFLICT, '该消息不在死信队列中', {
            status: 'not_dead',
          });
        throw DomainError.notFound('dead letter', outboxId);
      }
      await this.queue.send(
        OUTBOX_DELIVER_JOB,
        { outboxId },
        { tx, expireInSeconds: OUTBOX_JOB_EXPIRE_SECONDS },
      );
      await this.audit.record(tx, actor, {
        action: 'outbox.retried',
        entityType: 'outbox',
        entityId: outboxId,
        data: { channel: revived.channel, lastError: revived.lastError },
      });
      return revived;
    });
    return outboxView(row);
  }

  private assertDistrictAdmin(actor: Actor): void {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('只有区管理员可以处理死信');
  }
}
