import { Logger } from '@nestjs/common';
import { SmsSender } from '@tiaojie/auth';
import { maskPhone } from '@tiaojie/personal-data';

/**
 * A real SMS provider behind HTTP: POST {phone, text, outId} as JSON with a bearer token and an Idempotency-Key
 * header (the outbox row id: the same for every attempt, so a resend after a crash is deduplicated by the
 * provider); any 2xx is accepted,
 * anything else (or a timeout) throws, so the outbox retries and eventually dead-letters the message.
 * A vendor SDK (Aliyun, Tencent Cloud) plugs in the same way: another SmsSender subclass.
 */
export class HttpSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  constructor(private readonly opts: { url: string; token: string; timeoutMs: number }) {
    super();
  }

  async send(phone: string, text: string, opts: { idempotencyKey?: string } = {}): Promise<void> {
    const key = opts.idempotencyKey;
    let res: Response;
    try {
      res = await fetch(this.opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.opts.token}`,
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(key ? { phone, text, outId: key } : { phone, text }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      throw new Error(`SMS provider unreachable: ${(err as Error)?.message ?? String(err)}`);
    }
    const answer = (await res.text().catch(() => '')).slice(0, 200);
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}${answer ? `: ${answer}` : ''}`);
    this.logger.log(`SMS to ${maskPhone(phone)} accepted by the provider`);
  }
}
