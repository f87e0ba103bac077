/**
 * npm run -s report -- --year <YYYY> [--json] [--xlsx <file>] [--pdf <file>]
 *
 * The annual statistics from the database the server uses (DATA_DIR or DATABASE_URL). With --json the
 * last stdout line is the report object (rates as fractions rounded to 4 decimals); without it the
 * Chinese statistics section and the main tables. --xlsx / --pdf also write the documents.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { IntakeModule } from '@tiaojie/intake';
import {
  AnnualReportService,
  percent,
  REPORT_TABLE_IDS,
  ReportDocumentService,
  reportTables,
  StatsModule,
} from '@tiaojie/stats';
import { openCliContext, parseArgs, userPath } from './cli-context';

const USAGE = 'usage: npm run -s report -- --year <YYYY> [--json] [--xlsx <file>] [--pdf <file>]';

function table(title: string, columns: string[], rows: (string | number | null)[][]): string {
  const cells = [columns, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  return [`【${title}】`, line(cells[0]), ...cells.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), ['json', 'help'], ['year', 'xlsx', 'pdf']);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const y = args.options.get('year');
  if (args.flags.has('help') || !y || !/^\d{4}$/.test(y) || args.positional.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return args.flags.has('help') ? 0 : 2;
  }
  const year = Number(y);
  const ctx = await openCliContext([IntakeModule, StatsModule]);
  try {
    const report = await ctx.app.get(AnnualReportService).report(year);
    const docs = ctx.app.get(ReportDocumentService);
    for (const [flag, render] of [
      ['xlsx', () => docs.xlsx(year)],
      ['pdf', () => docs.pdf(year)],
    ] as const) {
      const out = args.options.get(flag);
      if (out) {
        writeFileSync(userPath(out), await render());
        process.stderr.write(`已写入 ${out}\n`);
      }
    }
    if (args.flags.has('json')) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const tables = reportTables(report);
    const text = [
      `${docs.title(year)}`,
      '',
      ...docs.text(report),
      '',
      ...REPORT_TABLE_IDS.filter((id) => id !== 'mediation' && id !== 'bodies').map(
        (id) => `${table(tables[id].title, tables[id].columns, tables[id].rows)}\n`,
      ),
      `（比率保留两位小数；12345按期答复率按工作日历计算，未回访工单不计入满意率分母。满意率 ${percent(report.workOrders.satisfactionRate)}。）`,
    ];
    process.stdout.write(`${text.join('\n')}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`统计失败 (report failed): ${(err as Error).stack ?? String(err)}\n`);
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
