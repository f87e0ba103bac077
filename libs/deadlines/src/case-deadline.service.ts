import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock, RealtimeEvent } from '@tiaojie/core';
import { formatShanghai } from '@tiaojie/business-time';
import { DbService, Executor } from '@tiaojie/db';
import { CalendarService } from './calendar.service';
import { caseDueAt, confirmationDueAt, type CaseDueOptions, type CaseRegime } from './case-deadline';
import { type DeadlineResult } from './core/compute-deadline';
import { reminderTimes } from './core/deadline-reminders';
import { DeadlineCaseRepository, type DeadlineCaseRow } from './deadline-case.repository';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadline-settings';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationService } from '@tiaojie/notifications';

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

/** Which period a timer is for: the case's mediation limit (default), or the judicial-confirmation window. */
export type TimerClock = 'mediation' | 'judicial_confirmation';

export interface ReminderJob {
  disputeId: string;
  dueAt: string;
  offsetDays: number;
  clock?: TimerClock;
}
export interface OverdueJob {
  disputeId: string;
  dueAt: string;
  level: 1 | 2;
  clock?: TimerClock;
}

/** States from which the parties may still apply for judicial confirmation (case-lifecycle: request_confirmation). */
const CONFIRMABLE_STATES = ['agreement', 'breached'];

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
    private readonly cases: DeadlineCaseRepository,
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
  plan(
    disputeId: string,
    dueAt: Date,
    now: Date = this.clock.now(),
    clock: TimerClock = 'mediation',
  ): PlannedTimer[] {
    const due = dueAt.toISOString();
    // the confirmation window's timers have their own ids and carry their clock; mediation timers keep theirs
    const prefix = clock === 'mediation' ? '' : 'confirm-';
    const tag = clock === 'mediation' ? {} : { clock };
    const timers: PlannedTimer[] = [];
    const spreadMs = spreadOffsetMs(disputeId, this.settings.reminderSpreadMinutes);
    for (const offsetDays of new Set(this.settings.reminderOffsetsDays)) {
      for (const base of reminderTimes(dueAt, [offsetDays], now)) {
        const at = new Date(Math.min(base.getTime() + spreadMs, dueAt.getTime()));
        timers.push({
          queue: DEADLINE_REMIND_JOB,
          at,
          key: `${prefix}remind:${disputeId}:${due}:${offsetDays}`,
          data: { disputeId, dueAt: due, offsetDays, ...tag },
        });
      }
    }
    // a window that closes is told once (level 1); only the mediation limit escalates to the district
    const levels: [1 | 2, number][] = [
      [1, OVERDUE_GRACE_MS],
      [2, this.settings.escalateAfterHours * 3_600_000],
    ];
    for (const [level, after] of clock === 'mediation' ? levels : levels.slice(0, 1)) {
      timers.push({
        queue: DEADLINE_OVERDUE_JOB,
        at: new Date(dueAt.getTime() + after),
        key: `${prefix}overdue:${disputeId}:${due}:${level}`,
        data: { disputeId, dueAt: due, level, ...tag },
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
    before: Pick<DeadlineCaseRow, 'dueAt' | 'status'> | null,
    after: DeadlineCaseRow,
  ): Promise<void> {
    if (after.status === 'agreement' && before?.status !== 'agreement')
      await this.scheduleConfirmationWindow(tx, after);
    if (!after.dueAt) return;
    const changed = !before || before.dueAt?.getTime() !== after.dueAt.getTime();
    const running = this.settings.clockRunningStates;
    const entered = before !== null && before.status !== after.status && running.includes(after.status);
    if (changed || entered) await this.schedule(tx, after);
  }

  /** The judicial-confirmation window opens when the agreement takes effect (30 days, 人民调解法 art. 33). */
  private async scheduleConfirmationWindow(tx: Executor, after: DeadlineCaseRow): Promise<void> {
    const due = confirmationDueAt(after.updatedAt);
    for (const t of this.plan(after.id, due, this.clock.now(), 'judicial_confirmation'))
      await this.queue.send(t.queue, t.data, { tx, startAfter: t.at, singletonKey: t.key });
  }

  /** Enqueues the deadline's timers inside the caller's transaction (they exist only if it commits). */
  async schedule(tx: Executor, dispute: DeadlineCaseRow): Promise<void> {
    if (!dispute.dueAt) return;
    for (const t of this.plan(dispute.id, dispute.dueAt)) {
      await this.queue.send(t.queue, t.data, { tx, startAfter: t.at, singletonKey: t.key });
    }
  }

  async handleReminder(job: ReminderJob): Promise<boolean> {
    if (job.clock === 'judicial_confirmation') return this.notifyConfirmationWindow(job, null);
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
    if (job.clock === 'judicial_confirmation') return this.notifyConfirmationWindow(job, job.level);
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

  /**
   * The confirmation window's reminder (the parties, who must apply jointly, and the mediator) or its closing
   * (the mediator and the body admins), while the parties may still apply on the same agreement.
   */
  private async notifyConfirmationWindow(
    job: { disputeId: string; dueAt: string; offsetDays?: number },
    level: 1 | 2 | null,
  ): Promise<boolean> {
    const events = await this.db.transaction(async (tx) => {
      const d = await this.cases.byId(tx, job.disputeId);
      const signedAt = d && (await this.cases.agreementSignedAt(tx, d.id));
      if (
        !d ||
        !d.bodyId ||
        !CONFIRMABLE_STATES.includes(d.status) ||
        !signedAt ||
        confirmationDueAt(signedAt).toISOString() !== job.dueAt
      )
        return null;
      const due = formatShanghai(new Date(job.dueAt), false);
      const mediator = d.mediatorId ? [d.mediatorId] : [];
      if (level === null) {
        const parties = await this.cases.partyUserIds(tx, d.id);
        return this.notifications.notify(tx, {
          userIds: [...new Set([...parties, ...mediator])],
          kind: 'deadline.confirmation_reminder',
          disputeId: d.id,
          sms: true,
          dedupeKey: `confirm-remind:${d.id}:${job.dueAt}:${job.offsetDays}`,
          title: `司法确认申请期限提醒（${d.number}）`,
          body: `案件“${d.title}”的调解协议已生效，如需申请司法确认，请各方当事人于 ${due} 前共同提出申请。`,
        });
      }
      const admins = (await this.notifications.staffOf(tx, d.bodyId, ['body_admin'])).map((u) => u.id);
      return this.notifications.notify(tx, {
        userIds: [...new Set([...admins, ...mediator])],
        kind: 'deadline.confirmation_closed',
        disputeId: d.id,
        sms: false,
        dedupeKey: `confirm-overdue:${d.id}:${job.dueAt}:${level}`,
        title: `司法确认申请期限已届满（${d.number}）`,
        body: `案件“${d.title}”的司法确认申请期限已于 ${due} 届满，当事人未申请司法确认。`,
      });
    });
    if (!events) return false;
    this.notifications.publish(events);
    return events.length > 0;
  }

  /** Runs `send` only while the case is still on the same deadline with its clock running (a changed or stopped deadline drops the timer). */
  private async notifyIfStillDue(
    disputeId: string,
    dueAt: string,
    send: (tx: Executor, d: DeadlineCaseRow) => Promise<RealtimeEvent[]>,
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
