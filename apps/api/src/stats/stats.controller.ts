import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, DomainError, Role } from '@tiaojie/core';
import {
  AnnualReportService,
  DashboardService,
  EarlyWarningService,
  ReportDocumentService,
} from '@tiaojie/stats';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { create as contentDisposition } from 'content-disposition';
import { DashboardQueryDto, WarningQueryDto } from './stats.dto';
import { ApiErrors, ApiFile } from '../common/api-docs.decorators';
import { AnnualReport } from './stats-report.response.dto';
import { DashboardSeries, DashboardSummary, EarlyWarnings } from './stats.response.dto';

function year(text: string): number {
  if (!/^\d{4}$/.test(text)) throw DomainError.validation('年份格式应为四位数字', { field: 'year' });
  return Number(text);
}

async function download(reply: FastifyReply, body: Buffer, type: string, name: string): Promise<void> {
  await reply.header('content-type', type).header('content-disposition', contentDisposition(name)).send(body);
}

/** Statistics for the dashboard and the annual report (district admins; body admins: their own body). */
@ApiTags('stats')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404, 409)
@Controller('stats')
export class StatsController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly reports: AnnualReportService,
    private readonly documents: ReportDocumentService,
    private readonly warnings: EarlyWarningService,
  ) {}

  @ApiOperation({ summary: '统计概览' })
  @ApiOkResponse({ type: DashboardSummary })
  @Get('summary')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  summary(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto) {
    return this.dashboard.summary(actor, q);
  }

  @ApiOperation({ summary: '统计趋势' })
  @ApiOkResponse({ type: DashboardSeries })
  @Get('series')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  series(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto) {
    return this.dashboard.series(actor, q);
  }

  @ApiOperation({ summary: '矛盾预警' })
  @ApiOkResponse({ type: EarlyWarnings })
  @Get('warnings')
  @Roles(Role.DistrictAdmin, Role.BodyAdmin)
  flags(@CurrentActor() actor: Actor, @Query() q: WarningQueryDto) {
    return this.warnings.flags(actor, {
      asOf: q.asOf,
      windowDays: q.windowDays ? Number(q.windowDays) : undefined,
    });
  }

  @ApiOperation({ summary: '年度报告' })
  @ApiOkResponse({ type: AnnualReport })
  @Get('reports/:year')
  @Roles(Role.DistrictAdmin)
  async report(@Param('year') y: string) {
    const r = await this.reports.report(year(y));
    return { ...r, text: this.documents.text(r) };
  }

  @ApiOperation({ summary: '年度报告 Excel' })
  @ApiFile('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Get('reports/:year/report.xlsx')
  @Roles(Role.DistrictAdmin)
  async xlsx(@Param('year') y: string, @Res() reply: FastifyReply) {
    await download(
      reply,
      await this.documents.xlsx(year(y)),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await this.documents.fileName(year(y), 'xlsx'),
    );
  }

  @ApiOperation({ summary: '年度报告 PDF' })
  @ApiFile('application/pdf')
  @Get('reports/:year/report.pdf')
  @Roles(Role.DistrictAdmin)
  async pdf(@Param('year') y: string, @Res() reply: FastifyReply) {
    const body = await this.documents.pdf(year(y));
    await download(reply, body, 'application/pdf', await this.documents.fileName(year(y), 'pdf'));
  }

  /** The CSV behind a table of the report: summary, sources, streets, categories, mediation, bodies. */
  @ApiOperation({ summary: '年度报告表格 CSV' })
  @ApiFile('text/csv')
  @Get('reports/:year/tables/:table.csv')
  @Roles(Role.DistrictAdmin)
  async csv(@Param('year') y: string, @Param('table') table: string, @Res() reply: FastifyReply) {
    await download(
      reply,
      await this.documents.csv(year(y), table),
      'text/csv; charset=utf-8',
      await this.documents.fileName(year(y), 'csv', table),
    );
  }
}
