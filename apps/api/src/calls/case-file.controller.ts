import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, UserActor } from '@tiaojie/core';
import { CaseFileService } from '@tiaojie/calls';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { fileResponse } from '../common/file-response';
import { uuid } from '../common/uuid.pipe';

/** The case file (卷宗) for the case's staff: the case, its sessions with their records and the agreement. */
@ApiTags('sessions and agreements')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('cases/:id')
export class CaseFileController {
  constructor(private readonly files: CaseFileService) {}

  @ApiOperation({ summary: '导出案件卷宗（PDF，含调解笔录与视频调解记录）' })
  @ApiFile('application/pdf')
  @Get('case-file.pdf')
  @Roles(Role.Mediator, Role.BodyAdmin, Role.Judge, Role.CourtClerk, Role.Official, Role.DistrictAdmin)
  async pdf(@CurrentActor() actor: UserActor, @Param('id', uuid) id: string) {
    const file = await this.files.pdf(actor, id);
    return fileResponse(file.data, {
      type: 'application/pdf',
      fileName: file.fileName,
      fallback: `case-file-${file.number}.pdf`,
    });
  }
}
