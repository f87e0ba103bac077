import { Logger } from '@nestjs/common';

/** SMS as an injectable side effect; a real provider plugs in by configuration. */
export abstract class SmsSender {
  /**
   * Sends one text. `idempotencyKey`, when given, is the same for every attempt of one message: providers
   * that dedupe on it (Aliyun OutId, an Idempotency-Key header) deliver a retried message once.
   */
  abstract send(phone: string, text: string, opts?: { idempotencyKey?: string }): Promise<void>;
}

/** Development: writes the text to the log (the one-time code is read from there). */
export class LogSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');
  readonly sent: { phone: string; text: string }[] = [];

  async send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
    if (this.sent.length > 1000) this.sent.shift();
    this.logger.log(`SMS to ${phone}: ${text}`);
  }

  /** The latest code sent to a phone (development and tests only). */
  lastCode(phone: string): string | null {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      if (this.sent[i].phone === phone) return /(\d{6})/.exec(this.sent[i].text)?.[1] ?? null;
    }
    return null;
  }
}
