import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import type { AcceptedRow, RejectedRow, WorkOrderRecord } from './intake.types';
import { WORK_ORDER_COLUMNS } from './column-mapping';
import {
  collectRows,
  expectAnswerKeyRows,
  loadAnswerKey,
  makeTempDir,
  WORK_ORDERS_FILE,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();
const fileKey = key.files['work_orders_12345.csv'];

describe('12345 work orders (sample-2024, GB18030 CSV)', () => {
  let rows: Awaited<ReturnType<typeof collectRows<WorkOrderRecord>>>;
  let accepted: AcceptedRow<WorkOrderRecord>[];

  beforeAll(async () => {
    rows = await collectRows<WorkOrderRecord>(WORK_ORDERS_FILE);
    accepted = rows.filter((r): r is AcceptedRow<WorkOrderRecord> => r.ok);
  });

  it('matches the answer key: row count, bad rows at their lines with their reasons, all others parse', () => {
    expectAnswerKeyRows(rows, fileKey);
  });

  it('gives each rejection its Chinese column, a code and a Chinese message', () => {
    const byLine = new Map(rows.filter((r): r is RejectedRow => !r.ok).map((r) => [r.line, r]));
    expect(byLine.get(47)).toMatchObject({
      column: '办理时限(工作日)',
      header: '办理时限(工作日)',
      reason: 'bad time limit',
      sourceId: 'SW2024000046',
    });
    expect(byLine.get(47)?.message).toContain('办理时限');
    expect(byLine.get(249)).toMatchObject({ column: '回复时间', reason: 'reply before sign-off' });
    expect(byLine.get(300)).toMatchObject({ column: '工单编号', reason: 'missing work-order id' });
    expect(byLine.get(300)?.sourceId).toBeUndefined();
    expect(byLine.get(143)?.raw['受理时间']).toBe('2024/13/45 25:61');
  });

  it('normalises a record: Shanghai wall-clock to instants, typed fields, dispute category', () => {
    const first = accepted[0];
    expect(first.line).toBe(2);
    expect(first.record).toEqual({
      kind: 'work-order',
      sourceId: 'SW2024000001',
      source: '省市网',
      acceptedAt: new Date('2024-05-05T10:20:24.000Z'),
      requestType: '建议',
      requester: '吕红',
      phone: '19301661318',
      address: '东湖街道东湖社区崇川路49号',
      street: '东湖街道',
      content: '吕红来电建议市场监管相关问题，地址东湖街道东湖社区崇川路49号，希望尽快处理。',
      category: '市场监管',
      isDispute: false,
      disputeCategory: null,
      handlingUnit: '滨江街道办事处',
      timeLimitWorkingDays: 5,
      signedOffAt: new Date('2024-05-05T11:30:24.000Z'),
      repliedAt: new Date('2024-05-06T06:32:11.000Z'),
      closedAt: new Date('2024-05-07T22:32:11.000Z'),
      status: '已办结',
      satisfaction: '基本满意',
    });
    expect(first.raw['受理时间']).toBe('2024-05-05 18:20:24');
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const dispute = accepted.find((r) => r.sourceId === 'SW2024000058')?.record;
    expect(dispute).toMatchObject({
      isDispute: true,
      category: '矛盾纠纷-交通事故纠纷',
      disputeCategory: '交通事故纠纷',
    });
  });

  it('reads 未回访 and empty ratings as not rated', () => {
    const values = new Set(accepted.map((r) => r.record.satisfaction));
    expect(values).toEqual(new Set(['满意', '基本满意', '不满意', null]));
    const unvisited = accepted.find((r) => r.raw['回访满意度'] === '未回访');
    expect(unvisited?.record.satisfaction).toBeNull();
  });

  it('delivers repeated rows twice with the same contentHash', () => {
    for (const id of fileKey.repeatedRows ?? []) {
      const copies = accepted.filter((r) => r.sourceId === id);
      expect(copies).toHaveLength(2);
      expect(copies[0].line).not.toBe(copies[1].line);
      expect(copies[1].contentHash).toBe(copies[0].contentHash);
    }
    const ids = accepted.map((r) => r.sourceId);
    expect(new Set(ids).size).toBe(ids.length - (fileKey.repeatedRows ?? []).length);
  });

  it('agrees with the answer key statistics once repeated deliveries are collapsed', () => {
    const unique = new Map(accepted.map((r) => [r.sourceId, r.record]));
    const records = [...unique.values()];
    const expected = key.expected.workOrders;
    expect(records).toHaveLength(expected.received);
    const bySource: Record<string, number> = {};
    for (const r of records) bySource[r.source] = (bySource[r.source] ?? 0) + 1;
    expect(bySource).toEqual(expected.bySource);
    expect(records.filter((r) => r.isDispute)).toHaveLength(expected.disputes);
    expect(records.filter((r) => r.satisfaction !== null)).toHaveLength(expected.rated);
    expect(records.filter((r) => r.satisfaction === '满意' || r.satisfaction === '基本满意')).toHaveLength(
      expected.satisfied,
    );
  });
});

describe('work order edge cases', () => {
  const { dir, cleanup } = makeTempDir();
  afterAll(cleanup);

  const header = WORK_ORDER_COLUMNS.join(',');
  const good = (id: string, content = '来电反映问题') =>
    [
      id,
      '本市级',
      '2024/3/5 9:07',
      '投诉',
      '张三',
      '138 1234 5678',
      '东湖街道湖滨社区星湖大道1号',
      '东湖街道',
      content,
      '矛盾纠纷-物业纠纷',
      '东湖街道办事处',
      '5',
      '2024-03-05 10:00',
      '2024-03-06 10:00:00',
      '',
      '办理中',
      '',
    ].join(',');

  it('numbers lines physically (multi-line cells, blank lines) and rejects structurally broken rows', async () => {
    const csv = [
      header,
      good('BS1', '"第一行\n第二行"'),
      '',
      good('BS2'),
      'BS3,本市级,too,few',
      good('BS4').replace('东湖街道办事处', '东湖街道办事处,多出一列'),
      good('BS5', '"未闭合"引号"'),
      good('BS6'),
    ].join('\r\n');
    const path = join(dir, 'edge.csv');
    writeFileSync(path, iconv.encode(csv, 'gb18030'));
    const rows = await collectRows<WorkOrderRecord>(path);
    const summary = rows.map((r) => [r.line, r.ok ? 'ok' : r.reason, r.sourceId]);
    expect(summary.slice(0, 4)).toEqual([
      [2, 'ok', 'BS1'],
      [5, 'ok', 'BS2'],
      [6, 'wrong column count', 'BS3'],
      [7, 'wrong column count', 'BS4'],
    ]);
    expect(rows.some((r) => !r.ok && r.reason === 'malformed record')).toBe(true);
    const first = rows[0] as AcceptedRow<WorkOrderRecord>;
    expect(first.record.content).toBe('第一行\n第二行');
    expect(first.record.phone).toBe('13812345678');
    expect(first.record.acceptedAt).toEqual(new Date('2024-03-05T01:07:00Z'));
    expect(first.record.closedAt).toBeNull();
    expect(first.record.satisfaction).toBeNull();
  });

  it('collects every problem of a row, the first one being the reported reason', async () => {
    const bad = good('BS9').replace('138 1234 5678', '12345').replace(',5,', ',0,').replace(',本市级,', ',,');
    const path = join(dir, 'multi.csv');
    writeFileSync(path, iconv.encode(`${header}\n${bad}\n`, 'gb18030'));
    const [row] = await collectRows(path);
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.issues.map((i) => i.reason)).toEqual(['unknown source', 'invalid phone', 'bad time limit']);
    expect(row.reason).toBe('unknown source');
    expect(row.issues[1]).toMatchObject({ column: '联系电话', message: expect.stringContaining('电话') });
  });

  it('changes the contentHash when any field changes', async () => {
    const path = join(dir, 'changed.csv');
    writeFileSync(
      path,
      iconv.encode(
        [header, good('BS7'), good('BS7', '来电反映问题（补充）'), good('BS7')].join('\n'),
        'gb18030',
      ),
    );
    const rows = (await collectRows(path)) as AcceptedRow[];
    expect(rows[0].contentHash).not.toBe(rows[1].contentHash);
    expect(rows[0].contentHash).toBe(rows[2].contentHash);
  });
});
