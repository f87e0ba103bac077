import { Module } from '@nestjs/common';
import { NotificationsModule } from '@tiaojie/notifications';
import { NotificationsController, OutboxAdminController } from './notifications.controller';

@Module({ imports: [NotificationsModule], controllers: [NotificationsController, OutboxAdminController] })
export class NotificationsApiModule {}
