import type { AcceptedRow, GridReportRecord } from './intake.types';
import {
  collectRows,
  expectAnswerKeyRows,
  GRID_REPORTS_FILE,
  loadAnswerKey,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();
const fileKey = key.files['grid_reports.csv'];

describe('grid reports (sample-2024, UTF-8 CSV with BOM)', () => {
  let rows: Awaited<ReturnType<typeof collectRows<GridReportRecord>>>;
  let accepted: AcceptedRow<GridReportRecord>[];

  beforeAll(async () => {
    rows = await collectRows<GridReportRecord>(GRID_REPORTS_FILE);
    accepted = rows.filter((r): r is AcceptedRow<GridReportRecord> => r.ok);
  });

  it('matches the answer key: row count, bad rows at their lines with their reasons, all others parse', () => {
    expectAnswerKeyRows(rows, fileKey);
  });

  it('names the column of each rejection', () => {
    const columns = new Map(rows.flatMap((r) => (r.ok ? [] : [[r.reason, r.column] as const])));
    expect(Object.fromEntries(columns)).toEqual({
      'unparseable report time': '上报时间',
      'negative people count': '涉及人数',
      'empty description': '事件描述',
      'missing event id': '事件编号',
    });
  });

  it('normalises a record (BOM stripped from the first header, wall-clock to instants)', () => {
    const first = accepted[0];
    expect(first.sourceId).toBe('WG20240000001');
    expect(first.record).toEqual({
      kind: 'grid-report',
      sourceId: 'WG20240000001',
      reportedAt: new Date('2024-12-08T08:06:41Z'),
      gridWorker: '陶建',
      gridWorkerPhone: '19420722267',
      street: '科创街道',
      community: '星湖社区',
      grid: '星湖社区第8网格',
      eventType: '民生服务',
      eventSubtype: '政策咨询',
      description: '网格员巡查发现科创街道星湖社区人民路128号附近存在政策咨询情况，已现场登记。',
      peopleInvolved: 1,
      partyName: '夏桂',
      partyPhone: '19937947406',
      status: '已办结',
      closedAt: new Date('2024-12-14T09:06:41Z'),
      isDispute: false,
      disputeCategory: null,
    });
  });

  it('keeps reports without a party (empty name and phone) as valid', () => {
    const anonymous = accepted.filter((r) => r.record.partyName === null);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.record.partyPhone === null)).toBe(true);
  });

  it('agrees with the answer key statistics', () => {
    const expected = key.expected.gridReports;
    expect(accepted).toHaveLength(expected.received);
    expect(accepted.filter((r) => r.record.closedAt !== null)).toHaveLength(expected.closed);
    const disputes = accepted.filter((r) => r.record.isDispute);
    expect(disputes).toHaveLength(expected.disputes);
    expect(disputes.every((r) => r.record.disputeCategory === r.record.eventSubtype)).toBe(true);
  });
});
