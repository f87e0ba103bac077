import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { uuid } from '../common/uuid.pipe';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UserActor, Role } from '@tiaojie/core';
import { HeldRegistrationService } from '@tiaojie/cases';
import { DuplicateReviewService, ImportReportService, IntakeUploadService } from '@tiaojie/intake';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { storeImportUpload } from './import-upload.reader';
import { create as contentDisposition } from 'content-disposition';
import { DuplicateDecisionDto, DuplicateQueryDto, ListQueryDto } from './intake.dto';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { DuplicateDecision, DuplicateReview, ImportRun, ImportSummary } from './intake.response.dto';

/** District admins: upload exports (progress on the socket as `import:progress`), runs, error reports, duplicate review. */
@ApiTags('intake')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('intake')
@Roles(Role.DistrictAdmin)
export class IntakeController {
  constructor(
    private readonly uploads: IntakeUploadService,
    private readonly reports: ImportReportService,
    private readonly reviews: DuplicateReviewService,
    private readonly held: HeldRegistrationService,
  ) {}

  /** multipart/form-data with one `file` part (12345 CSV, grid CSV or court XLSX); answers when the import is done. */
  @ApiOperation({ summary: '上传导入文件' })
  @ApiOkResponse({ type: ImportSummary })
  @ApiErrors(413, 415)
  @Post('imports')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  async upload(@CurrentActor() actor: UserActor, @Req() req: FastifyRequest) {
    const file = await storeImportUpload(req);
    try {
      return await this.uploads.importUpload(actor, file.path, file.fileName);
    } finally {
      await file.cleanup();
    }
  }

  @ApiOperation({ summary: '导入记录' })
  @ApiOkResponse({ type: [ImportRun] })
  @Get('imports')
  runs(@Query() q: ListQueryDto) {
    return this.reports.list(q.limit ? Number(q.limit) : 50);
  }

  @ApiOperation({ summary: '导入详情' })
  @ApiOkResponse({ type: ImportRun })
  @Get('imports/:id')
  run(@Param('id', uuid) id: string) {
    return this.reports.run(id);
  }

  /** The run's rejected rows (line, column, reason) as CSV (UTF-8 with BOM). */
  @ApiOperation({ summary: '导入错误报告 CSV' })
  @ApiFile('text/csv')
  @Get('imports/:id/errors.csv')
  async errors(@Param('id', uuid) id: string, @Res() reply: FastifyReply) {
    const csv = await this.reports.errorReportCsv(id);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`导入错误报告-${id.slice(0, 8)}.csv`))
      .send(csv);
  }

  @ApiOperation({ summary: '疑似重复' })
  @ApiOkResponse({ type: [DuplicateReview] })
  @Get('duplicates')
  duplicates(@CurrentActor() actor: UserActor, @Query() q: DuplicateQueryDto) {
    return this.reviews.list(
      actor,
      q.status === 'all' ? null : (q.status ?? 'pending'),
      q.limit ? Number(q.limit) : 100,
    );
  }

  @ApiOperation({ summary: '处理疑似重复' })
  @ApiOkResponse({ type: DuplicateDecision })
  @Post('duplicates/:id/decision')
  @HttpCode(200)
  async decide(
    @CurrentActor() actor: UserActor,
    @Param('id', uuid) id: string,
    @Body() dto: DuplicateDecisionDto,
  ) {
    // a live registration held as a probable repeat is decided by the cases domain; imported pairs by the import's
    return (
      (await this.held.decide(actor, id, dto.decision, dto.note)) ??
      this.reviews.decide(actor, id, dto.decision, dto.note)
    );
  }
}
