export { NotificationsModule } from './notifications.module';
export {
  NotificationService,
  OUTBOX_DELIVER_JOB,
  OUTBOX_JOB_EXPIRE_SECONDS,
  notificationView,
} from './notification.service';
export type { NotifyInput } from './notification.service';
export { OutboxService, OUTBOX_MAX_ATTEMPTS } from './outbox.service';
export type { OutboxItemView } from './outbox.service';
export { HttpSmsSender } from './http-sms.sender';
export { SmsDeliveryModule, OUTBOX_SMS_SENDER, createSmsSender } from './sms-delivery.module';
export {
  DEFAULT_SMS_DELIVERY_SETTINGS,
  loadSmsDeliverySettings,
  SMS_DELIVERY_SETTINGS,
} from './sms-delivery.settings';
export type { SmsDeliverySettings } from './sms-delivery.settings';
export { caseNoticeText } from './case-notice.texts';
export type { CaseNoticeKind, NoticeAudience, NoticeFacts, NoticeText } from './case-notice.texts';
