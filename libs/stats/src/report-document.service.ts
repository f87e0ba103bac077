import { Injectable } from '@nestjs/common';
import { DomainError } from '@tiaojie/core';
import { renderReportPdf, renderReportXlsx, toCsv, type ReportSheet } from '@tiaojie/documents';
import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { AnnualReportService } from './annual-report.service';
import {
  REPORT_TABLE_IDS,
  reportParagraphs,
  reportTables,
  type ReportTableId,
} from './report-document.builder';
import type { AnnualReport } from './stats.types';

const categoryLabel = (code: string) => (DISPUTE_CATEGORIES as Record<string, string>)[code] ?? code;

function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

/** The annual report as documents: XLSX (one sheet per table), PDF (text + tables), CSV per table. */
@Injectable()
export class ReportDocumentService {
  constructor(private readonly reports: AnnualReportService) {}

  title(year: number): string {
    return `${year}年度矛盾纠纷多元化解工作统计`;
  }

  /** The file a download is saved as: the report's Chinese title (a table's CSV adds the table's title). */
  async fileName(year: number, ext: 'pdf' | 'xlsx' | 'csv', table?: string): Promise<string> {
    if (!table) return `${this.title(year)}.${ext}`;
    const t = reportTables(await this.reports.report(year), categoryLabel)[table as ReportTableId];
    return `${this.title(year)}-${(t?.title ?? '统计表').replace(/[\\/:*?"<>|]/g, '')}.${ext}`;
  }

  text(r: AnnualReport): string[] {
    return reportParagraphs(r, categoryLabel);
  }

  async xlsx(year: number): Promise<Buffer> {
    const r = await this.reports.report(year);
    const tables = reportTables(r, categoryLabel);
    const sheets: ReportSheet[] = [
      { name: '统计说明', columns: [this.title(year)], rows: this.text(r).map((p) => [p]) },
      ...REPORT_TABLE_IDS.map((id) => ({
        name: sheetName(tables[id].title),
        columns: tables[id].columns,
        rows: tables[id].rows,
      })),
    ];
    return renderReportXlsx({ sheets });
  }

  async pdf(year: number): Promise<Buffer> {
    const r = await this.reports.report(year);
    const tables = reportTables(r, categoryLabel);
    return renderReportPdf({
      title: this.title(year),
      subtitle: `数据截至 ${r.generatedAt.slice(0, 10)}（由平台数据自动生成）`,
      paragraphs: this.text(r),
      tables: REPORT_TABLE_IDS.map((id) => tables[id]),
    });
  }

  async csv(year: number, table: string): Promise<Buffer> {
    if (!(REPORT_TABLE_IDS as readonly string[]).includes(table)) {
      throw DomainError.validation(`未知的统计表 ${table}`, {
        field: 'table',
      });
    }
    const t = reportTables(await this.reports.report(year), categoryLabel)[table as ReportTableId];
    return toCsv(t.columns, t.rows);
  }
}
