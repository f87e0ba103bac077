import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Emitter } from '@socket.io/postgres-emitter';
import { Logger } from 'nestjs-pino';
import { AppConfig, NoopRealtimePublisher, RealtimeEvent, RealtimePublisher } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { WorkerModule, WorkerModuleOptions } from './worker.module';

/** A worker in its own process reaches sockets on every api instance through the PostgreSQL emitter. */
class PgEmitterPublisher extends RealtimePublisher {
  constructor(private readonly emitter: Emitter) {
    super();
  }
  publish(events: RealtimeEvent[]): void {
    for (const e of events) this.emitter.to(e.channel).emit(e.event, e.payload);
  }
}

export type WorkerOptions = Partial<Omit<WorkerModuleOptions, 'config' | 'db'>>;

/**
 * Builds and starts the worker on an already migrated database. Deadline and SMS settings come from the
 * environment unless given; a bad value stops the boot with a message naming the variable.
 */
export async function createWorker(
  config: AppConfig,
  db: DbService,
  opts: WorkerOptions = {},
): Promise<INestApplicationContext> {
  const publisher =
    opts.publisher ??
    (db.pool
      ? new PgEmitterPublisher(new Emitter(db.pool, '/', { tableName: 'socket_io_attachments' }))
      : new NoopRealtimePublisher());
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ ...opts, config, db, publisher }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
