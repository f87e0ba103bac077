import { ConfigError } from '@tiaojie/core';
import { createSmsSender } from './sms-delivery.module';
import { HttpSmsSender } from './http-sms.sender';
import { loadSmsDeliverySettings } from './sms-delivery.settings';

describe('SMS delivery settings (validated at boot)', () => {
  it('defaults to the development log sender with 5 attempts', () => {
    const s = loadSmsDeliverySettings({});
    expect(s).toEqual({ provider: 'log', http: null, maxAttempts: 5, retryDelaySeconds: 30 });
    expect(createSmsSender(s)).toBeNull();
  });

  it('selects the HTTP provider with its URL and token', () => {
    const s = loadSmsDeliverySettings({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'https://sms.example.gov.cn/send',
      SMS_HTTP_TOKEN: 'secret-token',
      OUTBOX_MAX_ATTEMPTS: '8',
    });
    expect(s.http).toEqual({
      url: 'https://sms.example.gov.cn/send',
      token: 'secret-token',
      timeoutMs: 10000,
    });
    expect(s.maxAttempts).toBe(8);
    expect(createSmsSender(s)).toBeInstanceOf(HttpSmsSender);
  });

  it.each([
    [{ SMS_PROVIDER: 'aliyun' }, 'SMS_PROVIDER'],
    [{ SMS_PROVIDER: 'http', SMS_HTTP_TOKEN: 'secret-token' }, 'SMS_HTTP_URL'],
    [{ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'ftp://x', SMS_HTTP_TOKEN: 'secret-token' }, 'SMS_HTTP_URL'],
    [{ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms' }, 'SMS_HTTP_TOKEN'],
    [
      {
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: 'http://127.0.0.1:9/sms',
        SMS_HTTP_TOKEN: 'secret-token',
        SMS_HTTP_TIMEOUT_MS: '5',
      },
      'SMS_HTTP_TIMEOUT_MS',
    ],
    [{ OUTBOX_MAX_ATTEMPTS: '0' }, 'OUTBOX_MAX_ATTEMPTS'],
    [{ OUTBOX_RETRY_DELAY_SECONDS: 'soon' }, 'OUTBOX_RETRY_DELAY_SECONDS'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadSmsDeliverySettings(env)).toThrow(ConfigError);
    expect(() => loadSmsDeliverySettings(env)).toThrow(name);
  });
});
