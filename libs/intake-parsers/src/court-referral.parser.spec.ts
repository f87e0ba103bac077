import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import type { AcceptedRow, CourtReferralRecord } from './intake.types';
import { COURT_REFERRAL_COLUMNS } from './column-mapping';
import {
  collectRows,
  COURT_REFERRALS_FILE,
  expectAnswerKeyRows,
  loadAnswerKey,
  makeTempDir,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();
const fileKey = key.files['court_referrals.xlsx'];

describe('court referrals (sample-2024, XLSX sheet 诉前委派案件)', () => {
  let rows: Awaited<ReturnType<typeof collectRows<CourtReferralRecord>>>;
  let accepted: AcceptedRow<CourtReferralRecord>[];

  beforeAll(async () => {
    rows = await collectRows<CourtReferralRecord>(COURT_REFERRALS_FILE);
    accepted = rows.filter((r): r is AcceptedRow<CourtReferralRecord> => r.ok);
  });

  it('matches the answer key: row count, bad rows at their sheet rows with their reasons, all others parse', () => {
    expectAnswerKeyRows(rows, fileKey);
    expect(rows.find((r) => !r.ok)).toMatchObject({ line: 4, column: '案号', reason: 'missing case number' });
    expect(accepted).toHaveLength(key.expected.courtReferrals.received);
  });

  it('normalises a record: date, amount in yuan, parties with ID numbers', () => {
    expect(accepted[0].record).toEqual({
      kind: 'court-referral',
      sourceId: '（2024）苏0612民诉前调1号',
      referredOn: '2024-06-04',
      court: '南通市通州区人民法院',
      causeOfAction: '民间借贷纠纷',
      claimAmount: 44023.8,
      plaintiff: { name: '毛华', phone: '18948787077', idNumber: '320612199308268120' },
      defendant: { name: '南通恒泰科技有限公司', phone: '17486179446', idNumber: null },
      mediationDays: 30,
      judge: '曹彬华',
      remarks: '',
    });
    expect(accepted.every((r) => r.record.plaintiff.idNumber !== null)).toBe(true);
  });
});

describe('court referrals written by Excel itself (typed cells)', () => {
  const { dir, cleanup } = makeTempDir();
  afterAll(cleanup);

  async function writeWorkbook(path: string, rows: unknown[][], extraSheetFirst = false): Promise<void> {
    const wb = new ExcelJS.Workbook();
    if (extraSheetFirst) wb.addWorksheet('说明').addRow(['本表由系统导出']);
    const ws = wb.addWorksheet('诉前委派案件');
    ws.addRow(['诉前委派案件导出（2024年）']); // a title row above the header
    ws.addRow([...COURT_REFERRAL_COLUMNS]);
    for (const r of rows) ws.addRow(r);
    ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(path);
  }

  it('reads Excel date cells, numeric amounts, a lower-case x check character and finds the header below a title', async () => {
    const path = join(dir, 'typed.xlsx');
    await writeWorkbook(
      path,
      [
        [
          '（2024）苏0612民诉前调9号',
          new Date(Date.UTC(2024, 2, 1)),
          '南通市通州区人民法院',
          '离婚纠纷',
          1234.5,
          '甲',
          '13800000000',
          '11010519491231002x',
          '乙',
          '',
          '',
          30,
          '丙',
          '加急',
        ],
        [
          '（2024）苏0612民诉前调10号',
          45352,
          '南通市通州区人民法院',
          '离婚纠纷',
          null,
          '甲',
          '',
          '',
          '乙',
          '',
          '',
          '30',
          '丙',
          '',
        ],
        [
          '（2024）苏0612民诉前调11号',
          '2024-03-01',
          '南通市通州区人民法院',
          '离婚纠纷',
          '-5',
          '甲',
          '',
          '110105194912310021',
          '乙',
          '',
          '',
          0,
          '丙',
          '',
        ],
      ],
      true,
    );
    const rows = await collectRows<CourtReferralRecord>(path);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 5]);
    const [typed, serial, bad] = rows;
    expect(typed).toMatchObject({
      ok: true,
      record: { referredOn: '2024-03-01', claimAmount: 1234.5, remarks: '加急', mediationDays: 30 },
    });
    expect(typed.ok && typed.record.plaintiff.idNumber).toBe('11010519491231002X');
    expect(serial).toMatchObject({ ok: true, record: { referredOn: '2024-03-01', claimAmount: null } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.column, i.reason])).toEqual([
      ['标的额(元)', 'bad claim amount'],
      ['原告身份证号', 'invalid ID number'],
      ['调解期限(日)', 'bad mediation days'],
    ]);
  });
});
