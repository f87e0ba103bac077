import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '@tiaojie/core';
import { CaseRoomService } from '@tiaojie/cases';
import { CurrentActor } from '../common/auth.decorators';
import { HistoryQueryDto } from './case.dto';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: CaseRoomService) {}

  /** History pages, newest last; pass the smallest seq you hold as beforeSeq for the previous page. */
  @Get(':id/messages')
  history(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: HistoryQueryDto) {
    return this.rooms.history(actor, id, q.beforeSeq ? Number(q.beforeSeq) : undefined, q.limit ? Number(q.limit) : undefined);
  }
}
