import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Emitter } from '@socket.io/postgres-emitter';
import { Logger } from 'nestjs-pino';
import { AppConfig, Clock, NoopRealtimePublisher, RealtimeEvent, RealtimePublisher } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { WorkerModule } from './worker.module';

/** A worker in its own process reaches sockets on every api instance through the PostgreSQL emitter. */
class PgEmitterPublisher extends RealtimePublisher {
  constructor(private readonly emitter: Emitter) { super(); }
  publish(events: RealtimeEvent[]): void {
    for (const e of events) this.emitter.to(e.channel).emit(e.event, e.payload);
  }
}

export async function createWorker(config: AppConfig, db: DbService, opts: { publisher?: RealtimePublisher; clock?: Clock } = {}): Promise<INestApplicationContext> {
  const publisher = opts.publisher ?? (db.pool ? new PgEmitterPublisher(new Emitter(db.pool, '/', { tableName: 'socket_io_attachments' })) : new NoopRealtimePublisher());
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, db, publisher, clock: opts.clock }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  return app;
}
