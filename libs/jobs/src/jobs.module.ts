import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Clock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { JobQueue, QueueSpec } from './job-queue';
import { PgBossQueue } from './pg-boss.queue';

@Global()
@Module({})
export class JobsModule implements OnApplicationShutdown, OnModuleInit {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  /** `queues`: every queue the process may send to inside a transaction, with its expiry and retry policy. */
  static forRoot(queues: readonly (string | QueueSpec)[], queue?: JobQueue): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        queue
          ? { provide: JobQueue, useValue: queue }
          : {
              provide: JobQueue,
              inject: [DbService, Clock],
              useFactory: (db: DbService, clock: Clock) => new PgBossQueue(db, db.url, queues, { clock }),
            },
      ],
      exports: [JobQueue],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.queue.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}
