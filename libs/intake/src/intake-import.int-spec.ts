import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditService } from '@tiaojie/audit';
import { evaluateDuplicatePairs, type CrossChannelDuplicate } from '@tiaojie/intake-parsers';
import { IntakeImportService, type ImportSummary } from './intake-import.service';
import {
  queryRows,
  SAMPLE,
  sampleAnswerKey,
  startIntakeContext,
  TEST_ADMIN,
  type IntakeTestContext,
} from './intake.spec-helper';

describe('import of the sample exports (int)', () => {
  const key = sampleAnswerKey();
  let t: IntakeTestContext;
  let importer: IntakeImportService;
  const first: Record<string, ImportSummary> = {};
  const tmp = mkdtempSync(join(tmpdir(), 'intake-import-'));

  beforeAll(async () => {
    t = await startIntakeContext();
    importer = t.app.get(IntakeImportService);
    first.grid = await importer.importFile(SAMPLE.grid, { actor: TEST_ADMIN, origin: 'cli' });
    first.orders = await importer.importFile(SAMPLE.orders, { actor: TEST_ADMIN, origin: 'cli' });
    first.court = await importer.importFile(SAMPLE.court, { actor: TEST_ADMIN, origin: 'cli' });
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await t.close();
  });

  it.each([
    ['grid', 'grid_reports.csv', 'grid-report'],
    ['orders', 'work_orders_12345.csv', 'work-order'],
    ['court', 'court_referrals.xlsx', 'court-referral'],
  ])(
    '%s: every bad row rejected at its line, every repeated delivery unchanged, every valid row created',
    (name, file, format) => {
      const s = first[name];
      const k = key.files[file];
      expect(s.format).toBe(format);
      expect(s.rows).toBe(k.rows);
      expect(s.rejected.map((r) => ({ row: r.line, reason: r.reason }))).toEqual(
        [...k.badRows].sort((a, b) => a.row - b.row).map((b) => ({ row: b.row, reason: b.reason })),
      );
      const repeated = k.repeatedRows?.length ?? 0;
      expect(s.unchanged).toBe(repeated);
      expect(s.updated).toBe(0);
      expect(s.created).toBe(k.rows - k.badRows.length - repeated);
      expect(s.created + s.updated + s.unchanged + s.rejected.length).toBe(s.rows);
    },
  );

  it('stores one record per source id with its rejected rows and run counters', async () => {
    const counts = await queryRows(
      t.db,
      `select channel, count(*)::int as n, count(*) filter (where is_dispute)::int as d from intake_records group by channel order by channel`,
    );
    expect(counts).toEqual([
      { channel: 'court', n: key.expected.courtReferrals.received, d: key.expected.courtReferrals.received },
      { channel: 'grid', n: key.expected.gridReports.received, d: key.expected.gridReports.disputes },
      { channel: 'hotline_12345', n: key.expected.workOrders.received, d: key.expected.workOrders.disputes },
    ]);
    const runs = await queryRows(
      t.db,
      `select status, rows, created, unchanged, rejected from import_runs where id = $1`,
      [first.orders.runId],
    );
    expect(runs[0]).toEqual({ status: 'completed', rows: 507, created: 485, unchanged: 7, rejected: 15 });
    const rej = await queryRows(
      t.db,
      `select line, reason from import_rejections where run_id = $1 order by line`,
      [first.orders.runId],
    );
    expect(rej.map((r) => r.line)).toEqual(first.orders.rejected.map((r) => r.line));
    // each repeated order is one record
    for (const id of key.files['work_orders_12345.csv'].repeatedRows ?? []) {
      expect(
        await queryRows(
          t.db,
          `select 1 from intake_records where channel = 'hotline_12345' and source_id = $1`,
          [id],
        ),
      ).toHaveLength(1);
    }
  });

  it('keeps each 12345 order its own sign-off, reply deadline (working days), reply and rating', async () => {
    const [o] = await queryRows(
      t.db,
      `select signed_off_at, due_at, replied_at, replied_on_time, satisfaction, time_limit_days from intake_records where source_id = 'SW2024000001'`,
    );
    // signed off Sunday 2024-05-05 19:30 (劳动节 holiday), 5 working days: 6, 7, 8, 9, 10 May → due 2024-05-10 23:59:59 +08:00
    expect(o.time_limit_days).toBe(5);
    expect(new Date(o.due_at).toISOString()).toBe('2024-05-10T15:59:59.000Z');
    expect(o.replied_on_time).toBe(true);
    expect(o.satisfaction).toBe('基本满意');
  });

  it('creates one dispute per dispute record and links the cross-channel duplicates to one dispute', async () => {
    const pairs = key.crossChannelDuplicates.length;
    const expectedDisputes =
      key.expected.gridReports.disputes +
      key.expected.workOrders.disputes +
      key.expected.courtReferrals.received -
      pairs;
    const [{ n }] = await queryRows(t.db, `select count(*)::int as n from disputes`);
    expect(n).toBe(expectedDisputes);
    expect(first.grid.disputesCreated + first.orders.disputesCreated + first.court.disputesCreated).toBe(
      expectedDisputes,
    );
    const unlinked = await queryRows(
      t.db,
      `select source_id from intake_records where is_dispute and dispute_id is null`,
    );
    expect(unlinked).toEqual([]);
    const kinds = await queryRows(
      t.db,
      `select channel, kind, status, count(*)::int as n from disputes group by 1, 2, 3 order by 1, 2`,
    );
    expect(kinds.find((k) => k.channel === 'court')).toEqual({
      channel: 'court',
      kind: 'judicial',
      status: 'received',
      n: 59,
    });
    const court = await queryRows(
      t.db,
      `select r.cause_of_action, r.judge, r.claim_amount, d.claim_amount as dispute_claim, (select count(*)::int from dispute_parties p where p.dispute_id = d.id) as parties
      from intake_records r join disputes d on d.id = r.dispute_id where r.channel = 'court' limit 1`,
    );
    expect(court[0].cause_of_action).toBeTruthy();
    expect(court[0].parties).toBe(2);

    const found = await queryRows(
      t.db,
      `select a.source_id as a, b.source_id as b, a.dispute_id = b.dispute_id as same, p.status
      from intake_duplicate_pairs p join intake_records a on a.id = p.record_a join intake_records b on b.id = p.record_b`,
    );
    const linked = found.filter((f) => f.status === 'linked');
    expect(linked.every((f) => f.same)).toBe(true);
    const asPairs = linked.map(
      (f) => ({ a: { sourceId: f.a }, b: { sourceId: f.b } }) as unknown as CrossChannelDuplicate,
    );
    const evaluation = evaluateDuplicatePairs(asPairs, key.crossChannelDuplicates);
    expect(evaluation).toMatchObject({ precision: 1, recall: 1, missed: [], spurious: [] });
    expect(first.orders.linked + first.court.linked).toBe(pairs);
  });

  it('re-importing the same file changes nothing', async () => {
    const [{ n: disputesBefore }] = await queryRows(t.db, `select count(*)::int as n from disputes`);
    for (const [name, path] of [
      ['grid', SAMPLE.grid],
      ['orders', SAMPLE.orders],
      ['court', SAMPLE.court],
    ] as const) {
      const again = await importer.importFile(path, { actor: TEST_ADMIN, origin: 'cli' });
      expect(again).toMatchObject({ created: 0, updated: 0, disputesCreated: 0, rows: first[name].rows });
      expect(again.unchanged).toBe(first[name].created + first[name].unchanged);
      expect(again.rejected).toEqual(first[name].rejected);
    }
    const [{ n: disputesAfter }] = await queryRows(t.db, `select count(*)::int as n from disputes`);
    expect(disputesAfter).toBe(disputesBefore);
  });

  it('a changed row updates its record and is audited', async () => {
    const changed = join(tmp, 'grid_reports.csv');
    copyFileSync(SAMPLE.grid, changed);
    const text = readFileSync(changed, 'utf8').replace(
      'WG20240000001,2024-12-08 16:06:41,陶建',
      'WG20240000001,2024-12-08 16:06:41,陶建国',
    );
    writeFileSync(changed, text, 'utf8');
    const s = await importer.importFile(changed, { actor: TEST_ADMIN, origin: 'cli' });
    expect(s).toMatchObject({ created: 0, updated: 1, unchanged: first.grid.created - 1 });
    const [rec] = await queryRows(
      t.db,
      `select id, record->>'gridWorker' as worker from intake_records where source_id = 'WG20240000001'`,
    );
    expect(rec.worker).toBe('陶建国');
    const audit = await queryRows(
      t.db,
      `select data from audit_log where action = 'intake.record.update' and entity_id = $1`,
      [rec.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].data.changed).toEqual(['gridWorker']);
    expect((await t.app.get(AuditService).verify()).ok).toBe(true);
  });

  it('rejects a row whose text holds NUL at its line and keeps the others', async () => {
    const lines = readFileSync(SAMPLE.grid, 'utf8').split('\n');
    const at = lines.findIndex((l, i) => i > 0 && l.includes('，'));
    lines[at] = lines[at].replace('，', '\u0000，');
    const withNul = join(tmp, 'grid_nul.csv');
    writeFileSync(withNul, lines.join('\n'), 'utf8');
    const s = await importer.importFile(withNul, { actor: TEST_ADMIN, origin: 'cli' });
    const nulRow = s.rejected.find((r) => /NUL/.test(r.reason));
    expect(nulRow).toMatchObject({ line: at + 1, reason: 'NUL character' });
    expect(s.created + s.updated + s.unchanged + s.rejected.length).toBe(s.rows);
    expect(s.unchanged).toBeGreaterThan(s.rows / 2);
  });

  it('refuses a file that is no export with a stable code', async () => {
    const junk = join(tmp, 'junk.csv');
    writeFileSync(junk, 'a,b,c\n1,2,3\n');
    await expect(importer.importFile(junk, { actor: TEST_ADMIN, origin: 'cli' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { code: 'unrecognised-format' },
    });
    const [run] = await queryRows(
      t.db,
      `select status, error_code from import_runs order by started_at desc limit 1`,
    );
    expect(run).toEqual({ status: 'failed', error_code: 'unrecognised-format' });
  });
});

describe('concurrent imports (int)', () => {
  it('two imports of one file at once create each record and dispute once', async () => {
    const t = await startIntakeContext();
    try {
      const importer = t.app.get(IntakeImportService);
      const [a, b] = await Promise.all([
        importer.importFile(SAMPLE.orders, { actor: TEST_ADMIN, origin: 'cli', batchSize: 100 }),
        importer.importFile(SAMPLE.orders, { actor: TEST_ADMIN, origin: 'upload', batchSize: 100 }),
      ]);
      const key = sampleAnswerKey();
      expect(a.created + b.created).toBe(key.expected.workOrders.received);
      expect(a.unchanged + b.unchanged).toBe(key.expected.workOrders.received + 2 * 7);
      expect(a.disputesCreated + b.disputesCreated).toBe(key.expected.workOrders.disputes);
      const [{ n }] = await queryRows(t.db, `select count(*)::int as n from disputes`);
      expect(n).toBe(key.expected.workOrders.disputes);
      expect((await t.app.get(AuditService).verify()).ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});
