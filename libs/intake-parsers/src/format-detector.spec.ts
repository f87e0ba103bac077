import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import type { AcceptedRow, ColumnMapping, IntakeRow } from './intake.types';
import { detectFormat } from './format-detector';
import { parseColumnMapping, WORK_ORDER_COLUMNS } from './column-mapping';
import { IntakeFormatError } from './intake-format.error';
import {
  collectRows,
  COURT_REFERRALS_FILE,
  GRID_REPORTS_FILE,
  loadAnswerKey,
  makeTempDir,
  WORK_ORDERS_FILE,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();
const gbText = iconv.decode(readFileSync(WORK_ORDERS_FILE), 'gb18030');
const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

function summary(rows: IntakeRow[]): unknown[] {
  return rows.map((r) => (r.ok ? [r.line, r.contentHash] : [r.line, r.reason]));
}

describe('detectFormat (content, never the file name)', () => {
  it.each([
    [WORK_ORDERS_FILE, 'work-order', 'csv', 'gb18030', null],
    [GRID_REPORTS_FILE, 'grid-report', 'csv', 'utf-8-bom', null],
    [COURT_REFERRALS_FILE, 'court-referral', 'xlsx', null, '诉前委派案件'],
  ])('detects %s', async (path, format, container, encoding, sheet) => {
    const detected = await detectFormat(path);
    expect(detected).toMatchObject({
      format,
      container,
      encoding,
      sheet,
      headerLine: 1,
      mapping: null,
      delimiter: ',',
    });
  });

  it.each([
    [WORK_ORDERS_FILE, 'grid_reports.xlsx', 'work-order', 'work_orders_12345.csv'],
    [GRID_REPORTS_FILE, 'court.txt', 'grid-report', 'grid_reports.csv'],
    [COURT_REFERRALS_FILE, 'work_orders.csv', 'court-referral', 'court_referrals.xlsx'],
  ] as const)('detects and parses a renamed copy of %s (%s)', async (source, copyName, format, keyName) => {
    const copy = join(dir, copyName);
    copyFileSync(source, copy);
    expect((await detectFormat(copy)).format).toBe(format);
    const rows = await collectRows(copy);
    expect(rows).toHaveLength(key.files[keyName].rows);
    expect(summary(rows)).toEqual(summary(await collectRows(source)));
  });

  it('throws a readable error naming the closest format and its missing columns', async () => {
    const path = join(dir, 'partial.csv');
    writeFileSync(path, '\uFEFF工单编号,工单来源,受理时间\nSW1,本市级,2024-01-01 10:00\n');
    const error = await detectFormat(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeFormatError);
    expect(error).toMatchObject({ code: 'unrecognised-format', details: { closestFormat: 'work-order' } });
    expect((error as IntakeFormatError).message).toContain('诉求内容');
  });

  it('rejects a file of another format than expected, and unknown content', async () => {
    await expect(collectRows(GRID_REPORTS_FILE, { expectFormat: 'work-order' })).rejects.toMatchObject({
      code: 'unexpected-format',
    });
    const path = join(dir, 'random.bin');
    writeFileSync(path, 'hello,world\n1,2\n');
    await expect(collectRows(path)).rejects.toMatchObject({ code: 'unrecognised-format' });
  });
});

describe('encodings', () => {
  it.each([
    [
      'utf-8 with BOM',
      'wo-utf8-bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(gbText, 'utf8')]),
      'utf-8-bom',
    ],
    ['utf-8 without BOM', 'wo-utf8.csv', Buffer.from(gbText, 'utf8'), 'utf-8'],
    ['utf-16le with BOM', 'wo-utf16.csv', iconv.encode(gbText, 'utf-16le', { addBOM: true }), 'utf-16le'],
  ])('parses the GB18030 work orders re-encoded as %s identically', async (_label, name, bytes, encoding) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    expect((await detectFormat(path)).encoding).toBe(encoding);
    expect(summary(await collectRows(path))).toEqual(summary(await collectRows(WORK_ORDERS_FILE)));
  });
});

describe('column mapping config', () => {
  const english: Record<string, string> = {
    工单编号: 'Ticket No',
    工单来源: 'Channel',
    受理时间: 'Received At',
    诉求类型: 'Type',
    诉求人: 'Caller',
    联系电话: 'Phone',
    事发地址: 'Address',
    所属街道: 'Street',
    诉求内容: 'Content',
    问题分类: 'Category',
    承办单位: 'Handler',
    '办理时限(工作日)': 'Limit (working days)',
    签收时间: 'Signed',
    回复时间: 'Replied',
    办结时间: 'Closed',
    办理状态: 'Status',
  };

  /** The sample work orders as another system would export them: English headers, columns reversed, tabs. */
  function writeForeignExport(path: string): void {
    const rows = gbText
      .split(/\r?\n/)
      .filter(Boolean)
      .map((line) => line.split(','));
    const [header, ...data] = rows;
    const keep = header
      .map((h, i) => [h, i] as const)
      .filter(([h]) => h !== '回访满意度')
      .reverse();
    const lines = [keep.map(([h]) => english[h]), ...data.map((r) => keep.map(([, i]) => r[i]))];
    writeFileSync(path, lines.map((l) => l.join('\t')).join('\n'), 'utf8');
  }

  it('reads another system’s export through a JSON mapping (renamed, reordered, a column absent)', async () => {
    const path = join(dir, 'foreign-export.tsv');
    writeForeignExport(path);
    const mapping = parseColumnMapping(
      JSON.stringify({ format: 'work-order', delimiter: '\t', columns: { ...english, 回访满意度: null } }),
    );

    await expect(detectFormat(path)).rejects.toBeInstanceOf(IntakeFormatError);
    const detected = await detectFormat(path, { mappings: [mapping] });
    expect(detected).toMatchObject({ format: 'work-order', encoding: 'utf-8', mapping, delimiter: '\t' });

    const rows = await collectRows(path, { mappings: [mapping] });
    const original = await collectRows(WORK_ORDERS_FILE);
    expect(rows.map((r) => [r.line, r.ok ? 'ok' : r.reason])).toEqual(
      original.map((r) => [r.line, r.ok ? 'ok' : r.reason]),
    );
    const first = rows[0] as AcceptedRow;
    expect(first.record).toEqual({ ...(original[0] as AcceptedRow).record, satisfaction: null });
    const rejected = rows.find((r) => !r.ok && r.line === 47);
    expect(rejected).toMatchObject({
      column: '办理时限(工作日)',
      header: 'Limit (working days)',
      reason: 'bad time limit',
    });
  });

  it('validates the mapping config', () => {
    const bad = (config: unknown) => () => parseColumnMapping(config);
    expect(bad('{not json')).toThrow(IntakeFormatError);
    expect(bad({ format: 'fax', columns: {} })).toThrow(/文件格式应为/);
    expect(bad({ format: 'work-order', columns: { 不存在的列: 'x' } })).toThrow(/不存在的列/);
    expect(bad({ format: 'work-order', columns: { 工单编号: 'A', 工单来源: 'a ' } })).toThrow(/同一表头/);
    expect(bad({ format: 'work-order', columns: {}, delimiter: ';;' })).toThrow(/分隔符/);
    const ok: ColumnMapping = parseColumnMapping({
      format: 'grid-report',
      columns: { 事件编号: 'EventId' },
      sheet: 'Sheet1',
    });
    expect(ok).toEqual({ format: 'grid-report', columns: { 事件编号: 'EventId' }, sheet: 'Sheet1' });
    expect(WORK_ORDER_COLUMNS).toHaveLength(17);
  });
});
