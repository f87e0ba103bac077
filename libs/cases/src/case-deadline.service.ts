import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CalendarService,
  DEADLINE_SETTINGS,
  DEFAULT_DEADLINE_SETTINGS,
  type DeadlineSettings,
} from '@tiaojie/calendar';
import { Clock, formatShanghai, RealtimeEvent } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { type DeadlineResult, reminderTimes } from '@tiaojie/deadlines';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationService } from '@tiaojie/notifications';
import { caseDueAt, type CaseDueOptions, type CaseRegime } from './case-deadline';
import { CaseRepository, DisputeRow } from './case.repository';

export const DEADLINE_REMIND_JOB = 'deadline.remind';
export const DEADLINE_OVERDUE_JOB = 'deadline.overdue';
export const DEADLINE_JOBS = [DEADLINE_REMIND_JOB, DEADLINE_OVERDUE_JOB] as const;

/** The first overdue notice goes out this long after the deadline instant (absorbs clock skew between app servers). */
const OVERDUE_GRACE_MS = 60_000;

/** A case's fixed offset (whole seconds) within the reminder spread window, from a hash of its id. */
export function spreadOffsetMs(disputeId: string, spreadMinutes: number): number {
  if (spreadMinutes <= 0) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < disputeId.length; i++) h = Math.imul(h ^ disputeId.charCodeAt(i), 0x01000193) >>> 0;
  return (h % (spreadMinutes * 60)) * 1000;
}

export interface ReminderJob {
  disputeId: string;
  dueAt: string;
  offsetDays: number;
}
export interface OverdueJob {
  disputeId: string;
  dueAt: string;
  level: 1 | 2;
}

/** One timer of a case's deadline, as schedule() enqueues it. */
export interface PlannedTimer {
  queue: typeof DEADLINE_REMIND_JOB | typeof DEADLINE_OVERDUE_JOB;
  at: Date;
  key: string;
  data: ReminderJob | OverdueJob;
}

/**
 * Case time limits: due dates on the admin-maintained calendar, and timers enqueued in the transaction
 * that sets the deadline. Timer ids derive from (case, dueAt, kind), so scheduling twice enqueues once;
 * handlers re-check the case and write notifications under a dedupe key, so a timer that fires twice
 * (a retry after a crash) notifies once.
 */
@Injectable()
export class CaseDeadlineService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Optional() private readonly calendars?: CalendarService,
    @Optional()
    @Inject(DEADLINE_SETTINGS)
    private readonly settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
  ) {}

  /** Reminder offsets in days before the due date (DEADLINE_REMINDER_DAYS). */
  get reminderOffsetsDays(): readonly number[] {
    return this.settings.reminderOffsetsDays;
  }

  /**
   * caseDueAt on the current calendar (bundled years + admin years). Warnings about uncovered years are in
   * the result and feed the admin's coverage view. Inside a transaction pass it as `tx` (PGlite has one connection).
   */
  async dueAt(
    regime: CaseRegime | (string & {}),
    start: Date,
    opts: Omit<CaseDueOptions, 'calendar'> = {},
    tx?: Executor,
  ): Promise<DeadlineResult> {
    const calendar = this.calendars ? await this.calendars.calendar(tx) : undefined;
    const result = caseDueAt(regime, start, { ...opts, calendar });
    this.calendars?.noteWarnings(result.warnings);
    return result;
  }

  /**
   * The timers of a deadline that are still ahead of `now`: reminders (09:00 Asia/Shanghai plus this case's
   * fixed place in the spread window), the overdue notice, the escalation.
   */
  plan(disputeId: string, dueAt: Date, now: Date = this.clock.now()): PlannedTimer[] {
    const due = dueAt.toISOString();
    const timers: PlannedTimer[] = [];
    const spreadMs = spreadOffsetMs(disputeId, this.settings.reminderSpreadMinutes);
    for (const offsetDays of new Set(this.settings.reminderOffsetsDays)) {
      for (const base of reminderTimes(dueAt, [offsetDays], now)) {
        const at = new Date(Math.min(base.getTime() + spreadMs, dueAt.getTime()));
        timers.push({
          queue: DEADLINE_REMIND_JOB,
          at,
          key: `remind:${disputeId}:${due}:${offsetDays}`,
          data: { disputeId, dueAt: due, offsetDays },
        });
      }
    }
    const levels: [1 | 2, number][] = [
      [1, OVERDUE_GRACE_MS],
      [2, this.settings.escalateAfterHours * 3_600_000],
    ];
    for (const [level, after] of levels) {
      timers.push({
        queue: DEADLINE_OVERDUE_JOB,
        at: new Date(dueAt.getTime() + after),
        key: `overdue:${disputeId}:${due}:${level}`,
        data: { disputeId, dueAt: due, level },
      });
    }
    return timers.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /**
   * The one place a deadline gets its timers: every path that creates a case or changes one (intake, transitions,
   * extensions, acceptance) calls it with the case before (null: created now) and after, inside its transaction.
   * A new or changed due date, or a case entering a state in which its clock runs on an existing due date (a
   * referral accepted, perhaps already overdue, or a case written before its timers existed), gets its timers; job
   * ids are stable, so timers that exist stay as they are.
   */
  async onCaseWritten(
    tx: Executor,
    before: Pick<DisputeRow, 'dueAt' | 'status'> | null,
    after: DisputeRow,
  ): Promise<void> {
    if (!after.dueAt) return;
    const changed = !before || before.dueAt?.getTime() !== after.dueAt.getTime();
    const running = this.settings.clockRunningStates;
    const entered = before !== null && before.status !== after.status && running.includes(after.status);
    if (changed || entered) await this.schedule(tx, after);
  }

  /** Enqueues the deadline's timers inside the caller's transaction (they exist only if it commits). */
  async schedule(tx: Executor, dispute: DisputeRow): Promise<void> {
    if (!dispute.dueAt) return;
    for (const t of this.plan(dispute.id, dispute.dueAt)) {
      await this.queue.send(t.queue, t.data, { tx, startAfter: t.at, singletonKey: t.key });
    }
  }

  async handleReminder(job: ReminderJob): Promise<boolean> {
    return this.notifyIfStillDue(job.disputeId, job.dueAt, async (tx, d) => {
      const to = d.mediatorId
        ? [d.mediatorId]
        : (await this.notifications.staffOf(tx, d.bodyId!, ['body_admin', 'mediator'])).map((u) => u.id);
      return this.notifications.notify(tx, {
        userIds: to,
        kind: 'deadline.reminder',
        disputeId: d.id,
        sms: true,
        dedupeKey: `remind:${d.id}:${job.dueAt}:${job.offsetDays}`,
        title: `调解期限提醒（${d.number}）`,
        body: `案件“${d.title}”将于 ${formatShanghai(d.dueAt!)} 到期，剩余约 ${job.offsetDays} 天。`,
      });
    });
  }

  /** Level 1: the body admin and the mediator; level 2 (escalateAfterHours later, still open): the district admins. */
  async handleOverdue(job: OverdueJob): Promise<boolean> {
    return this.notifyIfStillDue(job.disputeId, job.dueAt, async (tx, d) => {
      const to =
        job.level === 1
          ? (await this.notifications.staffOf(tx, d.bodyId!, ['body_admin']))
              .map((u) => u.id)
              .concat(d.mediatorId ? [d.mediatorId] : [])
          : (await this.notifications.usersWithRole(tx, 'district_admin')).map((u) => u.id);
      return this.notifications.notify(tx, {
        userIds: to,
        kind: job.level === 1 ? 'deadline.overdue' : 'deadline.escalated',
        disputeId: d.id,
        sms: true,
        dedupeKey: `overdue:${d.id}:${job.dueAt}:${job.level}`,
        title: job.level === 1 ? `案件已超期（${d.number}）` : `超期案件升级督办（${d.number}）`,
        body: `案件“${d.title}”的调解期限已于 ${formatShanghai(d.dueAt!)} 届满，尚未办结。`,
      });
    });
  }

  /** Runs `send` only while the case is still on the same deadline with its clock running (a changed or stopped deadline drops the timer). */
  private async notifyIfStillDue(
    disputeId: string,
    dueAt: string,
    send: (tx: Executor, d: DisputeRow) => Promise<RealtimeEvent[]>,
  ): Promise<boolean> {
    const events = await this.db.transaction(async (tx) => {
      const d = await this.cases.byId(tx, disputeId);
      if (
        !d ||
        !d.bodyId ||
        !this.settings.clockRunningStates.includes(d.status) ||
        d.dueAt?.toISOString() !== dueAt
      )
        return null;
      return send(tx, d);
    });
    if (!events) return false;
    this.notifications.publish(events);
    return events.length > 0;
  }
}
