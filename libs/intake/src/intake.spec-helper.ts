/** Test wiring for libs/intake: the import services on a fresh test database, and the sample fixtures. */
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Actor,
  Clock,
  CoreModule,
  loadConfig,
  NoopRealtimePublisher,
  RealtimePublisher,
  Role,
  SystemClock,
} from '@tiaojie/core';
import { createTestDatabase, DbModule, DbService } from '@tiaojie/db';
import { IntakeModule } from './intake.module';

/** The sample-2024 fixtures copied into the repo (libs/intake-parsers/fixtures), never ../shared. */
export const SAMPLE_DIR = join(__dirname, '..', '..', 'intake-parsers', 'fixtures', 'sample-2024');
export const SAMPLE = {
  grid: join(SAMPLE_DIR, 'grid_reports.csv'),
  orders: join(SAMPLE_DIR, 'work_orders_12345.csv'),
  court: join(SAMPLE_DIR, 'court_referrals.xlsx'),
};

export interface SampleAnswerKey {
  crossChannelDuplicates: [string, string][];
  files: Record<
    string,
    { rows: number; badRows: { row: number; id: string; reason: string }[]; repeatedRows?: string[] }
  >;
  expected: Record<string, any>;
}

export function sampleAnswerKey(): SampleAnswerKey {
  return JSON.parse(readFileSync(join(SAMPLE_DIR, 'answer_key.json'), 'utf8')) as SampleAnswerKey;
}

export const TEST_ADMIN: Actor = { id: null, role: Role.System, orgId: null, name: '导入测试' };

@Module({})
class TestRealtimeModule {
  static forRoot() {
    return {
      module: TestRealtimeModule,
      global: true,
      providers: [{ provide: RealtimePublisher, useClass: NoopRealtimePublisher }],
      exports: [RealtimePublisher],
    };
  }
}

export interface IntakeTestContext {
  app: INestApplicationContext;
  db: DbService;
  close: () => Promise<void>;
}

/** A Nest context with `modules` (IntakeModule by default) on a fresh, migrated test database. */
export async function startIntakeContext(
  modules: any[] = [IntakeModule],
  clock: Clock = new SystemClock(),
): Promise<IntakeTestContext> {
  const ctx = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret!' });
  @Module({
    imports: [
      CoreModule.forRoot(config, clock),
      DbModule.forRoot(ctx.db),
      TestRealtimeModule.forRoot(),
      ...modules,
    ],
  })
  class IntakeTestModule {}
  const app = await NestFactory.createApplicationContext(IntakeTestModule, { logger: false });
  return {
    app,
    db: ctx.db,
    close: async () => {
      await app.close();
      await ctx.dispose();
    },
  };
}

/** Rows of a query on either engine. */
export async function queryRows<T = any>(db: DbService, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.raw(db.db).query(text, values)).rows as T[];
}
