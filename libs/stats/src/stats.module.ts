import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { DashboardService } from './dashboard.service';
import { EarlyWarningRepository } from './early-warning.repository';
import { EarlyWarningService } from './early-warning.service';
import { ReportDocumentService } from './report-document.service';
import { StatsAggregateRepository } from './stats-aggregate.repository';
import { StatsMaintenanceRepository } from './stats-maintenance.repository';
import { StatsQueryRepository } from './stats-query.repository';

const PROVIDERS = [
  StatsAggregateRepository,
  StatsMaintenanceRepository,
  StatsQueryRepository,
  EarlyWarningRepository,
  AnnualReportService,
  ReportDocumentService,
  DashboardService,
  EarlyWarningService,
];

/** Statistics: maintained aggregates (installs its triggers at start), the annual report, dashboard, early warning. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class StatsModule {}
