export { NotificationsModule } from './notifications.module';
export { NotificationService, OUTBOX_DELIVER_JOB, notificationView } from './notification.service';
export type { NotifyInput } from './notification.service';
export { OutboxService, OUTBOX_MAX_ATTEMPTS, DeliveryRetry } from './outbox.service';
