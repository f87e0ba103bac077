import { z } from 'zod';

/**
 * Every environment variable the platform reads, in one typed schema validated at boot. Each entry carries the
 * default and meaning shown in README's configuration table (a test keeps the two equal); a bad value stops the
 * process with a message naming the variable.
 */
export class ConfigError extends Error {}

interface Variable<T> {
  schema: z.ZodType<T>;
  default: string;
  meaning: string;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function int(fallback: number, min: number, max: number, meaning: string): Variable<number> {
  const msg = `must be an integer between ${min} and ${max}`;
  return {
    schema: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^-?\d+$/, msg)
        .transform(Number)
        .pipe(z.number().min(min, msg).max(max, msg))
        .optional()
        .transform((v) => v ?? fallback),
    ),
    default: `\`${fallback}\``,
    meaning,
  };
}

function bool(fallback: string, meaning: string): Variable<boolean | undefined> {
  return {
    schema: z.preprocess(
      (v) => (typeof blank(v) === 'string' ? (v as string).trim().toLowerCase() : undefined),
      z
        .enum(['1', 'true', 'yes', '0', 'false', 'no'], { error: 'must be true or false' })
        .transform((v) => ['1', 'true', 'yes'].includes(v))
        .optional(),
    ),
    default: fallback,
    meaning,
  };
}

function text(fallback: string | undefined, shown: string, meaning: string): Variable<string | undefined> {
  return {
    schema: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .optional()
        .transform((v) => v ?? fallback),
    ),
    default: shown,
    meaning,
  };
}

function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
  meaning: string,
): Variable<T[number]> {
  return {
    schema: z.preprocess(
      blank,
      z
        .enum(values, { error: `must be ${values.join(' or ')}` })
        .optional()
        .transform((v) => v ?? fallback),
    ),
    default: `\`${fallback}\``,
    meaning,
  };
}

function secret(min: number, meaning: string, shown = '—'): Variable<string | undefined> {
  return {
    schema: z.preprocess(blank, z.string().trim().min(min, `must be at least ${min} characters`).optional()),
    default: shown,
    meaning,
  };
}

function rate(fallback: string, meaning: string): Variable<{ count: number; windowMs: number }> {
  const msg = 'must be <count>/<milliseconds>, e.g. 10/5000';
  return {
    schema: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^[1-9]\d{0,5}\/[1-9]\d{0,6}$/, msg)
        .optional()
        .transform((v) => {
          const [count, windowMs] = (v ?? fallback).split('/').map(Number);
          return { count, windowMs };
        }),
    ),
    default: `\`${fallback}\``,
    meaning,
  };
}

/** "3,1": 1–10 whole day counts between 0 and 365, duplicates removed, largest first. */
function dayList(fallback: string, meaning: string): Variable<number[]> {
  const msg = 'must be a comma-separated list of 1–10 whole day counts between 0 and 365';
  return {
    schema: z.preprocess(
      blank,
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          const parts = (v ?? fallback)
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '');
          const days = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
          if (parts.length === 0 || parts.length > 10 || days.some((d) => !(d >= 0 && d <= 365))) {
            ctx.addIssue({ code: 'custom', message: msg });
            return z.NEVER;
          }
          return [...new Set(days)].sort((a, b) => b - a);
        }),
    ),
    default: `\`${fallback}\``,
    meaning,
  };
}

export const CONFIG_VARIABLES = {
  PORT: int(3000, 0, 65535, 'HTTP and socket.io port'),
  HOST: text('0.0.0.0', '`0.0.0.0`', 'listen address'),
  DATA_DIR: text(
    './data',
    '`./data`',
    'PGlite data folder (ignored when `DATABASE_URL` is set); restarting keeps the data; one process at a time',
  ),
  DATABASE_URL: {
    schema: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    default: '—',
    meaning: '`postgres://…`: use a PostgreSQL server instead of PGlite',
  } as Variable<string | undefined>,
  DB_POOL_SIZE: int(20, 2, 500, 'connections per process in the pool on a PostgreSQL server'),
  JWT_SECRET: secret(
    32,
    'access-token signing secret, ≥ 32 characters; **required** in production',
    'random per process in development',
  ),
  ACCESS_TOKEN_TTL: int(900, 30, 86400, 'access-token lifetime in seconds'),
  REFRESH_TOKEN_TTL: int(30 * 86400, 60, 365 * 86400, 'refresh-token lifetime in seconds'),
  NODE_ENV: oneOf(
    ['development', 'test', 'production'] as const,
    'development',
    '`production` refuses demo accounts and requires secrets',
  ),
  DEMO_DATA: bool('`true` unless production', 'load the demo district once'),
  RUN_WORKER: bool('`true`', "run the worker inside `npm start`'s process"),
  CORS_ORIGINS: text(
    'http://localhost:3000,http://localhost:5173',
    '`http://localhost:3000,http://localhost:5173`',
    'browser origins allowed for HTTP and sockets',
  ),
  WEB_DIST: {
    // empty is meaningful here: serve no web app (the api alone)
    schema: z.string().optional(),
    default: '`apps/web/dist`',
    meaning: 'folder of the built web app the api serves at `/`; empty: serve none',
  } as Variable<string | undefined>,
  PUBLIC_URL: text(
    undefined,
    '—',
    'address parties open the web app at (`https://…`); SMS notices then end with a link to the case page',
  ),
  LOG_LEVEL: text(undefined, '`info` (`silent` in tests)', 'pino level'),
  METRICS_TOKEN: text(undefined, '—', 'when set, `GET /metrics` requires `Authorization: Bearer <token>`'),
  SIGN_IN_ATTEMPTS: int(10, 1, 10000, 'failed staff sign-ins allowed per username in 15 minutes (×5 per IP)'),
  WEBHOOK_SECRET_12345: secret(
    16,
    'HMAC-SHA256 secret of the 12345 feed (≥ 16 characters); unset disables it',
  ),
  WEBHOOK_SECRET_GRID: secret(16, 'HMAC-SHA256 secret of the grid feed (≥ 16 characters); unset disables it'),
  WEBHOOK_SECRET_COURT: secret(
    16,
    'HMAC-SHA256 secret of the court feed (≥ 16 characters); unset disables it',
  ),
  DEADLINE_REMINDER_DAYS: dayList(
    '3,1',
    'reminders at 09:00 Asia/Shanghai this many days before a deadline (worker and api)',
  ),
  DEADLINE_REMINDER_SPREAD_MINUTES: int(
    30,
    0,
    180,
    "reminders go out between 09:00 and 09:00 + this, at a fixed minute per case, so a day's reminders do not all fire at once",
  ),
  DEADLINE_ESCALATE_AFTER_HOURS: int(
    72,
    1,
    24 * 90,
    'an overdue case still open this long after its deadline is escalated to the district admin',
  ),
  DEADLINE_DIGEST_HOUR: int(8, 0, 23, 'Asia/Shanghai hour of the daily digest per body'),
  DEADLINE_DIGEST_DUE_SOON_DAYS: int(3, 0, 30, 'how far ahead the daily digest looks, in days'),
  SMS_PROVIDER: oneOf(
    ['log', 'http'] as const,
    'log',
    '`log` (development: SMS text to the log) or `http` (a real provider; read by the worker)',
  ),
  SMS_HTTP_URL: text(
    undefined,
    '—',
    'the HTTP provider: `POST {phone, text}`; required with `SMS_PROVIDER=http`',
  ),
  SMS_HTTP_TOKEN: text(
    undefined,
    '—',
    'sent as `Authorization: Bearer <token>` (≥ 8 characters); required with `SMS_PROVIDER=http`',
  ),
  // at most 20 s: an SMS job expires after 30 s (a dead worker's sends are redone within a minute)
  SMS_HTTP_TIMEOUT_MS: int(10_000, 100, 20_000, 'timeout of one call to the HTTP provider'),
  OUTBOX_MAX_ATTEMPTS: int(5, 1, 50, 'SMS attempts before a dead letter'),
  OUTBOX_RETRY_DELAY_SECONDS: int(30, 1, 3600, 'first SMS retry delay, doubled per attempt (≤ 1 h)'),
  ROOM_MESSAGE_RATE: rate('10/5000', 'messages a socket may send per window (count/milliseconds)'),
  ROOM_TYPING_RATE: rate('20/5000', 'typing signals a socket may send per window (count/milliseconds)'),
  TURN_URLS: text(
    undefined,
    '—',
    'TURN servers for calls, comma-separated (`turn:turn.example.org:3478?transport=udp,turns:…`); unset: host candidates only',
  ),
  TURN_SECRET: secret(16, "coturn's `static-auth-secret` (≥ 16 characters); required with `TURN_URLS`"),
  TURN_TTL: int(3600, 60, 86400, 'lifetime of the TURN credentials handed to a browser, in seconds'),
  STUN_URLS: text(undefined, '—', 'STUN servers for calls, comma-separated (`stun:stun.example.org:3478`)'),
  IMPORT_REPORT_DIR: text(
    undefined,
    'the system temp folder',
    '`npm run import` writes the CSV of rejected rows here (relative paths from where npm was run)',
  ),
  STALL_EXIT_SECONDS: int(
    30,
    5,
    3600,
    '`npm start` on PGlite: a process whose event loop has not turned for this long exits (and is started again)',
  ),
  ROOM_HEAD_INTERVAL_MS: int(
    15_000,
    1000,
    600_000,
    'how often each api instance tells its sockets the latest seq of joined rooms that changed (`room:head`)',
  ),
} satisfies Record<string, Variable<unknown>>;

type Variables = typeof CONFIG_VARIABLES;
export type ConfigEnv = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

const schema = z
  .object(Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([k, v]) => [k, v.schema])))
  .superRefine((e, ctx) => {
    const env = e as ConfigEnv;
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET)
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    if (env.PUBLIC_URL !== undefined && !/^https?:\/\/[^\s/]+/.test(env.PUBLIC_URL))
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must be an http(s) URL' });
    if (env.TURN_URLS && !env.TURN_SECRET)
      ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'is required when TURN_URLS is set' });
    const badUrl = [
      ...(env.TURN_URLS ?? '').split(',').map((u) => ['TURN_URLS', u.trim(), /^turns?:/] as const),
      ...(env.STUN_URLS ?? '').split(',').map((u) => ['STUN_URLS', u.trim(), /^stuns?:/] as const),
    ].find(([, u, re]) => u !== '' && !re.test(u));
    if (badUrl)
      ctx.addIssue({
        code: 'custom',
        path: [badUrl[0]],
        message: `must list ${badUrl[0] === 'TURN_URLS' ? 'turn: or turns:' : 'stun: or stuns:'} URLs`,
      });
    if (env.SMS_PROVIDER !== 'http') return;
    let url: URL | null = null;
    try {
      url = new URL(env.SMS_HTTP_URL ?? '');
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol))
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_HTTP_URL'],
        message: 'must be an http(s) URL when SMS_PROVIDER=http',
      });
    if ((env.SMS_HTTP_TOKEN ?? '').length < 8)
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_HTTP_TOKEN'],
        message: 'is required (at least 8 characters) when SMS_PROVIDER=http',
      });
  });

/** Validates the whole environment at once; a bad value throws ConfigError naming the variable and its value. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ConfigEnv {
  const result = schema.safeParse(env);
  if (result.success) return result.data as ConfigEnv;
  const issue = result.error.issues[0];
  const key = String(issue.path[0]);
  const raw = env[key];
  const secretKey = /SECRET|TOKEN/.test(key);
  throw new ConfigError(`${key} ${issue.message}${raw && !secretKey ? `, got "${raw}"` : ''}`);
}
