import { DynamicModule, Module } from '@nestjs/common';
import { SmsSender } from '@tiaojie/auth';
import { HttpSmsSender } from './http-sms.sender';
import {
  loadSmsDeliverySettings,
  SMS_DELIVERY_SETTINGS,
  type SmsDeliverySettings,
} from './sms-delivery.settings';

/** The sender the outbox uses instead of the auth module's (development log) sender; null = keep that one. */
export const OUTBOX_SMS_SENDER = Symbol('OUTBOX_SMS_SENDER');

export function createSmsSender(settings: SmsDeliverySettings): SmsSender | null {
  return settings.provider === 'http' && settings.http ? new HttpSmsSender(settings.http) : null;
}

/**
 * Outbox delivery configuration for the process that delivers (the worker): provider, attempts, retry delay.
 * Global; `sender` overrides the configured provider (tests pass a sender aimed at a fake server).
 */
@Module({})
export class SmsDeliveryModule {
  static forRoot(
    settings: SmsDeliverySettings = loadSmsDeliverySettings(),
    sender?: SmsSender,
  ): DynamicModule {
    return {
      module: SmsDeliveryModule,
      global: true,
      providers: [
        { provide: SMS_DELIVERY_SETTINGS, useValue: settings },
        { provide: OUTBOX_SMS_SENDER, useValue: sender ?? createSmsSender(settings) },
      ],
      exports: [SMS_DELIVERY_SETTINGS, OUTBOX_SMS_SENDER],
    };
  }
}
