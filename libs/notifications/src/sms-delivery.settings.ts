import { ConfigError } from '@tiaojie/core';

/** How SMS leave the outbox; read once at boot (SMS_* and OUTBOX_* variables), a bad value stops the process. */
export interface SmsDeliverySettings {
  /** log: development (the text goes to the log); http: a real provider behind HTTP. */
  provider: 'log' | 'http';
  http: { url: string; token: string; timeoutMs: number } | null;
  /** Attempts before an outbox row is dead-lettered (OUTBOX_MAX_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** Delay before the first retry; doubled per attempt, at most an hour (OUTBOX_RETRY_DELAY_SECONDS, default 30). */
  retryDelaySeconds: number;
}

export const SMS_DELIVERY_SETTINGS = Symbol('SMS_DELIVERY_SETTINGS');

export const DEFAULT_SMS_DELIVERY_SETTINGS: SmsDeliverySettings = Object.freeze({
  provider: 'log',
  http: null,
  maxAttempts: 5,
  retryDelaySeconds: 30,
});

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new ConfigError(`${key} must be an integer between ${min} and ${max}, got "${raw}"`);
  return v;
}

export function loadSmsDeliverySettings(env: NodeJS.ProcessEnv = process.env): SmsDeliverySettings {
  const provider = (env.SMS_PROVIDER ?? 'log').trim() || 'log';
  if (provider !== 'log' && provider !== 'http')
    throw new ConfigError(`SMS_PROVIDER must be log or http, got "${provider}"`);
  let http: SmsDeliverySettings['http'] = null;
  if (provider === 'http') {
    const url = env.SMS_HTTP_URL?.trim() ?? '';
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol))
      throw new ConfigError(`SMS_HTTP_URL must be an http(s) URL when SMS_PROVIDER=http, got "${url}"`);
    const token = env.SMS_HTTP_TOKEN?.trim() ?? '';
    if (token.length < 8)
      throw new ConfigError('SMS_HTTP_TOKEN is required (at least 8 characters) when SMS_PROVIDER=http');
    http = {
      url: parsed.toString(),
      token,
      timeoutMs: int(env, 'SMS_HTTP_TIMEOUT_MS', 10_000, 100, 120_000),
    };
  }
  return {
    provider,
    http,
    maxAttempts: int(env, 'OUTBOX_MAX_ATTEMPTS', DEFAULT_SMS_DELIVERY_SETTINGS.maxAttempts, 1, 50),
    retryDelaySeconds: int(
      env,
      'OUTBOX_RETRY_DELAY_SECONDS',
      DEFAULT_SMS_DELIVERY_SETTINGS.retryDelaySeconds,
      1,
      3600,
    ),
  };
}
