import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { readEnv } from './config.schema';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Connections in the api/worker pool on a PostgreSQL server (DB_POOL_SIZE, default 20). */
  dbPoolSize: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  corsOrigins: string[];
  webDist: string | null;
  /** Where parties open the web app (PUBLIC_URL, no trailing slash): SMS notices link to case pages under it. */
  publicUrl: string | null;
  logLevel: string;
  runWorker: boolean;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** Sign-in attempts allowed per username (and per IP) in 15 minutes. */
  signInAttempts: number;
  demoData: boolean;
  /** ICE servers handed to call pages (GET /api/rtc/ice-servers); none configured: host candidates only. */
  rtc: { turnUrls: string[]; turnSecret: string | null; turnTtlSeconds: number; stunUrls: string[] };
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads and validates configuration once at boot (config.schema.ts); a bad value stops the process. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = readEnv(env);
  const nodeEnv = e.NODE_ENV;
  const webDist = e.WEB_DIST ?? path.resolve(process.cwd(), 'apps/web/dist');
  return {
    nodeEnv,
    port: e.PORT,
    host: e.HOST!,
    dataDir: path.resolve(e.DATA_DIR!),
    databaseUrl: e.DATABASE_URL ?? null,
    dbPoolSize: e.DB_POOL_SIZE,
    jwtSecret: e.JWT_SECRET ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL,
    corsOrigins: e
      .CORS_ORIGINS!.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDist: webDist || null,
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    runWorker: e.RUN_WORKER ?? true,
    metricsToken: e.METRICS_TOKEN ?? null,
    signInAttempts: e.SIGN_IN_ATTEMPTS,
    demoData: e.DEMO_DATA ?? nodeEnv !== 'production',
    rtc: {
      turnUrls: list(e.TURN_URLS),
      turnSecret: e.TURN_SECRET ?? null,
      turnTtlSeconds: e.TURN_TTL,
      stunUrls: list(e.STUN_URLS),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
