import { readEnv } from '@tiaojie/core';

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

export function loadSmsDeliverySettings(env: NodeJS.ProcessEnv = process.env): SmsDeliverySettings {
  const e = readEnv(env);
  return {
    provider: e.SMS_PROVIDER,
    // the schema has checked URL and token when the provider is http
    http:
      e.SMS_PROVIDER === 'http'
        ? {
            url: new URL(e.SMS_HTTP_URL!).toString(),
            token: e.SMS_HTTP_TOKEN!,
            timeoutMs: e.SMS_HTTP_TIMEOUT_MS,
          }
        : null,
    maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    retryDelaySeconds: e.OUTBOX_RETRY_DELAY_SECONDS,
  };
}
