/**
 * Extensions and pauses of a time limit, replayed over computeDeadline (pure). An adjustment history is
 * valid when each step was valid when it was made: extensions follow the regime's rules (count, length,
 * consent, reason), a pause needs a reason and no pause already open, a resume closes an open pause and
 * carries the days the clock stood still, and nothing is added after the deadline has passed.
 */

import { calendarDaysBetween, toBusinessDate } from '@tiaojie/business-time';
import { computeDeadline, type DeadlineExtension, type DeadlineResult } from './compute-deadline';
import { DeadlineRuleError } from './deadline-errors';
import { DEFAULT_POLICIES, type DeadlinePolicies, type DeadlineRegime } from './deadline-policy';
import type { WorkdayCalendar } from './workday-calendar';

export type AdjustmentKind = 'extension' | 'pause' | 'resume';

export interface DeadlineAdjustment {
  kind: AdjustmentKind;
  /** extension: days granted; resume: days the clock stood still (computed); pause: unused. */
  days?: number | null;
  reason?: string | null;
  /** `'court'` for the referring court, party ids for the parties. */
  consentBy?: readonly string[];
  at: Date;
}

export interface AdjustmentContext {
  /** The instant the count started (acceptance, referral, agreement). */
  start: Date;
  calendar: WorkdayCalendar;
  /** Per-case N (12345 orders), when the policy has none. */
  days?: number;
  /** Party ids of the case (for extensions every party must consent to). */
  parties?: readonly string[];
  policies?: DeadlinePolicies;
}

export interface AdjustedDeadline {
  /** The deadline with every extension and every closed pause. */
  result: DeadlineResult;
  /** True while a pause is open: the clock stands still and `result.dueAt` moves on resume. */
  paused: boolean;
  pausedSince: Date | null;
  extensions: DeadlineExtension[];
}

function fail(code: ConstructorParameters<typeof DeadlineRuleError>[0], message: string): never {
  throw new DeadlineRuleError(code, message);
}

/** Days the clock stood still between a pause and its resume, in the policy's unit (the pause day not counted). */
export function pausedDaysBetween(
  pausedAt: Date,
  resumedAt: Date,
  unit: 'calendar_days' | 'working_days',
  calendar: WorkdayCalendar,
): number {
  const from = toBusinessDate(pausedAt);
  const to = toBusinessDate(resumedAt);
  const span = calendarDaysBetween(from, to);
  if (span <= 0) return 0;
  if (unit === 'calendar_days') return span;
  let n = 0;
  for (let d = calendar.addCalendarDays(from, 1); d <= to; d = calendar.addCalendarDays(d, 1))
    if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** The deadline after replaying a history that is already known to be valid (as stored). */
export function applyAdjustments(
  regime: DeadlineRegime | (string & {}),
  history: readonly DeadlineAdjustment[],
  ctx: AdjustmentContext,
): AdjustedDeadline {
  const extensions: DeadlineExtension[] = [];
  let pausedDays = 0;
  let pausedSince: Date | null = null;
  for (const a of history) {
    if (a.kind === 'extension')
      extensions.push({ days: a.days ?? 0, consentBy: a.consentBy, reason: a.reason ?? undefined });
    else if (a.kind === 'pause') pausedSince = a.at;
    else if (a.kind === 'resume') {
      pausedDays += a.days ?? 0;
      pausedSince = null;
    }
  }
  const result = computeDeadline(
    { regime, start: ctx.start, days: ctx.days, extensions, pausedDays, parties: ctx.parties },
    ctx.calendar,
    ctx.policies ?? DEFAULT_POLICIES,
  );
  return { result, paused: pausedSince !== null, pausedSince, extensions };
}

/**
 * Checks one new adjustment against the regime and the history before it; returns the adjustment as it
 * should be stored (a resume gets its computed days) and the deadline after it. Throws DeadlineRuleError.
 */
export function validateAdjustment(
  regime: DeadlineRegime | (string & {}),
  history: readonly DeadlineAdjustment[],
  next: DeadlineAdjustment,
  ctx: AdjustmentContext,
): { adjustment: DeadlineAdjustment; deadline: AdjustedDeadline } {
  if (!(next.at instanceof Date) || Number.isNaN(next.at.getTime()))
    fail('INVALID_ADJUSTMENT', 'adjustment time must be a valid Date');
  if (!['extension', 'pause', 'resume'].includes(next.kind))
    fail('INVALID_ADJUSTMENT', `unknown adjustment kind ${String(next.kind)}`);
  const last = history[history.length - 1];
  if (last && next.at.getTime() < last.at.getTime())
    fail('ADJUSTMENT_OUT_OF_ORDER', 'an adjustment cannot be dated before the previous one');
  const before = applyAdjustments(regime, history, ctx);
  const unit = before.result.unit;
  // While paused the clock stands still, so only a resume is judged against the moved deadline.
  if (!before.paused && next.at.getTime() > before.result.dueAt.getTime()) {
    fail(
      'DEADLINE_PASSED',
      `the time limit ended at ${before.result.dueAt.toISOString()}; it can no longer be ${next.kind === 'extension' ? 'extended' : 'paused'}`,
    );
  }
  let adjustment: DeadlineAdjustment;
  switch (next.kind) {
    case 'extension':
      adjustment = {
        kind: 'extension',
        days: next.days,
        reason: next.reason?.trim() || null,
        consentBy: [...new Set(next.consentBy ?? [])],
        at: next.at,
      };
      break;
    case 'pause':
      if (before.paused) fail('ALREADY_PAUSED', 'the time limit is already paused');
      if (!next.reason?.trim())
        fail('PAUSE_REASON_REQUIRED', 'a pause needs a reason (e.g. expert appraisal 鉴定)');
      adjustment = {
        kind: 'pause',
        days: null,
        reason: next.reason.trim(),
        consentBy: [...new Set(next.consentBy ?? [])],
        at: next.at,
      };
      break;
    default:
      if (!before.paused || !before.pausedSince) fail('NOT_PAUSED', 'the time limit is not paused');
      adjustment = {
        kind: 'resume',
        days: pausedDaysBetween(before.pausedSince, next.at, unit, ctx.calendar),
        reason: next.reason?.trim() || null,
        consentBy: [...new Set(next.consentBy ?? [])],
        at: next.at,
      };
  }
  // Replaying with the new step applies computeDeadline's rules (count, length, consent, reason) to it.
  const deadline = applyAdjustments(regime, [...history, adjustment], ctx);
  return { adjustment, deadline };
}
