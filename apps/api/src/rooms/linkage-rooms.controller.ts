import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserActor, Role } from '@tiaojie/core';
import { LinkageRoomService, MinutesService } from '@tiaojie/rooms';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { create as contentDisposition } from 'content-disposition';
import {
  CreateLinkageRoomDto,
  ExportQueryDto,
  InviteDto,
  MembersQueryDto,
  MinutesDto,
  RemoveQueryDto,
} from './rooms.dto';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import {
  InviteResult,
  LinkageRoom,
  LinkageRoomMember,
  MessagePosted,
  MessageView,
  RemoveResult,
} from './rooms.response.dto';

/** Court–government linkage rooms (府院联动): create, members (by person or organisation), minutes and their export. */
@ApiTags('linkage rooms')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('rooms')
export class LinkageRoomsController {
  constructor(
    private readonly linkage: LinkageRoomService,
    private readonly minutes: MinutesService,
  ) {}

  @ApiOperation({ summary: '创建府院联动室' })
  @ApiCreatedResponse({ type: LinkageRoom })
  @Post('linkage')
  @Roles(Role.DistrictAdmin, Role.Judge, Role.CourtClerk, Role.Official)
  create(@CurrentActor() actor: UserActor, @Body() dto: CreateLinkageRoomDto) {
    return this.linkage.create(actor, dto);
  }

  @ApiOperation({ summary: '联动室详情' })
  @ApiOkResponse({ type: LinkageRoom })
  @Get('linkage/:id')
  detail(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.linkage.detail(actor, id);
  }

  @ApiOperation({ summary: '联动室成员' })
  @ApiOkResponse({ type: [LinkageRoomMember] })
  @Get(':id/members')
  members(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Query() q: MembersQueryDto) {
    return this.linkage.listMembers(actor, id, q.includeRemoved === 'true');
  }

  @ApiOperation({ summary: '邀请成员' })
  @ApiOkResponse({ type: InviteResult })
  @Post(':id/members')
  @HttpCode(200)
  invite(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: InviteDto) {
    return this.linkage.invite(actor, id, dto);
  }

  /** Removes a member; their open sockets leave the room at once and get `room:removed`. */
  @ApiOperation({ summary: '移除成员' })
  @ApiOkResponse({ type: RemoveResult })
  @Delete(':id/members/:userId')
  remove(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Query() q: RemoveQueryDto,
  ) {
    return this.linkage.remove(actor, id, { userId }, q.reason);
  }

  /** Removes every member who belongs to an organisation. */
  @ApiOperation({ summary: '移除机构成员' })
  @ApiOkResponse({ type: RemoveResult })
  @Delete(':id/orgs/:orgId')
  removeOrg(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Param('orgId', uuid) orgId: string,
    @Query() q: RemoveQueryDto,
  ) {
    return this.linkage.remove(actor, id, { orgId }, q.reason);
  }

  @ApiOperation({ summary: '记录会议纪要' })
  @ApiCreatedResponse({ type: MessagePosted })
  @Post(':id/minutes')
  @HttpCode(201)
  record(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Body() dto: MinutesDto) {
    return this.minutes.record(actor, id, dto);
  }

  @ApiOperation({ summary: '会议纪要' })
  @ApiOkResponse({ type: [MessageView] })
  @Get(':id/minutes')
  list(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    return this.minutes.list(actor, id);
  }

  /** Minutes as a download: Markdown (default), CSV (UTF-8 with BOM) or PDF. */
  @ApiOperation({ summary: '导出会议纪要' })
  @ApiFile('text/markdown', 'text/csv', 'application/pdf')
  @Get(':id/minutes/export')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string, @Query() q: ExportQueryDto) {
    const file = await this.minutes.export(actor, id, q.format ?? 'md');
    return new StreamableFile(file.data, {
      type: file.contentType,
      length: file.data.length,
      disposition: contentDisposition(file.fileName),
    });
  }
}
