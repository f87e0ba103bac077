import { Module } from '@nestjs/common';
import { AuthModule } from '@tiaojie/auth';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { OutboxService } from './outbox.service';

@Module({ imports: [AuthModule], providers: [NotificationRepository, NotificationService, OutboxService], exports: [NotificationService, OutboxService] })
export class NotificationsModule {}
