import { LogSmsSender, SmsSender } from '@tiaojie/auth';
import { AppConfig, Clock, loadConfig } from '@tiaojie/core';
import { DbService, createTestDatabase } from '@tiaojie/db';
import { createApi, ApiHandle } from '../../apps/api/src/bootstrap';

export interface TestApp {
  api: ApiHandle;
  db: DbService;
  url: string;
  config: AppConfig;
  sms: LogSmsSender;
  close: () => Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: 'test-secret-test-secret-test-secret!',
    WEB_DIST: '/nonexistent',
    DEMO_DATA: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  });
}

/** A real api on a real database (PGlite in memory, or a fresh database on DATABASE_URL), listening on a free port. */
export async function startTestApp(
  opts: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const ctx = await createTestDatabase();
  const config = testConfig(opts.env);
  const api = await createApi(config, ctx.db, { clock: opts.clock });
  return {
    api,
    db: ctx.db,
    url: api.url,
    config,
    sms: api.app.get(SmsSender) as LogSmsSender,
    close: async () => {
      await api.close();
      await ctx.dispose();
    },
  };
}
