import { createHmac } from 'node:crypto';
import { checkWebhookSignature, signWebhook } from './webhook-signature';

const secret = 'a-very-long-webhook-secret';
const body = Buffer.from('{"工单编号":"SW1"}');
const now = new Date('2024-06-03T02:00:00Z');
const ts = String(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<raw body>", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`sha256=${expected}`);
  });

  it('accepts a fresh, correctly signed request', () => {
    expect(
      checkWebhookSignature({
        secret,
        timestamp: ts,
        signature: signWebhook(secret, ts, body),
        rawBody: body,
        now,
      }),
    ).toBeNull();
  });

  it('refuses a changed body, another secret, a missing or malformed header', () => {
    const sig = signWebhook(secret, ts, body);
    expect(
      checkWebhookSignature({
        secret,
        timestamp: ts,
        signature: sig,
        rawBody: Buffer.from('{"工单编号":"SW2"}'),
        now,
      }),
    ).toBe('bad-signature');
    expect(
      checkWebhookSignature({ secret: `${secret}x`, timestamp: ts, signature: sig, rawBody: body, now }),
    ).toBe('bad-signature');
    expect(checkWebhookSignature({ secret, timestamp: undefined, signature: sig, rawBody: body, now })).toBe(
      'missing-signature',
    );
    expect(checkWebhookSignature({ secret, timestamp: ts, signature: undefined, rawBody: body, now })).toBe(
      'missing-signature',
    );
    expect(
      checkWebhookSignature({ secret, timestamp: '2024-06-03', signature: sig, rawBody: body, now }),
    ).toBe('bad-timestamp');
    expect(
      checkWebhookSignature({ secret, timestamp: ts, signature: 'sha256=short', rawBody: body, now }),
    ).toBe('bad-signature');
  });

  it('refuses timestamps more than 5 minutes away (replays), either way', () => {
    const at = (s: number) => String(now.getTime() / 1000 + s);
    for (const skew of [-301, 301]) {
      expect(
        checkWebhookSignature({
          secret,
          timestamp: at(skew),
          signature: signWebhook(secret, at(skew), body),
          rawBody: body,
          now,
        }),
      ).toBe('stale-timestamp');
    }
    expect(
      checkWebhookSignature({
        secret,
        timestamp: at(-300),
        signature: signWebhook(secret, at(-300), body),
        rawBody: body,
        now,
      }),
    ).toBeNull();
  });
});
