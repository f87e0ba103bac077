import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, UserActor } from '@tiaojie/core';
import { CallInvitationService, CallRecordService } from '@tiaojie/calls';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { fileResponse } from '../common/file-response';
import { uuid } from '../common/uuid.pipe';
import { CallInvitationDto } from './calls.dto';
import { CallInvitation, CallInvitationList, CallRecord, InvitableStaff } from './calls.response.dto';

/** The audio/video side of an online session: invitations, its record and recordings. Signalling is on the socket. */
@ApiTags('sessions and agreements')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('cases/:id/sessions/:sessionId')
export class CallsController {
  constructor(
    private readonly invitations: CallInvitationService,
    private readonly records: CallRecordService,
  ) {}

  @ApiOperation({ summary: '邀请工作人员参加视频调解' })
  @ApiOkResponse({ type: CallInvitation })
  @Post('call-invitations')
  @HttpCode(200)
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  invite(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() dto: CallInvitationDto,
  ) {
    return this.invitations.invite(actor, id, sessionId, dto.userId);
  }

  @ApiOperation({ summary: '视频调解的受邀人员' })
  @ApiOkResponse({ type: CallInvitationList })
  @Get('call-invitations')
  listInvitations(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
  ) {
    return this.invitations.list(actor, id, sessionId);
  }

  @ApiOperation({ summary: '可邀请参加视频调解的工作人员' })
  @ApiOkResponse({ type: InvitableStaff })
  @Get('call-invitees')
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.Official)
  invitees(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
  ) {
    return this.invitations.invitees(actor, id, sessionId);
  }

  @ApiOperation({ summary: '视频调解记录（参加人员、方式切换、录像）' })
  @ApiOkResponse({ type: CallRecord })
  @Get('call-record')
  record(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
  ) {
    return this.records.record(actor, id, sessionId);
  }

  @ApiOperation({ summary: '导出视频调解笔录（PDF）' })
  @ApiFile('application/pdf')
  @Get('call-record.pdf')
  async recordPdf(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
  ) {
    const file = await this.records.pdf(actor, id, sessionId);
    return fileResponse(file.data, { type: 'application/pdf', fileName: file.fileName });
  }

  /** The case's staff and parties only; every download is audited. */
  @ApiOperation({ summary: '下载调解录像' })
  @ApiFile('video/webm')
  @Get('recordings/:recordingId')
  async download(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('sessionId', uuid) sessionId: string,
    @Param('recordingId', uuid) recordingId: string,
  ) {
    const file = await this.records.download(actor, id, sessionId, recordingId);
    return fileResponse(file.stream, { type: 'video/webm', fileName: file.fileName, length: file.size });
  }
}
