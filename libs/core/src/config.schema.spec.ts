import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './app-config';
import { CONFIG_VARIABLES, ConfigError, readEnv } from './config.schema';

/** The variable names of README's configuration table (a row may name several, as `A` / `B`). */
function readmeVariables(): Map<string, { default: string; meaning: string; alone: boolean }> {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const rows = new Map<string, { default: string; meaning: string; alone: boolean }>();
  for (const line of section.split('\n').slice(2)) {
    if (!line.startsWith('|')) {
      if (rows.size > 0) break;
      continue;
    }
    const [names, fallback, meaning] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const named = [...names.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]);
    for (const name of named) rows.set(name, { default: fallback, meaning, alone: named.length === 1 });
  }
  return rows;
}

describe('configuration schema', () => {
  it('README lists exactly the variables of the schema', () => {
    const readme = readmeVariables();
    expect([...readme.keys()].sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
    for (const [name, v] of Object.entries(CONFIG_VARIABLES)) {
      const row = readme.get(name)!;
      // a row naming one variable shows that variable's default and meaning
      if (row.alone)
        expect({ name, default: row.default, meaning: row.meaning }).toEqual({
          name,
          default: v.default,
          meaning: v.meaning,
        });
    }
  });

  it('gives every default when the environment is empty', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ nodeEnv: 'development', port: 3000, host: '0.0.0.0', databaseUrl: null });
    expect(c).toMatchObject({ dbPoolSize: 20, accessTokenTtlSeconds: 900, runWorker: true, demoData: true });
    expect(c.jwtSecret).toHaveLength(64);
    expect(readEnv({}).DEADLINE_REMINDER_DAYS).toEqual([3, 1]);
    expect(readEnv({}).ROOM_MESSAGE_RATE).toEqual({ count: 10, windowMs: 5000 });
  });

  it('treats blank values as unset and parses the rest', () => {
    const e = readEnv({
      PORT: ' ',
      RUN_WORKER: 'no',
      DEADLINE_REMINDER_DAYS: '1, 7,1',
      ROOM_TYPING_RATE: '5/100',
    });
    expect(e).toMatchObject({ PORT: 3000, RUN_WORKER: false, DEADLINE_REMINDER_DAYS: [7, 1] });
    expect(e.ROOM_TYPING_RATE).toEqual({ count: 5, windowMs: 100 });
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).demoData).toBe(false);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535, got "70000"'],
    [{ PORT: '3.5' }, 'PORT must be an integer'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development or test or production'],
    [{ RUN_WORKER: 'maybe' }, 'RUN_WORKER must be true or false'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres://'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET is required when NODE_ENV=production'],
    [{ WEBHOOK_SECRET_GRID: 'short' }, 'WEBHOOK_SECRET_GRID must be at least 16 characters'],
    [
      { SMS_PROVIDER: 'http', SMS_HTTP_URL: 'ftp://x', SMS_HTTP_TOKEN: 't'.repeat(8) },
      'SMS_HTTP_URL must be',
    ],
    [{ PUBLIC_URL: 'tiaojie.example.cn' }, 'PUBLIC_URL must be an http(s) URL'],
    [{ DEADLINE_REMINDER_DAYS: '3,x' }, 'DEADLINE_REMINDER_DAYS must be a comma-separated list'],
    [{ ROOM_MESSAGE_RATE: '0/10' }, 'ROOM_MESSAGE_RATE must be <count>/<milliseconds>'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readEnv(env)).toThrow(ConfigError);
    expect(() => readEnv(env)).toThrow(message);
  });

  it('never repeats a secret in its message', () => {
    expect(() => readEnv({ JWT_SECRET: 'secret-value' })).toThrow(
      /^JWT_SECRET must be at least 32 characters$/,
    );
  });
});
