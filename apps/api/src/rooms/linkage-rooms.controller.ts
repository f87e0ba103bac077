import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@tiaojie/core';
import { LinkageRoomService, MinutesService } from '@tiaojie/rooms';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { attachmentDisposition } from './content-disposition';
import {
  CreateLinkageRoomDto,
  ExportQueryDto,
  InviteDto,
  MembersQueryDto,
  MinutesDto,
  RemoveQueryDto,
} from './rooms.dto';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Court–government linkage rooms (府院联动): create, members (by person or organisation), minutes and their export. */
@ApiTags('linkage rooms')
@ApiBearerAuth()
@Controller('rooms')
export class LinkageRoomsController {
  constructor(
    private readonly linkage: LinkageRoomService,
    private readonly minutes: MinutesService,
  ) {}

  @Post('linkage')
  @Roles(Role.DistrictAdmin, Role.Judge, Role.CourtClerk, Role.Official)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLinkageRoomDto) {
    return this.linkage.create(actor, dto);
  }

  @Get('linkage/:id')
  detail(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.linkage.detail(actor, id);
  }

  @Get(':id/members')
  members(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() q: MembersQueryDto) {
    return this.linkage.listMembers(actor, id, q.includeRemoved === 'true');
  }

  @Post(':id/members')
  @HttpCode(200)
  invite(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: InviteDto) {
    return this.linkage.invite(actor, id, dto);
  }

  /** Removes a member; their open sockets leave the room at once and get `room:removed`. */
  @Delete(':id/members/:userId')
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Query() q: RemoveQueryDto,
  ) {
    return this.linkage.remove(actor, id, { userId }, q.reason);
  }

  /** Removes every member who belongs to an organisation. */
  @Delete(':id/orgs/:orgId')
  removeOrg(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('orgId', uuid) orgId: string,
    @Query() q: RemoveQueryDto,
  ) {
    return this.linkage.remove(actor, id, { orgId }, q.reason);
  }

  @Post(':id/minutes')
  @HttpCode(201)
  record(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: MinutesDto) {
    return this.minutes.record(actor, id, dto);
  }

  @Get(':id/minutes')
  list(@CurrentActor() actor: Actor, @Param('id', uuid) id: string) {
    return this.minutes.list(actor, id);
  }

  /** Minutes as a download: Markdown (default), CSV (UTF-8 with BOM) or PDF. */
  @Get(':id/minutes/export')
  @Header('Cache-Control', 'no-store')
  async export(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() q: ExportQueryDto) {
    const file = await this.minutes.export(actor, id, q.format ?? 'md');
    return new StreamableFile(file.data, {
      type: file.contentType,
      length: file.data.length,
      disposition: attachmentDisposition(file.fileName),
    });
  }
}
