import { Injectable } from '@nestjs/common';
import { DomainError } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { toCsv, type ReportCell } from '@tiaojie/documents';
import { ImportRunRepository, type ImportRunRow } from './import-run.repository';

export const ERROR_REPORT_COLUMNS = ['行号', '列', '原因代码', '原因', '来源编号', '全部问题'];
const PAGE = 5000;

/** Import runs as staff see them, and the error report (CSV) of a run's rejected rows. */
@Injectable()
export class ImportReportService {
  constructor(
    private readonly db: DbService,
    private readonly runs: ImportRunRepository,
  ) {}

  list(limit = 50): Promise<ImportRunRow[]> {
    return this.runs.list(this.db.db, Math.min(Math.max(limit, 1), 500));
  }

  async run(runId: string): Promise<ImportRunRow> {
    const run = await this.runs.byId(this.db.db, runId);
    if (!run) throw DomainError.notFound('import run', runId);
    return run;
  }

  /** UTF-8 CSV with BOM (Excel opens it), one line per rejected row in line order. */
  async errorReportCsv(runId: string): Promise<Buffer> {
    await this.run(runId);
    const rows: ReportCell[][] = [];
    for (let after = 0; ;) {
      const page = await this.runs.rejections(this.db.db, runId, after, PAGE);
      for (const r of page) {
        const issues = (r.issues as { message: string }[]).map((i) => i.message).join('；');
        rows.push([r.line, r.column, r.reason, r.message, r.sourceId, issues]);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].line;
    }
    return toCsv(ERROR_REPORT_COLUMNS, rows);
  }
}
