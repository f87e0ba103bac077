import { Workbook } from 'exceljs';
import { DocumentInputError } from './documents.errors';
import { renderReportXlsx } from './report-xlsx.renderer';

describe('renderReportXlsx', () => {
  it('round-trips sheets, headers, text and numbers through exceljs', async () => {
    const buffer = await renderReportXlsx({
      sheets: [
        {
          name: '工单来源',
          columns: ['来源', '工单数', '满意率'],
          rows: [
            ['省市网', 3166, 0.968],
            ['海心安', 1339, null],
          ],
        },
        { name: '空表', columns: ['甲', '乙'], rows: [] },
      ],
    });
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工单来源', '空表']);
    const ws = wb.getWorksheet('工单来源')!;
    expect(ws.getRow(1).values).toEqual([undefined, '来源', '工单数', '满意率']);
    expect(ws.getRow(2).values).toEqual([undefined, '省市网', 3166, 0.968]);
    expect(typeof ws.getCell('B2').value).toBe('number');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('空表')!.getRow(1).values).toEqual([undefined, '甲', '乙']);
  });

  it('rejects invalid sheet names and ragged rows', async () => {
    const sheet = { name: 'a', columns: ['x'], rows: [] };
    await expect(renderReportXlsx({ sheets: [] })).rejects.toThrow(DocumentInputError);
    await expect(renderReportXlsx({ sheets: [{ ...sheet, name: '2024/年度' }] })).rejects.toMatchObject({
      field: 'sheets[0].name',
    });
    await expect(renderReportXlsx({ sheets: [{ ...sheet, name: 'x'.repeat(32) }] })).rejects.toThrow(
      DocumentInputError,
    );
    await expect(renderReportXlsx({ sheets: [sheet, { ...sheet, name: 'A' }] })).rejects.toMatchObject({
      field: 'sheets[1].name',
    });
    await expect(renderReportXlsx({ sheets: [{ ...sheet, rows: [['1', '2']] }] })).rejects.toMatchObject({
      field: 'sheets[0].rows[0]',
    });
  });
});
