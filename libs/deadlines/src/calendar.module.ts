import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { NotificationsModule } from '@tiaojie/notifications';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { DeadlineAdjustmentRepository } from './deadline-adjustment.repository';
import { DeadlineAdjustmentService } from './deadline-adjustment.service';
import { DeadlineDigestRepository } from './deadline-digest.repository';
import { DeadlineDigestService } from './deadline-digest.service';
import { DEADLINE_SETTINGS, type DeadlineSettings, loadDeadlineSettings } from './deadline-settings';

/**
 * The database side of deadlines: the holiday calendar with admin years, deadline adjustments, the daily
 * digest, and the timer settings. Global, so the case flow and the worker share one cached calendar.
 */
@Module({})
export class CalendarModule {
  /** `settings` defaults to the DEADLINE_* environment variables, validated here (at boot). */
  static forRoot(settings: DeadlineSettings = loadDeadlineSettings()): DynamicModule {
    return {
      module: CalendarModule,
      global: true,
      imports: [AuditModule, NotificationsModule],
      providers: [
        { provide: DEADLINE_SETTINGS, useValue: settings },
        CalendarRepository,
        CalendarService,
        DeadlineAdjustmentRepository,
        DeadlineAdjustmentService,
        DeadlineDigestRepository,
        DeadlineDigestService,
      ],
      exports: [DEADLINE_SETTINGS, CalendarService, DeadlineAdjustmentService, DeadlineDigestService],
    };
  }
}
