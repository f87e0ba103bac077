import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { AuthModule } from '@tiaojie/auth';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { OutboxService } from './outbox.service';

@Module({
  imports: [AuthModule, AuditModule],
  providers: [NotificationRepository, NotificationService, OutboxService],
  exports: [NotificationService, OutboxService],
})
export class NotificationsModule {}
