import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { AuthModule } from '@tiaojie/auth';
import { AppConfig, Clock, CoreModule, RealtimePublisher, SystemClock } from '@tiaojie/core';
import { CasesModule } from '@tiaojie/cases';
import { DbModule, DbService } from '@tiaojie/db';
import { OrgModule } from '@tiaojie/org';
import { RoomsModule } from '@tiaojie/rooms';
import { JobsModule } from '@tiaojie/jobs';
import { ALL_QUEUES } from '@tiaojie/platform';
import { AuthController } from './auth/auth.controller';
import { StaffController } from './auth/staff.controller';
import { CasesController } from './cases/cases.controller';
import { CaseSearchController } from './cases/case-search.controller';
import { AuthGuard } from './common/auth.guard';
import { ErrorFilter } from './common/error.filter';
import { ROOT_LOGGER } from './common/request-logger';
import type { RoomLimits } from './gateway/room-limits';
import { SocketPublisher } from './gateway/socket.publisher';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { RoomsApiModule } from './rooms/rooms-api.module';
import { RoutingController } from './routing/routing.controller';
import { CaseIntakeController } from './cases/case-intake.controller';
import { CaseAgreementController } from './cases/case-agreement.controller';
import { DispatchModule } from '@tiaojie/dispatch';
import { AuditModule } from '@tiaojie/audit';
import { DeadlinesApiModule } from './deadlines/deadlines-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { IntakeApiModule } from './intake/intake-api.module';
import { StatsApiModule } from './stats/stats-api.module';
import { CallsApiModule } from './calls/calls-api.module';

/** The realtime publisher is global so every domain module delivers through the one socket server. */
@Module({})
class RealtimeModule {
  static forRoot(): DynamicModule {
    return {
      module: RealtimeModule,
      global: true,
      providers: [SocketPublisher, { provide: RealtimePublisher, useExisting: SocketPublisher }],
      exports: [SocketPublisher, RealtimePublisher],
    };
  }
}

export interface ApiModuleOptions {
  config: AppConfig;
  db: DbService;
  clock?: Clock;
  /** Per-socket realtime limits; default from ROOM_MESSAGE_RATE / ROOM_TYPING_RATE. */
  roomLimits?: RoomLimits;
}

@Module({})
export class ApiModule {
  static forRoot({ config, db, clock = new SystemClock(), roomLimits }: ApiModuleOptions): DynamicModule {
    const rootLogger = pino({ level: config.logLevel });
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, clock),
        DbModule.forRoot(db),
        RealtimeModule.forRoot(),
        JobsModule.forRoot(ALL_QUEUES),
        // nestjs-pino for the Nest logger only (no per-request middleware: request lines come from a Fastify hook,
        // common/request-logger.ts); every line goes through the one root logger below
        LoggerModule.forRoot({ pinoHttp: { logger: rootLogger }, forRoutes: [] }),
        MetricsModule,
        AuthModule,
        AuditModule,
        OrgModule,
        RoomsModule,
        CasesModule,
        DispatchModule,
        RoomsApiModule.forRoot(roomLimits),
        DeadlinesApiModule,
        NotificationsApiModule,
        IntakeApiModule,
        StatsApiModule,
        CallsApiModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        StaffController,
        CaseIntakeController,
        CaseSearchController,
        CasesController,
        CaseAgreementController,
        RoutingController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: ROOT_LOGGER, useValue: rootLogger },
      ],
    };
  }
}
