/**
 * npm run -s import -- [--json] [--mapping <mapping.json>] [--encoding <enc>] <file>
 *
 * Imports a 12345 / grid / court export into the database the server uses (DATA_DIR or DATABASE_URL).
 * With --json the last stdout line is {"file","format","rows","created","updated","unchanged","rejected":[…]};
 * without it a summary in Chinese and the path of the error report (CSV, written to IMPORT_REPORT_DIR or the system
 * temp folder; also downloadable at GET /api/intake/imports/:id/errors.csv). Progress on stderr when it is a terminal.
 * Exit codes: 0 imported (rows may have been rejected), 1 the file could not be imported, 2 bad arguments.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DomainError, readEnv, SYSTEM_ACTOR } from '@tiaojie/core';
import { parseColumnMapping, type TextEncoding } from '@tiaojie/intake-parsers';
import { ImportReportService, IntakeImportService, IntakeModule, type ImportSummary } from '@tiaojie/intake';
import { openCliContext, parseArgs, userPath } from './cli-context';
import { ProgressBar } from './progress-bar';

const USAGE =
  'usage: npm run -s import -- [--json] [--mapping <mapping.json>] [--encoding utf-8|gb18030] <file>';
const FORMAT_LABEL: Record<string, string> = {
  'work-order': '12345工单',
  'grid-report': '网格上报事件',
  'court-referral': '法院诉前委派案件',
};

function humanSummary(s: ImportSummary, reportPath: string | null): string {
  const lines = [
    `导入文件：${s.file}（${FORMAT_LABEL[s.format] ?? s.format}）`,
    `数据行 ${s.rows} 行：新增 ${s.created}，更新 ${s.updated}，未变化 ${s.unchanged}，拒绝 ${s.rejected.length}。`,
    `新建纠纷 ${s.disputesCreated} 件（状态“已受理”，待分派），跨渠道关联 ${s.linked} 条，待人工复核的疑似重复 ${s.queuedForReview} 对。`,
    `用时 ${(s.durationMs / 1000).toFixed(1)} 秒，导入批次 ${s.runId}。`,
  ];
  lines.push(reportPath ? `错误报告：${reportPath}` : '没有被拒绝的行。');
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['json', 'help'], ['mapping', 'encoding']);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.flags.has('help') || args.positional.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return args.flags.has('help') ? 0 : 2;
  }
  const [file] = args.positional;
  const full = userPath(file);
  if (!existsSync(full)) {
    process.stderr.write(`文件不存在：${file}\n`);
    return 2;
  }
  const mappingFile = args.options.get('mapping');
  const read = {
    ...(mappingFile
      ? { mappings: [parseColumnMapping(JSON.parse(readFileSync(userPath(mappingFile), 'utf8')))] }
      : {}),
    ...(args.options.get('encoding') ? { encoding: args.options.get('encoding') as TextEncoding } : {}),
  };

  const ctx = await openCliContext([IntakeModule]);
  const bar = new ProgressBar();
  try {
    const summary = await ctx.app.get(IntakeImportService).importFile(full, {
      actor: { ...SYSTEM_ACTOR, name: '命令行导入' },
      origin: 'cli',
      fileName: file,
      read,
      onProgress: (p) =>
        bar.update(
          p.rows,
          p.total,
          `新增 ${p.created} 更新 ${p.updated} 未变 ${p.unchanged} 拒绝 ${p.rejected}`,
          p.status !== 'running',
        ),
    });
    bar.done();
    let reportPath: string | null = null;
    if (summary.rejected.length > 0) {
      // Not inside DATA_DIR (that is PGlite's own data folder): IMPORT_REPORT_DIR, else the system temp folder.
      const reportDir = readEnv(process.env).IMPORT_REPORT_DIR;
      const dir = reportDir ? userPath(reportDir) : path.join(tmpdir(), 'tiaojie-import-reports');
      mkdirSync(dir, { recursive: true });
      reportPath = path.join(
        dir,
        `${path.basename(file).replace(/[^\w.\u4e00-\u9fff-]/g, '_')}.${summary.runId}.errors.csv`,
      );
      writeFileSync(reportPath, await ctx.app.get(ImportReportService).errorReportCsv(summary.runId));
    }
    if (args.flags.has('json')) {
      const { format, rows, created, updated, unchanged, rejected } = summary;
      process.stdout.write(
        `${JSON.stringify({ file, format, rows, created, updated, unchanged, rejected })}\n`,
      );
    } else {
      process.stdout.write(`${humanSummary(summary, reportPath)}\n`);
    }
    return 0;
  } catch (err) {
    bar.done();
    const message = err instanceof DomainError ? err.message : ((err as Error).stack ?? String(err));
    process.stderr.write(`导入失败 (import failed): ${message}\n`);
    return 1;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
