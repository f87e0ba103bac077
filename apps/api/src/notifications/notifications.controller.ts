import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import { NotificationService, OutboxService } from '@tiaojie/notifications';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { DeadLetterQueryDto, InboxQueryDto } from './notifications.dto';
import { ApiErrors } from '../common/api-docs.decorators';
import { Inbox, NotificationRead, OutboxItemView, ReadAllResult } from './notifications.response.dto';

/** The signed-in user's own inbox (new ones are pushed live as `notification:new` on `user:<id>`). */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @ApiOperation({ summary: '我的通知' })
  @ApiOkResponse({ type: Inbox })
  @Get()
  inbox(@CurrentActor() actor: UserActor, @Query() q: InboxQueryDto) {
    return this.notifications.inbox(actor, {
      limit: q.limit ? Number(q.limit) : undefined,
      unreadOnly: q.unread === 'true',
      before: q.before ? new Date(q.before) : undefined,
    });
  }

  @ApiOperation({ summary: '全部已读' })
  @ApiOkResponse({ type: ReadAllResult })
  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentActor() actor: UserActor) {
    return this.notifications.markAllRead(actor);
  }

  /** Someone else's notification is answered 404, as if it did not exist. */
  @ApiOperation({ summary: '标记已读' })
  @ApiOkResponse({ type: NotificationRead })
  @Post(':id/read')
  @HttpCode(200)
  async read(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    await this.notifications.markRead(actor, id);
    return { id, read: true };
  }
}

/** SMS that could not be delivered after every attempt, and putting them back in the queue. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxService) {}

  @ApiOperation({ summary: '发送失败的短信' })
  @ApiOkResponse({ type: [OutboxItemView] })
  @Get('dead')
  @Roles(Role.DistrictAdmin)
  dead(@CurrentActor() actor: UserActor, @Query() q: DeadLetterQueryDto) {
    return this.outbox.deadLetters(actor, q.limit ? Number(q.limit) : undefined);
  }

  @ApiOperation({ summary: '重新发送短信' })
  @ApiOkResponse({ type: OutboxItemView })
  @Post(':id/retry')
  @HttpCode(200)
  @Roles(Role.DistrictAdmin)
  retry(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.outbox.retry(actor, id);
  }
}
