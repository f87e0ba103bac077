import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, Clock, CoreModule, RealtimePublisher, SystemClock } from '@tiaojie/core';
import { CasesModule } from '@tiaojie/cases';
import { DbModule, DbService } from '@tiaojie/db';
import { JobsModule } from '@tiaojie/jobs';
import { NotificationsModule } from '@tiaojie/notifications';
import { ALL_QUEUES } from '@tiaojie/platform';
import { WorkerHandlers } from './worker.handlers';

@Module({})
class WorkerRealtimeModule {
  static forRoot(publisher: RealtimePublisher): DynamicModule {
    return { module: WorkerRealtimeModule, global: true, providers: [{ provide: RealtimePublisher, useValue: publisher }], exports: [RealtimePublisher] };
  }
}

export interface WorkerModuleOptions {
  config: AppConfig;
  db: DbService;
  publisher: RealtimePublisher;
  clock?: Clock;
}

@Module({})
export class WorkerModule {
  static forRoot({ config, db, publisher, clock = new SystemClock() }: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config, clock), DbModule.forRoot(db), WorkerRealtimeModule.forRoot(publisher), JobsModule.forRoot(ALL_QUEUES),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        NotificationsModule, CasesModule,
      ],
      providers: [WorkerHandlers],
    };
  }
}
