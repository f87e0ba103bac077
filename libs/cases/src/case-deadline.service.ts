import { Injectable } from '@nestjs/common';
import { Clock, formatShanghai } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { reminderTimes } from '@tiaojie/deadlines';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationService } from '@tiaojie/notifications';
import { CaseRepository, DisputeRow } from './case.repository';

export const DEADLINE_REMIND_JOB = 'deadline.remind';
export const DEADLINE_OVERDUE_JOB = 'deadline.overdue';
export const DEADLINE_JOBS = [DEADLINE_REMIND_JOB, DEADLINE_OVERDUE_JOB] as const;

/** States in which the mediation clock runs. */
const CLOCK_RUNNING = ['accepted', 'in_mediation', 'agreement_pending'];
const ESCALATE_TO_DISTRICT_AFTER_MS = 3 * 86_400_000;

export interface ReminderJob { disputeId: string; dueAt: string; offsetDays: number }
export interface OverdueJob { disputeId: string; dueAt: string; level: 1 | 2 }

/**
 * Mediation time limits: timers are enqueued in the transaction that sets the deadline; handlers re-check
 * the case and write notifications under a dedupe key, so a timer that fires twice notifies once.
 */
@Injectable()
export class CaseDeadlineService {
  reminderOffsetsDays: number[] = [3, 1];

  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  async schedule(tx: Executor, dispute: DisputeRow): Promise<void> {
    if (!dispute.dueAt) return;
    const dueAt = dispute.dueAt;
    const now = this.clock.now();
    const due = dueAt.toISOString();
    const times = reminderTimes(dueAt, this.reminderOffsetsDays, now);
    for (const [i, at] of times.entries()) {
      const offsetDays = this.reminderOffsetsDays.filter((d) => reminderTimes(dueAt, [d], now).length > 0)[i];
      await this.queue.send<ReminderJob>(DEADLINE_REMIND_JOB, { disputeId: dispute.id, dueAt: due, offsetDays }, { tx, startAfter: at, singletonKey: `remind:${dispute.id}:${due}:${offsetDays}` });
    }
    await this.queue.send<OverdueJob>(DEADLINE_OVERDUE_JOB, { disputeId: dispute.id, dueAt: due, level: 1 }, { tx, startAfter: new Date(dueAt.getTime() + 1000), singletonKey: `overdue:${dispute.id}:${due}:1` });
    await this.queue.send<OverdueJob>(DEADLINE_OVERDUE_JOB, { disputeId: dispute.id, dueAt: due, level: 2 }, { tx, startAfter: new Date(dueAt.getTime() + ESCALATE_TO_DISTRICT_AFTER_MS), singletonKey: `overdue:${dispute.id}:${due}:2` });
  }

  async handleReminder(job: ReminderJob): Promise<boolean> {
    return this.notifyIfStillDue(job.disputeId, job.dueAt, async (tx, d) => {
      const to = d.mediatorId ? [d.mediatorId] : (await this.notifications.staffOf(tx, d.bodyId!, ['body_admin', 'mediator'])).map((u) => u.id);
      return this.notifications.notify(tx, {
        userIds: to, kind: 'deadline.reminder', disputeId: d.id, sms: true, dedupeKey: `remind:${d.id}:${job.dueAt}:${job.offsetDays}`,
        title: `调解期限提醒（${d.number}）`, body: `案件“${d.title}”将于 ${formatShanghai(d.dueAt!)} 到期，剩余约 ${job.offsetDays} 天。`,
      });
    });
  }

  async handleOverdue(job: OverdueJob): Promise<boolean> {
    return this.notifyIfStillDue(job.disputeId, job.dueAt, async (tx, d) => {
      const to = job.level === 1
        ? (await this.notifications.staffOf(tx, d.bodyId!, ['body_admin'])).map((u) => u.id).concat(d.mediatorId ? [d.mediatorId] : [])
        : (await this.notifications.usersWithRole(tx, 'district_admin')).map((u) => u.id);
      return this.notifications.notify(tx, {
        userIds: to, kind: job.level === 1 ? 'deadline.overdue' : 'deadline.escalated', disputeId: d.id, sms: true, dedupeKey: `overdue:${d.id}:${job.dueAt}:${job.level}`,
        title: job.level === 1 ? `案件已超期（${d.number}）` : `超期案件升级督办（${d.number}）`,
        body: `案件“${d.title}”的调解期限已于 ${formatShanghai(d.dueAt!)} 届满，尚未办结。`,
      });
    });
  }

  private async notifyIfStillDue(disputeId: string, dueAt: string, send: (tx: Executor, d: DisputeRow) => Promise<Awaited<ReturnType<NotificationService['notify']>>>): Promise<boolean> {
    const events = await this.db.transaction(async (tx) => {
      const d = await this.cases.byId(tx, disputeId);
      if (!d || !d.bodyId || !CLOCK_RUNNING.includes(d.status) || d.dueAt?.toISOString() !== dueAt) return null;
      return send(tx, d);
    });
    if (!events) return false;
    this.notifications.publish(events);
    return events.length > 0;
  }
}
