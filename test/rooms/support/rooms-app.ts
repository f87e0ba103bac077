import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LogSmsSender, SmsSender } from '@tiaojie/auth';
import { createTestDatabase } from '@tiaojie/db';
import { createApi } from '../../../apps/api/src/bootstrap';
import type { RoomLimits } from '../../../apps/api/src/gateway/room-limits';
import { TestApp, testConfig } from '../../support/test-app';

export interface RoomsTestApp extends TestApp {
  dataDir: string;
}

/** A real api on a fresh database with attachments under a throwaway DATA_DIR and, optionally, other socket limits. */
export async function startRoomsApp(opts: { roomLimits?: RoomLimits } = {}): Promise<RoomsTestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-rooms-'));
  const ctx = await createTestDatabase();
  const config = testConfig({ DATA_DIR: dataDir });
  const api = await createApi(config, ctx.db, { roomLimits: opts.roomLimits });
  return {
    api,
    db: ctx.db,
    url: api.url,
    config,
    dataDir,
    sms: api.app.get(SmsSender) as LogSmsSender,
    close: async () => {
      await api.close();
      await ctx.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const GENEROUS_LIMITS: RoomLimits = {
  messages: { count: 100_000, windowMs: 1000 },
  typing: { count: 100_000, windowMs: 1000 },
};
