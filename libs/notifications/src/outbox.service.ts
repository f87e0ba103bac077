import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import { SmsSender } from '@tiaojie/auth';
import { NotificationRepository } from './notification.repository';
import { OUTBOX_DELIVER_JOB } from './notification.service';

export const OUTBOX_MAX_ATTEMPTS = 5;

export class DeliveryRetry extends Error {}

/** Delivers outbox rows: at most once per row (row lock), retried by the queue, dead-lettered after the last attempt. */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly repo: NotificationRepository,
    private readonly db: DbService,
    private readonly sms: SmsSender,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Throws DeliveryRetry when the send failed and another attempt is due (the queue retries with backoff). */
  async deliver(outboxId: string): Promise<'sent' | 'dead' | 'skipped'> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.repo.lockPending(tx, outboxId);
      if (!row) return { result: 'skipped' as const };
      const attempts = row.attempts + 1;
      try {
        await this.sms.send(row.recipient, row.body);
        await this.repo.updateOutbox(tx, row.id, { status: 'sent', attempts, sentAt: this.clock.now(), lastError: null });
        return { result: 'sent' as const };
      } catch (err) {
        const dead = attempts >= OUTBOX_MAX_ATTEMPTS;
        await this.repo.updateOutbox(tx, row.id, { status: dead ? 'dead' : 'pending', attempts, lastError: String((err as Error)?.message ?? err) });
        return { result: dead ? ('dead' as const) : ('retry' as const), error: err };
      }
    });
    if (outcome.result === 'retry') throw new DeliveryRetry(`outbox ${outboxId}: ${(outcome as any).error?.message}`);
    if (outcome.result === 'dead') this.logger.warn(`outbox ${outboxId} dead-lettered after ${OUTBOX_MAX_ATTEMPTS} attempts`);
    return outcome.result;
  }

  deadLetters(limit = 100) {
    return this.repo.byStatus(this.db.db, 'dead', limit);
  }

  /** Puts a dead row back in the queue (district admin action). */
  async retry(outboxId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await this.repo.byStatus(tx, 'dead', 1000);
      if (!rows.some((r) => r.id === outboxId)) throw DomainError.notFound('dead letter', outboxId);
      await this.repo.updateOutbox(tx, outboxId, { status: 'pending', attempts: 0 });
      await this.queue.send(OUTBOX_DELIVER_JOB, { outboxId }, { tx });
    });
  }
}
