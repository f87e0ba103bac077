/** Test support: the calendar module on a real database, with a recording job queue instead of pg-boss. */
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, CoreModule, loadConfig, NoopRealtimePublisher, RealtimePublisher } from '@tiaojie/core';
import { createTestDatabase, DbModule, DbService, Executor, schema } from '@tiaojie/db';
import { JobContext, JobQueue, JobsModule, SendOptions } from '@tiaojie/jobs';
import { CalendarModule } from './calendar.module';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadline-settings';

export class RecordingQueue extends JobQueue {
  readonly sent: { name: string; data: unknown; opts: SendOptions }[] = [];
  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    this.sent.push({ name, data, opts: { ...opts, tx: undefined } });
    return String(this.sent.length);
  }
  async work<T>(_name: string, _handler: (job: JobContext<T>) => Promise<void>): Promise<void> {}
  async workBatch<T>(
    _name: string,
    _handler: (jobs: JobContext<T>[]) => Promise<Map<string, Error>>,
  ): Promise<void> {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

@Module({})
class NoopRealtimeModule {
  static forRoot(): DynamicModule {
    return {
      module: NoopRealtimeModule,
      global: true,
      providers: [{ provide: RealtimePublisher, useValue: new NoopRealtimePublisher() }],
      exports: [RealtimePublisher],
    };
  }
}

export async function calendarTestContext(
  clock: Clock,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
) {
  const ctx = await createTestDatabase();
  const queue = new RecordingQueue();
  @Module({})
  class CalendarTestModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    {
      module: CalendarTestModule,
      imports: [
        CoreModule.forRoot(
          loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret!' }),
          clock,
        ),
        DbModule.forRoot(ctx.db),
        NoopRealtimeModule.forRoot(),
        JobsModule.forRoot([], queue),
        CalendarModule.forRoot(settings),
      ],
    },
    { logger: false },
  );
  await app.init();
  return {
    app,
    db: ctx.db,
    queue,
    close: async () => {
      await app.close();
      await ctx.dispose();
    },
  };
}

let seq = 0;

/** One organisation, staff with the given roles in it, and disputes: the minimum the deadline services read. */
export async function seedBody(db: DbService | Executor, roles: string[] = ['body_admin']) {
  const exec = db instanceof DbService ? db.db : db;
  const n = ++seq;
  const [body] = await exec
    .insert(schema.organizations)
    .values({ code: `CAL-BODY-${n}`, name: `日历测试调委会${n}`, kind: 'peoples', level: 'street' })
    .returning();
  const users: Record<string, string> = {};
  for (const role of roles) {
    const [u] = await exec
      .insert(schema.users)
      .values({ username: `cal_${role}_${n}`, displayName: role, role, orgId: body.id })
      .returning();
    users[role] = u.id;
  }
  return { bodyId: body.id, users };
}

export async function seedDispute(
  db: DbService | Executor,
  opts: { bodyId?: string | null; dueAt?: Date | null; status?: string; title?: string } = {},
) {
  const exec = db instanceof DbService ? db.db : db;
  const n = ++seq;
  const [d] = await exec
    .insert(schema.disputes)
    .values({
      number: `TZ2026-C${String(n).padStart(5, '0')}`,
      category: 'neighbour',
      channel: 'online',
      title: opts.title ?? `测试案件${n}`,
      description: '测试',
      status: opts.status ?? 'in_mediation',
      bodyId: opts.bodyId ?? null,
      dueAt: opts.dueAt ?? null,
    })
    .returning();
  return d;
}
