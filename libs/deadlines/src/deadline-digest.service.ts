import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '@tiaojie/core';
import {
  formatShanghai,
  addCalendarDays,
  endOfBusinessDay,
  shanghaiInstant,
  toBusinessDate,
} from '@tiaojie/business-time';
import { DbService } from '@tiaojie/db';
import { remaining } from './core/deadline-reminders';
import { JobQueue } from '@tiaojie/jobs';
import { NotificationService } from '@tiaojie/notifications';
import { DeadlineDigestRepository, DigestCase } from './deadline-digest.repository';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadline-settings';

export const DIGEST_TICK_JOB = 'deadline.digest';
export const DIGEST_BODY_JOB = 'deadline.digest.body';
export const DIGEST_JOBS = [DIGEST_TICK_JOB, DIGEST_BODY_JOB] as const;

export interface DigestTickJob {
  date: string;
}
export interface DigestBodyJob {
  bodyId: string;
  date: string;
}

const MAX_CASES = 200;
const MAX_LINES = 20;

/**
 * The daily digest per body: a self-rescheduling tick job per day (deterministic job id per date) fans out
 * one job per body (id per body per date); each writes one inbox notification to the body's admins under
 * the dedupe key digest:<body>:<date>, so restarts and repeated ticks never send a second digest.
 */
@Injectable()
export class DeadlineDigestService {
  private readonly logger = new Logger('DeadlineDigest');

  constructor(
    private readonly repo: DeadlineDigestRepository,
    private readonly db: DbService,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Optional()
    @Inject(DEADLINE_SETTINGS)
    private readonly settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
  ) {}

  /** The instant of a date's digest (digestHour Asia/Shanghai). */
  digestAt(date: string): Date {
    return shanghaiInstant(date, this.settings.digestHour);
  }

  /** Called when a worker starts: makes sure today's tick exists (a no-op when it is already stored). */
  async ensureScheduled(): Promise<void> {
    const today = toBusinessDate(this.clock.now());
    await this.queue.send<DigestTickJob>(
      DIGEST_TICK_JOB,
      { date: today },
      { startAfter: this.digestAt(today), singletonKey: `tick:${today}` },
    );
  }

  /** Fans out one job per body with deadlines to report, and schedules the next day's tick, in one transaction. */
  async handleTick(job: DigestTickJob): Promise<number> {
    const until = endOfBusinessDay(addCalendarDays(job.date, this.settings.digestDueSoonDays));
    const next = addCalendarDays(job.date, 1);
    return this.db.transaction(async (tx) => {
      const bodies = await this.repo.bodiesWithDeadlines(tx, this.settings.clockRunningStates, until);
      for (const bodyId of bodies) {
        await this.queue.send<DigestBodyJob>(
          DIGEST_BODY_JOB,
          { bodyId, date: job.date },
          { tx, singletonKey: `${bodyId}:${job.date}` },
        );
      }
      await this.queue.send<DigestTickJob>(
        DIGEST_TICK_JOB,
        { date: next },
        { tx, startAfter: this.digestAt(next), singletonKey: `tick:${next}` },
      );
      return bodies.length;
    });
  }

  /** Writes the body's digest for the date (once); false when there is nothing to report or nobody to tell. */
  async handleBody(job: DigestBodyJob): Promise<boolean> {
    const until = endOfBusinessDay(addCalendarDays(job.date, this.settings.digestDueSoonDays));
    const events = await this.db.transaction(async (tx) => {
      const cases = await this.repo.casesDueBy(
        tx,
        job.bodyId,
        this.settings.clockRunningStates,
        until,
        MAX_CASES,
      );
      if (cases.length === 0) return [];
      const admins = (await this.notifications.staffOf(tx, job.bodyId, ['body_admin'])).map((u) => u.id);
      if (admins.length === 0) {
        this.logger.warn(`body ${job.bodyId} has no active body admin for the ${job.date} digest`);
        return [];
      }
      const now = this.clock.now();
      const overdue = cases.filter((c) => c.dueAt.getTime() < now.getTime());
      const dueSoon = cases.filter((c) => c.dueAt.getTime() >= now.getTime());
      return this.notifications.notify(tx, {
        userIds: admins,
        kind: 'deadline.digest',
        dedupeKey: `digest:${job.bodyId}:${job.date}`,
        title: `期限日报（${job.date}）：已超期 ${overdue.length} 件，${this.settings.digestDueSoonDays} 日内到期 ${dueSoon.length} 件`,
        body: [
          section('已超期', overdue, now),
          section(`${this.settings.digestDueSoonDays} 日内到期`, dueSoon, now),
        ]
          .filter(Boolean)
          .join('\n'),
      });
    });
    this.notifications.publish(events);
    return events.length > 0;
  }
}

function section(label: string, cases: DigestCase[], now: Date): string {
  if (cases.length === 0) return '';
  const lines = cases
    .slice(0, MAX_LINES)
    .map(
      (c) => `· ${c.number} ${c.title}（期限 ${formatShanghai(c.dueAt)}，${remaining(c.dueAt, now).label}）`,
    );
  const more = cases.length > MAX_LINES ? [`…… 另有 ${cases.length - MAX_LINES} 件`] : [];
  return [`${label} ${cases.length} 件：`, ...lines, ...more].join('\n');
}
