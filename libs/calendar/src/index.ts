/** @tiaojie/calendar: the database side of deadlines (admin holiday years, adjustments, daily digest, timer settings). */
export { CalendarModule } from './calendar.module';
export { CalendarService, CALENDAR_CACHE_TTL_MS } from './calendar.service';
export type {
  CalendarCoverage,
  CalendarYearInput,
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
