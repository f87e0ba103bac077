import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UserActor, DomainError } from '@tiaojie/core';
import { CaseRoomService } from '@tiaojie/cases';
import { CurrentActor } from '../common/auth.decorators';
import { create as contentDisposition } from 'content-disposition';
import { readUpload } from './multipart-upload';
import { HistoryQueryDto, ReadDto } from './rooms.dto';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { MessagePosted, MessageView, MyRooms, ReadMark, ReadReceipt } from './rooms.response.dto';

/** Room HTTP: history pages, read receipts, evidence attachments, my rooms. Access is decided in the domain per room. */
@ApiTags('rooms')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: CaseRoomService) {}

  /** Case rooms (parties: their cases; mediators and body admins: their body's open cases) and linkage rooms, with unread counts. */
  @ApiOperation({ summary: '我的房间' })
  @ApiOkResponse({ type: MyRooms })
  @Get('mine')
  mine(@CurrentActor() actor: UserActor) {
    return this.rooms.mine(actor);
  }

  /** History pages, oldest first: `beforeSeq` = the smallest seq you hold (previous page), or `afterSeq` = what you missed. */
  @ApiOperation({ summary: '消息记录' })
  @ApiOkResponse({ type: [MessageView] })
  @Get(':id/messages')
  history(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Query() q: HistoryQueryDto) {
    if (q.beforeSeq !== undefined && q.afterSeq !== undefined)
      throw DomainError.validation('向前或向后翻页只能二选一', { field: 'afterSeq' });
    return this.rooms.history(
      actor,
      id,
      q.beforeSeq ? Number(q.beforeSeq) : undefined,
      q.limit ? Number(q.limit) : undefined,
      q.afterSeq !== undefined ? Number(q.afterSeq) : undefined,
    );
  }

  @ApiOperation({ summary: '已读回执' })
  @ApiOkResponse({ type: [ReadReceipt] })
  @Get(':id/reads')
  reads(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.rooms.reads(actor, id);
  }

  @ApiOperation({ summary: '标记已读位置' })
  @ApiOkResponse({ type: ReadMark })
  @Post(':id/reads')
  @HttpCode(200)
  markRead(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: ReadDto) {
    return this.rooms.markRead(actor, id, dto.seq);
  }

  /** Evidence upload (multipart/form-data: `file` + `clientMsgId`): images, PDF, Office files up to 10 MB, type checked by content. */
  @ApiOperation({ summary: '上传证据附件' })
  @ApiCreatedResponse({ type: MessagePosted })
  @ApiErrors(413, 415)
  @Post(':id/attachments')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  async upload(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Req() req: FastifyRequest) {
    return this.rooms.upload(actor, id, await readUpload(req));
  }

  /** Download by room members only (others: 404); every download is audited. */
  @ApiOperation({ summary: '下载附件' })
  @ApiFile('application/octet-stream')
  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ) {
    const file = await this.rooms.download(actor, id, attachmentId);
    return new StreamableFile(file.stream, {
      type: file.mime,
      length: file.size,
      disposition: contentDisposition(file.fileName),
    });
  }
}
