/**
 * The deadline rule of the domain reference: a limit of N days after a start instant ends at
 * 23:59:59 Asia/Shanghai of the N-th (working or calendar) day after the start's business date;
 * the start day itself is not counted. Extensions and pauses add days of the same unit. A calendar-day
 * period whose last day is a rest day ends on the first working day after it (holidays inside are counted).
 */

import { addCalendarDays, endOfBusinessDay, toBusinessDate } from '@tiaojie/business-time';
import { DeadlineRuleError } from './deadline-errors';
import {
  assertValidPolicy,
  COURT_CONSENT,
  DEFAULT_POLICIES,
  type DayUnit,
  type DeadlinePolicies,
  type DeadlinePolicy,
  type DeadlineRegime,
} from './deadline-policy';
import type { WorkdayCalendar } from './workday-calendar';

export interface DeadlineExtension {
  /** Extra days, in the policy's unit. */
  days: number;
  /** Who consented: `'court'` for the referring court, party ids for the parties. */
  consentBy?: readonly string[];
  reason?: string;
}

export interface ComputeDeadlineInput {
  /** A DeadlineRegime, or a regime added through mergePolicies. */
  regime: DeadlineRegime | (string & {});
  /** The instant the count starts from (acceptance, referral, sign-off, agreement taking effect). */
  start: Date;
  /** Overrides the policy's N; required when the policy has none (work_order_reply). */
  days?: number;
  extensions?: readonly DeadlineExtension[];
  /** Days the clock stood still (e.g. expert appraisal), in the policy's unit. */
  pausedDays?: number;
  /** Party ids of the case; needed to check an extension that every party must consent to. */
  parties?: readonly string[];
}

export interface DeadlineWarning {
  code: 'CALENDAR_YEAR_NOT_COVERED';
  year: number;
  message: string;
}

export interface DeadlineResult {
  regime: string;
  unit: DayUnit;
  /** Business date of `start` (Asia/Shanghai); not counted. */
  startDate: string;
  baseDays: number;
  extensionDays: number;
  pausedDays: number;
  totalDays: number;
  /** Last business date of the limit. */
  dueDate: string;
  /** 23:59:59 Asia/Shanghai of dueDate. */
  dueAt: Date;
  warnings: DeadlineWarning[];
}

function requireCount(
  value: number,
  min: number,
  code: 'INVALID_DAYS' | 'INVALID_PAUSED_DAYS' | 'INVALID_EXTENSION_DAYS',
  what: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new DeadlineRuleError(code, `${what} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

function lookupPolicy(regime: string, policies: DeadlinePolicies): DeadlinePolicy {
  const policy = Object.prototype.hasOwnProperty.call(policies, regime) ? policies[regime] : undefined;
  if (!policy) throw new DeadlineRuleError('UNKNOWN_REGIME', `no deadline policy for regime '${regime}'`);
  assertValidPolicy(policy);
  return policy;
}

function baseDaysOf(input: ComputeDeadlineInput, policy: DeadlinePolicy): number {
  if (input.days !== undefined) return requireCount(input.days, 1, 'INVALID_DAYS', 'days');
  if (policy.days === null) {
    throw new DeadlineRuleError(
      'DAYS_REQUIRED',
      `regime '${policy.regime}' needs the number of days (N) for each case`,
    );
  }
  return policy.days;
}

function checkConsent(
  ext: DeadlineExtension,
  index: number,
  policy: DeadlinePolicy,
  parties?: readonly string[],
): void {
  const rule = policy.extension;
  if (!rule || rule.consent === 'none') return;
  const given = new Set(ext.consentBy ?? []);
  const label = `extension #${index + 1} of '${policy.regime}'`;
  if (rule.consent === 'court') {
    if (!given.has(COURT_CONSENT)) {
      throw new DeadlineRuleError(
        'EXTENSION_CONSENT_REQUIRED',
        `${label} needs the court's consent (consentBy: ['court'])`,
      );
    }
    return;
  }
  if (!parties || parties.length === 0) {
    throw new DeadlineRuleError(
      'PARTIES_REQUIRED',
      `${label} needs every party's consent; pass the case's parties`,
    );
  }
  const missing = parties.filter((p) => !given.has(p));
  if (missing.length > 0) {
    throw new DeadlineRuleError(
      'EXTENSION_CONSENT_REQUIRED',
      `${label} needs every party's consent; missing: ${missing.join(', ')}`,
    );
  }
}

/** Validates extensions against the policy; returns their total days. */
function extensionDaysOf(input: ComputeDeadlineInput, policy: DeadlinePolicy): number {
  const extensions = input.extensions ?? [];
  if (extensions.length === 0) return 0;
  const rule = policy.extension;
  if (!rule || rule.maxCount === 0) {
    throw new DeadlineRuleError('EXTENSION_NOT_ALLOWED', `regime '${policy.regime}' allows no extension`);
  }
  if (extensions.length > rule.maxCount) {
    throw new DeadlineRuleError(
      'TOO_MANY_EXTENSIONS',
      `regime '${policy.regime}' allows at most ${rule.maxCount} extension(s), got ${extensions.length}`,
    );
  }
  let total = 0;
  extensions.forEach((ext, i) => {
    const days = requireCount(ext.days, 1, 'INVALID_EXTENSION_DAYS', `extension #${i + 1} days`);
    if (days > rule.maxDaysEach) {
      throw new DeadlineRuleError(
        'EXTENSION_TOO_LONG',
        `extension #${i + 1} of '${policy.regime}' is ${days} days; at most ${rule.maxDaysEach} allowed`,
      );
    }
    if (rule.reasonRequired && !ext.reason?.trim()) {
      const toldTo = rule.reasonToldTo ? ` (it is told to the ${rule.reasonToldTo})` : '';
      throw new DeadlineRuleError(
        'EXTENSION_REASON_REQUIRED',
        `extension #${i + 1} of '${policy.regime}' needs a reason${toldTo}`,
      );
    }
    checkConsent(ext, i, policy, input.parties);
    total += days;
  });
  return total;
}

function warningsFor(years: number[]): DeadlineWarning[] {
  return years.map((year) => ({
    code: 'CALENDAR_YEAR_NOT_COVERED',
    year,
    message: `holiday calendar has no data for ${year}; counted Monday–Friday as working days`,
  }));
}

/**
 * Computes a deadline. Throws DeadlineRuleError (with a stable `code`) when the request breaks
 * the policy; never throws for a year the calendar lacks (plain weekends + a warning instead).
 */
export function computeDeadline(
  input: ComputeDeadlineInput,
  calendar: WorkdayCalendar,
  policies: DeadlinePolicies = DEFAULT_POLICIES,
): DeadlineResult {
  const policy = lookupPolicy(input.regime, policies);
  if (!(input.start instanceof Date) || Number.isNaN(input.start.getTime())) {
    throw new DeadlineRuleError('INVALID_START', 'start must be a valid Date');
  }
  const startDate = toBusinessDate(input.start);
  const baseDays = baseDaysOf(input, policy);
  const extensionDays = extensionDaysOf(input, policy);
  const pausedDays =
    input.pausedDays === undefined
      ? 0
      : requireCount(input.pausedDays, 0, 'INVALID_PAUSED_DAYS', 'pausedDays');
  const totalDays = baseDays + extensionDays + pausedDays;

  let dueDate: string;
  let uncovered: number[] = [];
  if (policy.unit === 'working_days') {
    dueDate = calendar.addWorkingDays(startDate, totalDays);
    uncovered = calendar.uncoveredYearsBetween(startDate, dueDate);
  } else {
    const lastDay = addCalendarDays(startDate, totalDays);
    // a last day that is a rest day moves to the first working day after it, unless the regime opts out
    const endOnWorkingDay = policy.endOnWorkingDay !== false;
    dueDate = endOnWorkingDay ? calendar.nextWorkingDayOnOrAfter(lastDay) : lastDay;
    if (endOnWorkingDay) uncovered = calendar.uncoveredYearsBetween(addCalendarDays(lastDay, -1), dueDate);
  }

  return {
    regime: policy.regime,
    unit: policy.unit,
    startDate,
    baseDays,
    extensionDays,
    pausedDays,
    totalDays,
    dueDate,
    dueAt: endOfBusinessDay(dueDate),
    warnings: warningsFor(uncovered),
  };
}
