import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  Actor,
  AppConfig,
  Clock,
  DomainError,
  RealtimeEvent,
  RealtimePublisher,
  channels,
} from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationRepository, NotificationRow } from './notification.repository';

export const OUTBOX_DELIVER_JOB = 'outbox.deliver';
/**
 * An SMS attempt lasts at most the provider timeout (SMS_HTTP_TIMEOUT_MS ≤ 20 s) and a poll's attempts run side by
 * side: a job held longer belongs to a dead worker, and is redone by another within a minute.
 */
export const OUTBOX_JOB_EXPIRE_SECONDS = 30;

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  disputeId?: string | null;
  /** A call invitation's session (the inbox entry opens the call). */
  sessionId?: string | null;
  /** Same key for the same user = the same notification (handlers may run twice). */
  dedupeKey: string;
  /** Also text the recipients' phones through the outbox. */
  sms?: boolean;
  /** Phones without an account (parties who never signed in): texted only, no inbox. */
  phones?: string[];
}

export function notificationView(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    disputeId: n.disputeId,
    sessionId: n.sessionId,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** In-app inbox with live push, SMS through the outbox; all written inside the caller's transaction. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly db: DbService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The SMS text: the notice, then (when PUBLIC_URL is set) the page of the case, which opens after sign-in. */
  private smsBody(input: NotifyInput, staff: boolean): string {
    const base = this.config.publicUrl;
    const link =
      base && input.disputeId ? ` 查看：${base}/#/${staff ? 'work' : 'cases'}/${input.disputeId}` : '';
    return `【调解平台】${input.title}：${input.body}${link}`;
  }

  /** Returns the live events to publish after commit. */
  async notify(tx: Executor, input: NotifyInput): Promise<RealtimeEvent[]> {
    const userIds = [...new Set(input.userIds)];
    const now = this.clock.now();
    const inserted = await this.repo.insertInbox(
      tx,
      userIds.map((userId) => ({
        userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        disputeId: input.disputeId ?? null,
        sessionId: input.sessionId ?? null,
        dedupeKey: input.dedupeKey,
        createdAt: now,
      })),
    );
    const texts: { recipient: string; dedupeKey: string; staff: boolean }[] = [];
    if (input.sms && inserted.length > 0) {
      const users = await this.repo.usersByIds(
        tx,
        inserted.map((n) => n.userId),
      );
      for (const u of users)
        if (u.phone)
          texts.push({
            recipient: u.phone,
            dedupeKey: `${input.dedupeKey}:${u.id}:sms`,
            staff: u.role !== 'party',
          });
    }
    for (const phone of new Set(input.phones ?? []))
      if (!texts.some((t) => t.recipient === phone))
        texts.push({ recipient: phone, dedupeKey: `${input.dedupeKey}:${phone}:sms`, staff: false });
    if (texts.length > 0) {
      const rows = await this.repo.insertOutbox(
        tx,
        texts.map((t) => ({
          channel: 'sms',
          recipient: t.recipient,
          body: this.smsBody(input, t.staff),
          dedupeKey: t.dedupeKey,
          createdAt: now,
        })),
      );
      for (const row of rows)
        await this.queue.send(
          OUTBOX_DELIVER_JOB,
          { outboxId: row.id },
          { tx, singletonKey: row.id, expireInSeconds: OUTBOX_JOB_EXPIRE_SECONDS },
        );
    }
    return inserted.map((n) => ({
      channel: channels.user(n.userId),
      event: 'notification:new',
      payload: notificationView(n),
    }));
  }

  publish(events: RealtimeEvent[]): void {
    this.publisher.publish(events);
  }

  /** The actor's own inbox, newest first, with the unread count. */
  async inbox(actor: Actor, opts: { limit?: number; unreadOnly?: boolean; before?: Date } = {}) {
    const userId = this.requireUser(actor);
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
    const rows = await this.repo.inbox(this.db.db, userId, {
      limit,
      unreadOnly: opts.unreadOnly,
      before: opts.before,
    });
    return { items: rows.map(notificationView), unread: await this.repo.unreadCount(this.db.db, userId) };
  }

  /** Marks one of the actor's notifications read (idempotent); someone else's is answered as not found. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.repo.markRead(this.db.db, this.requireUser(actor), id, this.clock.now())))
      throw DomainError.notFound('notification', id);
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(this.db.db, this.requireUser(actor), this.clock.now()) };
  }

  private requireUser(actor: Actor): string {
    if (!actor.id) throw DomainError.forbidden('该账号没有消息通知');
    return actor.id;
  }

  staffOf(tx: Executor, orgId: string, roles: string[]) {
    return this.repo.staffOf(tx, orgId, roles);
  }

  usersWithRole(tx: Executor, role: string) {
    return this.repo.usersWithRole(tx, role);
  }
}
