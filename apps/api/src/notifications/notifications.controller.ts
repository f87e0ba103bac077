import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@tiaojie/core';
import { NotificationService, OutboxService } from '@tiaojie/notifications';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { DeadLetterQueryDto, InboxQueryDto } from './notifications.dto';

const uuid = new ParseUUIDPipe();

/** The signed-in user's own inbox (new ones are pushed live as `notification:new` on `user:<id>`). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  inbox(@CurrentActor() actor: Actor, @Query() q: InboxQueryDto) {
    return this.notifications.inbox(actor, {
      limit: q.limit ? Number(q.limit) : undefined,
      unreadOnly: q.unread === 'true',
      before: q.before ? new Date(q.before) : undefined,
    });
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  /** Someone else's notification is answered 404, as if it did not exist. */
  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    await this.notifications.markRead(actor, id);
    return { id, read: true };
  }
}

/** SMS that could not be delivered after every attempt, and putting them back in the queue. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxService) {}

  @Get('dead')
  @Roles(Role.DistrictAdmin)
  dead(@CurrentActor() actor: Actor, @Query() q: DeadLetterQueryDto) {
    return this.outbox.deadLetters(actor, q.limit ? Number(q.limit) : undefined);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin)
  retry(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.outbox.retry(actor, id);
  }
}
