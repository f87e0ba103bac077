/**
 * @tiaojie/deadlines: legal time limits on the Chinese working-day calendar (Asia/Shanghai).
 * `src/core`: the pure engine (regimes and periods, the holiday rule, calendars), no database, no NestJS.
 * `src`: its database layer (admin holiday years, adjustments, the daily digest, timer settings) and the case regimes.
 */

export type { CalendarDataFile, CalendarYearInput } from './core/calendar-data';
export {
  computeDeadline,
  type ComputeDeadlineInput,
  type DeadlineExtension,
  type DeadlineResult,
  type DeadlineWarning,
} from './core/compute-deadline';
export { CalendarDataError, DeadlineRuleError, type DeadlineRuleErrorCode } from './core/deadline-errors';
export {
  COURT_CONSENT,
  DEFAULT_POLICIES,
  type DayUnit,
  type DeadlinePolicies,
  type DeadlinePolicy,
  type DeadlineRegime,
  type ExtensionConsent,
  type ExtensionRule,
  mergePolicies,
} from './core/deadline-policy';
export {
  type AdjustedDeadline,
  type AdjustmentContext,
  type AdjustmentKind,
  applyAdjustments,
  type DeadlineAdjustment,
  pausedDaysBetween,
  validateAdjustment,
} from './core/deadline-adjustments';
export {
  DEFAULT_REMINDER_OFFSETS_DAYS,
  isOverdue,
  REMINDER_HOUR,
  type Remaining,
  remaining,
  reminderTimes,
} from './core/deadline-reminders';
export { type DayKind, WorkdayCalendar } from './core/workday-calendar';

export { CalendarModule } from './calendar.module';
export { CalendarService, CALENDAR_CACHE_TTL_MS } from './calendar.service';
export type {
  CalendarCoverage,
  CalendarYearUpdate,
  CalendarYearView,
  CoverageWarning,
} from './calendar.service';
export { DeadlineAdjustmentService } from './deadline-adjustment.service';
export type { CaseClock, NewAdjustment, RecordedAdjustment } from './deadline-adjustment.service';
export type { DeadlineAdjustmentRow } from './deadline-adjustment.repository';
export {
  DeadlineDigestService,
  DIGEST_BODY_JOB,
  DIGEST_JOBS,
  DIGEST_TICK_JOB,
} from './deadline-digest.service';
export type { DigestBodyJob, DigestTickJob } from './deadline-digest.service';
export {
  DEADLINE_SETTINGS,
  DEFAULT_DEADLINE_SETTINGS,
  loadDeadlineSettings,
  parseReminderOffsets,
} from './deadline-settings';
export type { DeadlineSettings } from './deadline-settings';
export { toDomainError as deadlineRuleToDomainError } from './deadline-rule.errors';
export {
  CaseDeadlineService,
  DEADLINE_JOBS,
  DEADLINE_OVERDUE_JOB,
  DEADLINE_REMIND_JOB,
  type OverdueJob,
  type PlannedTimer,
  type ReminderJob,
} from './case-deadline.service';
export { DeadlineCaseRepository, type DeadlineCaseRow } from './deadline-case.repository';
export {
  CASE_REGIMES,
  caseDue,
  caseDueAt,
  confirmationDueAt,
  DUE_SOON_DAYS,
  dueKeptOnMove,
  mediationDueAt,
  urgencyAt,
  type CaseDueOptions,
  type CaseRegime,
  type Urgency,
} from './case-deadline';
