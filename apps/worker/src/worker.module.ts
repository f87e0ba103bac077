import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { SmsSender } from '@tiaojie/auth';
import { CalendarModule, type DeadlineSettings, loadDeadlineSettings } from '@tiaojie/deadlines';
import { AppConfig, Clock, CoreModule, RealtimePublisher, SystemClock } from '@tiaojie/core';
import { CasesModule } from '@tiaojie/cases';
import { DbModule, DbService } from '@tiaojie/db';
import { IntakeModule } from '@tiaojie/intake';
import { JobsModule } from '@tiaojie/jobs';
import {
  loadSmsDeliverySettings,
  NotificationsModule,
  SmsDeliveryModule,
  type SmsDeliverySettings,
} from '@tiaojie/notifications';
import { ALL_QUEUES } from '@tiaojie/platform';
import { WORKER_TUNING, WorkerHandlers, type WorkerTuning } from './worker.handlers';

@Module({})
class WorkerRealtimeModule {
  static forRoot(publisher: RealtimePublisher): DynamicModule {
    return {
      module: WorkerRealtimeModule,
      global: true,
      providers: [{ provide: RealtimePublisher, useValue: publisher }],
      exports: [RealtimePublisher],
    };
  }
}

export interface WorkerModuleOptions {
  config: AppConfig;
  db: DbService;
  publisher: RealtimePublisher;
  clock?: Clock;
  /** Defaults to the DEADLINE_* variables. */
  deadlines?: DeadlineSettings;
  /** Defaults to the SMS_* / OUTBOX_* variables. */
  sms?: SmsDeliverySettings;
  /** Overrides the configured SMS provider (tests aim one at a fake server). */
  smsSender?: SmsSender;
  tuning?: WorkerTuning;
}

@Module({})
export class WorkerModule {
  static forRoot(opts: WorkerModuleOptions): DynamicModule {
    const { config, db, publisher, clock = new SystemClock() } = opts;
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, clock),
        DbModule.forRoot(db),
        WorkerRealtimeModule.forRoot(publisher),
        JobsModule.forRoot(ALL_QUEUES),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        CalendarModule.forRoot(opts.deadlines ?? loadDeadlineSettings()),
        SmsDeliveryModule.forRoot(opts.sms ?? loadSmsDeliverySettings(), opts.smsSender),
        NotificationsModule,
        CasesModule,
        IntakeModule,
      ],
      providers: [WorkerHandlers, { provide: WORKER_TUNING, useValue: opts.tuning ?? {} }],
    };
  }
}
