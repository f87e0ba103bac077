import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CoreModule,
  FixedClock,
  loadConfig,
  NoopRealtimePublisher,
  RealtimePublisher,
  Role,
  SystemActor,
} from '@tiaojie/core';
import { createTestDatabase, DbModule, DbService } from '@tiaojie/db';
import { IntakeImportService, IntakeModule } from '@tiaojie/intake';
import { AnnualReportService } from './annual-report.service';
import { StatsAggregateRepository } from './stats-aggregate.repository';
import { StatsMaintenanceRepository } from './stats-maintenance.repository';
import { StatsModule } from './stats.module';

const SAMPLE = join(__dirname, '..', '..', 'intake-parsers', 'fixtures', 'sample-2024');
const key = JSON.parse(readFileSync(join(SAMPLE, 'answer_key.json'), 'utf8'));

@Module({})
class Realtime {
  static forRoot() {
    return {
      module: Realtime,
      global: true,
      providers: [{ provide: RealtimePublisher, useClass: NoopRealtimePublisher }],
      exports: [RealtimePublisher],
    };
  }
}

describe('annual report after importing the sample (int)', () => {
  let app: INestApplicationContext;
  let db: DbService;
  let dispose: () => Promise<void>;
  const clock = new FixedClock(new Date('2025-01-15T02:00:00Z'));

  beforeAll(async () => {
    const ctx = await createTestDatabase();
    db = ctx.db;
    dispose = ctx.dispose;
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret!' });
    @Module({
      imports: [
        CoreModule.forRoot(config, clock),
        DbModule.forRoot(db),
        Realtime.forRoot(),
        IntakeModule,
        StatsModule,
      ],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    const importer = app.get(IntakeImportService);
    const actor: SystemActor = { id: null, role: Role.System, orgId: null, name: 'test' };
    for (const f of ['grid_reports.csv', 'work_orders_12345.csv', 'court_referrals.xlsx']) {
      await importer.importFile(join(SAMPLE, f), { actor, origin: 'cli' });
    }
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("states the answer key's expected statistics", async () => {
    const r = await app.get(AnnualReportService).report(2024);
    const e = key.expected;
    expect(r.gridReports).toMatchObject({
      received: e.gridReports.received,
      closed: e.gridReports.closed,
      disputes: e.gridReports.disputes,
    });
    expect(r.gridReports.completionRate).toBe(
      Math.round((e.gridReports.closed / e.gridReports.received) * 10_000) / 10_000,
    );
    expect(r.workOrders).toMatchObject({
      received: e.workOrders.received,
      bySource: e.workOrders.bySource,
      closed: e.workOrders.closed,
      replied: e.workOrders.replied,
      repliedOnTime: e.workOrders.repliedOnTime,
      onTimeReplyRate: e.workOrders.onTimeReplyRate,
      rated: e.workOrders.rated,
      satisfied: e.workOrders.satisfied,
      satisfactionRate: e.workOrders.satisfactionRate,
      disputes: e.workOrders.disputes,
    });
    expect(r.courtReferrals.received).toBe(e.courtReferrals.received);
    const bySource = Object.values(r.workOrders.sources).reduce((s, m) => s + m.received, 0);
    expect(bySource).toBe(e.workOrders.received);
    expect(r.mediation.received).toBe(
      e.gridReports.disputes +
        e.workOrders.disputes +
        e.courtReferrals.received -
        key.crossChannelDuplicates.length,
    );
    expect(r.mediation.byKind.judicial.received).toBe(e.courtReferrals.received);
    expect(r.disputesByCategory.reduce((s, c) => s + c.total, 0)).toBe(
      e.gridReports.disputes + e.workOrders.disputes + e.courtReferrals.received,
    );
    expect(r.streets.reduce((s, x) => s + x.gridReceived, 0)).toBe(e.gridReports.received);
  });

  it('a report for a year without data is all zeros with undefined rates', async () => {
    const r = await app.get(AnnualReportService).report(2023);
    expect(r.gridReports).toMatchObject({ received: 0, completionRate: null });
    expect(r.workOrders.satisfactionRate).toBeNull();
  });

  it('the maintained aggregates equal a rebuild from the tables', async () => {
    const snapshot = async () => ({
      intake: (
        await db
          .raw(db.db)
          .query(
            `select * from stats_intake_daily where received <> 0 or closed <> 0 order by day, channel, source, street, is_dispute`,
          )
      ).rows,
      categories: (
        await db
          .raw(db.db)
          .query(
            `select * from stats_intake_category where received <> 0 order by month, channel, is_dispute, category`,
          )
      ).rows,
      durations: (
        await db
          .raw(db.db)
          .query(
            `select * from stats_intake_duration where count <> 0 order by month, channel, source, street, bucket`,
          )
      ).rows,
      disputes: (
        await db
          .raw(db.db)
          .query(`select * from stats_dispute_daily where received <> 0 order by dim, value, day`)
      ).rows,
    });
    await app.get(StatsMaintenanceRepository).fold();
    const before = await snapshot();
    await db.transaction((tx) => app.get(StatsAggregateRepository).rebuild(tx));
    await app.get(StatsMaintenanceRepository).rebuild();
    expect(await snapshot()).toEqual(before);
  });

  it('lifecycle changes reach the dispute aggregates through the triggers', async () => {
    const maintenance = app.get(StatsMaintenanceRepository);
    const before = (await app.get(AnnualReportService).report(2024)).mediation;
    const [{ id }] = (
      await db.raw(db.db).query(`select id from disputes where channel = 'court' order by number limit 1`)
    ).rows;
    await db
      .raw(db.db)
      .query(
        `update disputes set status = 'agreement', outcome = 'agreement', updated_at = now() where id = $1`,
        [id],
      );
    await db
      .raw(db.db)
      .query(
        `update disputes set status = 'closed', closed_at = created_at + interval '20 days' where id = $1`,
        [id],
      );
    await db
      .raw(db.db)
      .query(
        `insert into case_transitions (dispute_id, action, from_status, to_status, actor_role, at, data) values ($1, 'confirm', 'confirmation_requested', 'confirmed', 'judge', '2024-06-01T02:00:00Z', '{}')`,
        [id],
      );
    expect(await maintenance.fold()).toBeGreaterThan(0);
    const after = await app.get(AnnualReportService).report(2024);
    expect(after.mediation).toMatchObject({
      received: before.received,
      concluded: before.concluded + 1,
      agreements: before.agreements + 1,
      closed: before.closed + 1,
      judicialConfirmations: before.judicialConfirmations + 1,
    });
    expect(after.mediation.successRate).toBe(1);
    // 20 days falls in the [20 d, 21 d) bucket; p90 is stated as the bucket's upper bound
    expect(after.mediation.p90Days).toBe(21);
    expect(after.courtReferrals).toMatchObject({ received: 59, concluded: 1, successful: 1 });
  });
});
