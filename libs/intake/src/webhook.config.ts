/** Per-source webhook secrets from the environment: WEBHOOK_SECRET_12345, WEBHOOK_SECRET_GRID, WEBHOOK_SECRET_COURT. */
import { readEnv } from '@tiaojie/core';
import type { IntakeChannel } from './intake-channel';

export const WEBHOOK_SOURCES = ['12345', 'grid', 'court'] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

export const CHANNEL_OF_SOURCE: Readonly<Record<WebhookSource, IntakeChannel>> = {
  12345: 'hotline_12345',
  grid: 'grid',
  court: 'court',
};
export const SECRET_ENV: Readonly<Record<WebhookSource, string>> = {
  12345: 'WEBHOOK_SECRET_12345',
  grid: 'WEBHOOK_SECRET_GRID',
  court: 'WEBHOOK_SECRET_COURT',
};
export const MIN_SECRET_LENGTH = 16;

/** Secret per source; null = that endpoint is disabled. */
export type WebhookSecrets = Readonly<Record<WebhookSource, string | null>>;
export const WEBHOOK_SECRETS = Symbol('WEBHOOK_SECRETS');

export function isWebhookSource(s: string): s is WebhookSource {
  return (WEBHOOK_SOURCES as readonly string[]).includes(s);
}

/** Reads the secrets once at boot; a secret shorter than 16 characters stops the process naming the variable. */
export function loadWebhookSecrets(env: NodeJS.ProcessEnv = process.env): WebhookSecrets {
  const e = readEnv(env);
  return {
    12345: e.WEBHOOK_SECRET_12345 ?? null,
    grid: e.WEBHOOK_SECRET_GRID ?? null,
    court: e.WEBHOOK_SECRET_COURT ?? null,
  };
}
