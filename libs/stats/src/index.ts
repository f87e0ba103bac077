/** @tiaojie/stats: the district's metrics (domain reference, "Metrics"), maintained aggregates, the annual report and early warning. */
export { StatsModule } from './stats.module';
export { StatsAggregateRepository } from './stats-aggregate.repository';
export { StatsMaintenanceRepository } from './stats-maintenance.repository';
export { AnnualReportService, WORK_ORDER_SOURCES } from './annual-report.service';
export { ReportDocumentService } from './report-document.service';
export { REPORT_TABLE_IDS, reportParagraphs, reportTables } from './report-document.builder';
export type { ReportTableId } from './report-document.builder';
export { DashboardService } from './dashboard.service';
export { COURT_CHANNEL, courtReferralFigures, courtReferralSeries } from './court-referral.figures';
export type { DashboardQuery } from './dashboard.service';
export { EarlyWarningService, WARNING_DEFAULTS } from './early-warning.service';
export type { WarningFlag, WarningOptions, WarningType } from './early-warning.service';
export {
  IntakeAggregateDelta,
  bucketUpperHours,
  durationBucket,
  durationSeconds,
  isRated,
  isSatisfied,
  RATED_VALUES,
  SATISFIED_VALUES,
} from './intake-aggregate';
export type { IntakeFacts } from './intake-aggregate';
export { count, meanHours, percent, percentileHours, rate, yearRange } from './metric.util';
export { CLOCK_RUNNING_STATUSES, CONCLUDED_OUTCOMES, COUNTED_ACTIONS } from './stats-triggers.sql';
export type * from './stats.types';
