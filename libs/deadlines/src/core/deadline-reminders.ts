/** Reminder instants and countdowns for a deadline instant (pure; `now` is always passed in). */

import { addCalendarDays, DAY_MS, instantMs, shanghaiInstant, toBusinessDate } from '@tiaojie/business-time';

export const DEFAULT_REMINDER_OFFSETS_DAYS: readonly number[] = Object.freeze([3, 1]);
/** Reminders go out at this Shanghai hour. */
export const REMINDER_HOUR = 9;

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * For each offset k: 09:00 Asia/Shanghai on the calendar day k days before dueAt's business date.
 * Sorted, without duplicates; reminders after dueAt, or before `now` when given, are left out.
 */
export function reminderTimes(
  dueAt: Date,
  offsetsDays: readonly number[] = DEFAULT_REMINDER_OFFSETS_DAYS,
  now?: Date,
): Date[] {
  const due = instantMs(dueAt, 'dueAt');
  const nowMs = now === undefined ? undefined : instantMs(now, 'now');
  const dueDate = toBusinessDate(dueAt);
  const times = new Set<number>();
  for (const k of offsetsDays) {
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError(`reminder offset must be a whole number of days ≥ 0, got ${k}`);
    const t = shanghaiInstant(addCalendarDays(dueDate, -k), REMINDER_HOUR).getTime();
    if (t <= due && (nowMs === undefined || t >= nowMs)) times.add(t);
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

/** True once `now` is later than dueAt (a reply stamped exactly at dueAt is on time). */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return instantMs(now, 'now') > instantMs(dueAt, 'dueAt');
}

export interface Remaining {
  overdue: boolean;
  /** dueAt − now in milliseconds; negative once overdue. */
  totalMs: number;
  /** Whole days / hours / minutes of |totalMs| (hours and minutes are what is left after the larger unit). */
  days: number;
  hours: number;
  minutes: number;
  /** Countdown text: '剩余 3 天', '剩余 5 小时', '剩余 20 分钟', '已超期 2 天'. */
  label: string;
}

/** Time left until dueAt, for a countdown. */
export function remaining(dueAt: Date, now: Date): Remaining {
  const totalMs = instantMs(dueAt, 'dueAt') - instantMs(now, 'now');
  const overdue = totalMs < 0;
  const abs = Math.abs(totalMs);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / MINUTE_MS);
  const prefix = overdue ? '已超期' : '剩余';
  let label: string;
  if (days > 0) label = `${prefix} ${days} 天`;
  else if (hours > 0) label = `${prefix} ${hours} 小时`;
  else if (minutes > 0) label = `${prefix} ${minutes} 分钟`;
  else label = overdue ? '已超期不足 1 分钟' : '剩余不足 1 分钟';
  return { overdue, totalMs, days, hours, minutes, label };
}
