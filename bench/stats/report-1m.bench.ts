/**
 * Annual report benchmark: 1,000,000 disputes, each with its intake record (grid / 12345 / court), on
 * PostgreSQL; the annual report (AnnualReportService.report) timed beside a single full-scan aggregate
 * over each of the two tables, in the same run, after a warm-up, median of 7.
 *
 *   npx swc bench libs -d dist-bench --copy-files -q && node dist-bench/bench/stats/report-1m.bench.js [--rows N]
 *
 * Rows are generated in SQL (deterministic). The dispute aggregates are maintained by the triggers the
 * generator's INSERT fires (then folded); the intake aggregates, which the importer maintains row by row,
 * are rebuilt once from the generated records. Both maintenance costs are printed.
 */
import os from 'node:os';
import { IntakeModule } from '@tiaojie/intake';
import {
  AnnualReportService,
  StatsAggregateRepository,
  StatsMaintenanceRepository,
  StatsModule,
} from '@tiaojie/stats';
import { openBenchContext, timed, type BenchContext } from '../support/bench-context';
import { GENERATE_SQL } from './generate-disputes.sql';

const RUNS = 7;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function sample(fn: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(fn)).ms);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

async function q(ctx: BenchContext, text: string): Promise<any[]> {
  return (await ctx.db.raw(ctx.db.db).query(text)).rows;
}

const YEAR = `accepted_at >= '2024-01-01T00:00:00+08' and accepted_at < '2025-01-01T00:00:00+08'`;
const SCAN_INTAKE = `select count(*) as received, count(*) filter (where closed_at is not null and channel <> 'court') as closed,
  count(*) filter (where replied_on_time) as on_time, count(*) filter (where satisfaction in ('满意', '基本满意')) as satisfied
  from intake_records where ${YEAR}`;
const SCAN_DISPUTES = `select count(*) as received, count(*) filter (where outcome = 'agreement') as agreements,
  count(*) filter (where outcome in ('agreement', 'no_agreement', 'withdrawn', 'terminated')) as concluded
  from disputes where created_at >= '2024-01-01T00:00:00+08' and created_at < '2025-01-01T00:00:00+08'`;

async function main(): Promise<void> {
  const rows = Number(arg('rows') ?? 1_000_000);
  const ctx = await openBenchContext('postgres', [IntakeModule, StatsModule]);
  try {
    const gen = await timed(async () => {
      for (const stmt of GENERATE_SQL(rows)) await q(ctx, stmt);
    });
    const fold = await timed(() => ctx.app.get(StatsMaintenanceRepository).fold());
    const intakeAgg = await timed(() =>
      ctx.db.transaction((tx) => ctx.app.get(StatsAggregateRepository).rebuild(tx)),
    );
    await q(ctx, 'vacuum analyze');
    const sizes = await q(
      ctx,
      `select relname, n_live_tup::bigint as n, pg_size_pretty(pg_total_relation_size(relid)) as size from pg_stat_user_tables
      where relname in ('disputes', 'intake_records', 'stats_intake_daily', 'stats_intake_category', 'stats_intake_duration', 'stats_dispute_daily', 'stats_dispute_duration', 'stats_transition_daily') order by relname`,
    );

    const reports = ctx.app.get(AnnualReportService);
    const report = await sample(() => reports.report(2024));
    const scanIntake = await sample(() => q(ctx, SCAN_INTAKE));
    const scanDisputes = await sample(() => q(ctx, SCAN_DISPUTES));

    // The report's figures against the full scans (correctness at scale).
    const r = await reports.report(2024);
    const [i] = await q(ctx, SCAN_INTAKE);
    const [d] = await q(ctx, SCAN_DISPUTES);
    const intakeReceived = r.gridReports.received + r.workOrders.received + r.courtReferrals.received;
    const intakeClosed = r.gridReports.closed + r.workOrders.closed;
    const ok =
      intakeReceived === Number(i.received) &&
      r.workOrders.repliedOnTime === Number(i.on_time) &&
      r.workOrders.satisfied === Number(i.satisfied) &&
      r.mediation.received === Number(d.received) &&
      r.mediation.agreements === Number(d.agreements) &&
      r.mediation.concluded === Number(d.concluded);

    const fmt = (s: { median: number; min: number; max: number }) =>
      `${s.median.toFixed(1)} | ${s.min.toFixed(1)} | ${s.max.toFixed(1)}`;
    console.log(`Annual report benchmark — ${new Date().toISOString()}`);
    console.log(
      `node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} (${os.cpus().length} threads), load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `generated ${rows} disputes + ${rows} intake records in ${(gen.ms / 1000).toFixed(1)} s (disputes trigger included); fold of ${fold.value} dispute deltas ${(fold.ms / 1000).toFixed(1)} s; intake aggregates rebuilt in ${(intakeAgg.ms / 1000).toFixed(1)} s`,
    );
    console.log(
      `tables (rows: pg_stat estimate): ${sizes.map((s) => `${s.relname} ${s.n} rows ${s.size}`).join('; ')}`,
    );
    console.log('\n| measurement (2024) | median ms | min ms | max ms |\n|---|---:|---:|---:|');
    console.log(
      `| annual report (AnnualReportService.report: all sections, breakdowns, fold check) | ${fmt(report)} |`,
    );
    console.log(`| baseline: one full-scan aggregate over intake_records | ${fmt(scanIntake)} |`);
    console.log(`| baseline: one full-scan aggregate over disputes | ${fmt(scanDisputes)} |`);
    console.log(
      `\nreport ÷ intake scan = ${(report.median / scanIntake.median).toFixed(3)}; report ÷ disputes scan = ${(report.median / scanDisputes.median).toFixed(3)}`,
    );
    console.log(
      `figures equal the full scans: ${ok ? 'yes' : 'NO'} (intake received ${intakeReceived} / ${i.received}, closed ${intakeClosed} / ${i.closed}, on time ${r.workOrders.repliedOnTime} / ${i.on_time}, satisfied ${r.workOrders.satisfied} / ${i.satisfied}; disputes ${r.mediation.received} / ${d.received}, agreements ${r.mediation.agreements} / ${d.agreements})`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
