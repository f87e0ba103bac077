/** @tiaojie/deadlines: pure deadline engine on the Chinese working-day calendar (Asia/Shanghai). */

export type { CalendarDataFile, CalendarYearInput } from './calendar-data';
export {
  computeDeadline,
  type ComputeDeadlineInput,
  type DeadlineExtension,
  type DeadlineResult,
  type DeadlineWarning,
} from './compute-deadline';
export { CalendarDataError, DeadlineRuleError, type DeadlineRuleErrorCode } from './deadline-errors';
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
} from './deadline-policy';
export {
  type AdjustedDeadline,
  type AdjustmentContext,
  type AdjustmentKind,
  applyAdjustments,
  type DeadlineAdjustment,
  pausedDaysBetween,
  validateAdjustment,
} from './deadline-adjustments';
export {
  DEFAULT_REMINDER_OFFSETS_DAYS,
  isOverdue,
  REMINDER_HOUR,
  type Remaining,
  remaining,
  reminderTimes,
} from './deadline-reminders';
export { type DayKind, WorkdayCalendar } from './workday-calendar';
