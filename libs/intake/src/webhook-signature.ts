/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${rawBody}` with the source's secret, hex,
 * sent as `X-Tiaojie-Signature: sha256=<hex>` beside `X-Tiaojie-Timestamp: <unix seconds>`.
 * A timestamp more than 5 minutes away from now (either way) is refused, so a captured request
 * cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-tiaojie-signature';
export const TIMESTAMP_HEADER = 'x-tiaojie-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing-signature' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature';

export function signWebhook(secret: string, timestamp: string | number, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export interface SignatureInput {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
  toleranceSeconds?: number;
}

/** null when the request is authentic and fresh, else what is wrong with it. */
export function checkWebhookSignature(input: SignatureInput): SignatureProblem | null {
  if (!input.signature || !input.timestamp) return 'missing-signature';
  if (!/^\d{9,12}$/.test(input.timestamp)) return 'bad-timestamp';
  const skew = Math.abs(input.now.getTime() / 1000 - Number(input.timestamp));
  if (skew > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return 'stale-timestamp';
  const expected = Buffer.from(signWebhook(input.secret, input.timestamp, input.rawBody));
  const given = Buffer.from(input.signature.trim());
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'bad-signature';
}
