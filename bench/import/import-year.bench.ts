/**
 * Import benchmark: the full synthetic year (42,800 grid reports, 15,355 12345 orders, 600 court
 * referrals) through IntakeImportService — records, rejections, aggregates, disputes, cross-channel
 * links, audit — beside a raw COPY of the same parsed rows into an index-free staging table in the same run.
 *
 *   npx swc bench libs -d dist-bench --copy-files -q && node dist-bench/bench/import/import-year.bench.js [dataDir] [--engine postgres|pglite|both] [--batch N]
 *
 * dataDir defaults to ../shared/data/year-2024; PostgreSQL is DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
 * (a fresh database is created and dropped); PGlite runs in a temp folder on disk.
 */
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Role, SystemActor } from '@tiaojie/core';
import {
  evaluateDuplicatePairs,
  readIntakeFile,
  type AcceptedRow,
  type CrossChannelDuplicate,
} from '@tiaojie/intake-parsers';
import { CHANNEL_OF_FORMAT, IntakeImportService, IntakeModule } from '@tiaojie/intake';
import { AnnualReportService, StatsModule } from '@tiaojie/stats';
import { openBenchContext, timed } from '../support/bench-context';
import { copyField, copyIntoPglite, copyIntoPostgres } from './copy-in';

const FILES = ['grid_reports.csv', 'work_orders_12345.csv', 'court_referrals.xlsx'];
const STAGING_COLUMNS = ['channel', 'source_id', 'content_hash', 'raw', 'record'];
const actor: SystemActor = { id: null, role: Role.System, orgId: null, name: 'benchmark' };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function parseAll(dir: string): Promise<{ rows: AcceptedRow[]; rejected: number; ms: number }> {
  const rows: AcceptedRow[] = [];
  let rejected = 0;
  const { ms } = await timed(async () => {
    for (const f of FILES)
      for await (const r of readIntakeFile(join(dir, f)))
        if (r.ok) rows.push(r);
        else rejected++;
  });
  return { rows, rejected, ms };
}

function toTsv(rows: AcceptedRow[]): Buffer {
  const lines = rows.map((r) =>
    [CHANNEL_OF_FORMAT[r.format], r.sourceId, r.contentHash, JSON.stringify(r.raw), JSON.stringify(r.record)]
      .map(copyField)
      .join('\t'),
  );
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

async function runEngine(
  engine: 'postgres' | 'pglite',
  dir: string,
  tsv: Buffer,
  rowCount: number,
  batchSize: number,
) {
  const ctx = await openBenchContext(engine, [IntakeModule, StatsModule]);
  try {
    await ctx.db
      .raw(ctx.db.db)
      .query(
        `create table bench_staging (channel text, source_id text, content_hash text, raw jsonb, record jsonb)`,
      );
    const copy = await timed(async () => {
      if (engine === 'pglite') return copyIntoPglite(ctx.db.pglite!, 'bench_staging', STAGING_COLUMNS, tsv);
      const client = await ctx.db.pool!.connect();
      try {
        return await copyIntoPostgres(client, 'bench_staging', STAGING_COLUMNS, tsv);
      } finally {
        client.release();
      }
    });
    if (copy.value !== rowCount) throw new Error(`COPY stored ${copy.value} rows, expected ${rowCount}`);

    const importer = ctx.app.get(IntakeImportService);
    const steps: {
      file: string;
      ms: number;
      rows: number;
      created: number;
      disputes: number;
      linked: number;
    }[] = [];
    for (const f of FILES) {
      const { ms, value } = await timed(() =>
        importer.importFile(join(dir, f), { actor, origin: 'cli', batchSize }),
      );
      steps.push({
        file: f,
        ms,
        rows: value.rows,
        created: value.created,
        disputes: value.disputesCreated,
        linked: value.linked,
      });
    }
    const again = await timed(() =>
      importer.importFile(join(dir, FILES[0]), { actor, origin: 'cli', batchSize }),
    );

    const key = JSON.parse(readFileSync(join(dir, 'answer_key.json'), 'utf8'));
    const pairs = (
      await ctx.db.raw(ctx.db.db)
        .query(`select a.source_id as a, b.source_id as b from intake_duplicate_pairs p
      join intake_records a on a.id = p.record_a join intake_records b on b.id = p.record_b where p.status = 'linked'`)
    ).rows;
    const evaluation = evaluateDuplicatePairs(
      pairs.map((p: any) => ({ a: { sourceId: p.a }, b: { sourceId: p.b } }) as CrossChannelDuplicate),
      key.crossChannelDuplicates,
    );
    const report = await ctx.app.get(AnnualReportService).report(2024);
    return {
      engine,
      copyMs: copy.ms,
      steps,
      unchangedMs: again.ms,
      unchanged: again.value.unchanged,
      evaluation,
      report,
      expected: key.expected,
      pairCount: key.crossChannelDuplicates.length,
    };
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const dir = resolve(
    process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '../shared/data/year-2024',
  );
  if (!existsSync(join(dir, FILES[0]))) throw new Error(`no export files in ${dir}`);
  const engines =
    (arg('engine') ?? 'both') === 'both'
      ? (['postgres', 'pglite'] as const)
      : [arg('engine') as 'postgres' | 'pglite'];
  const batchSize = Number(arg('batch') ?? 500);
  const parsed = await parseAll(dir);
  const tsv = toTsv(parsed.rows);
  console.log(`Import benchmark — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} (${os.cpus().length} threads), load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `data: ${dir}; ${parsed.rows.length} valid rows, ${parsed.rejected} rejected; parse only (no database): ${(parsed.ms / 1000).toFixed(2)} s; batch size ${batchSize}`,
  );
  for (const engine of engines) {
    const r = await runEngine(engine, dir, tsv, parsed.rows.length, batchSize);
    const total = r.steps.reduce((s, x) => s + x.ms, 0);
    console.log(
      `\n### ${engine} (load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')})\n`,
    );
    console.log('| step | rows | created | disputes created | linked | seconds |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const s of r.steps)
      console.log(
        `| import ${s.file} | ${s.rows} | ${s.created} | ${s.disputes} | ${s.linked} | ${(s.ms / 1000).toFixed(2)} |`,
      );
    console.log(
      `| **import, whole year** | ${r.steps.reduce((s, x) => s + x.rows, 0)} | | | | **${(total / 1000).toFixed(2)}** |`,
    );
    console.log(
      `| re-import ${FILES[0]} (all unchanged) | ${r.unchanged} | 0 | 0 | 0 | ${(r.unchangedMs / 1000).toFixed(2)} |`,
    );
    console.log(
      `| baseline: COPY of the same ${parsed.rows.length} parsed rows into an index-free staging table | ${parsed.rows.length} | | | | ${(r.copyMs / 1000).toFixed(2)} |`,
    );
    console.log(`| baseline: parse + COPY | | | | | ${((parsed.ms + r.copyMs) / 1000).toFixed(2)} |`);
    const w = r.report.workOrders;
    console.log(
      `\nreport: grid ${r.report.gridReports.received} (办结率 ${r.report.gridReports.completionRate}), orders ${w.received} ${JSON.stringify(w.bySource)}, 按期答复率 ${w.onTimeReplyRate}, 满意率 ${w.satisfactionRate} (${w.satisfied}/${w.rated}); answer key: ${JSON.stringify(r.expected.workOrders)}`,
    );
    console.log(
      `cross-channel links: ${r.evaluation.truePositives} of ${r.pairCount} expected pairs found; precision ${r.evaluation.precision.toFixed(4)}, recall ${r.evaluation.recall.toFixed(4)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
