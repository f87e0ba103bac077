import { Workbook } from 'exceljs';
import { DocumentInputError } from './documents.errors';
import { validateGrid } from './report.model';
import type { ReportCell, ReportXlsxInput } from './report.types';

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function validateSheets(input: ReportXlsxInput): void {
  if (!input || !Array.isArray(input.sheets) || input.sheets.length === 0) {
    throw new DocumentInputError('needs at least one sheet', 'sheets');
  }
  const names = new Set<string>();
  input.sheets.forEach((sheet, i) => {
    const field = `sheets[${i}]`;
    const name = sheet?.name;
    if (typeof name !== 'string' || name.length === 0 || name.length > 31) {
      throw new DocumentInputError('sheet name must have 1–31 characters', `${field}.name`);
    }
    if (INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new DocumentInputError(
        `sheet name "${name}" may not contain []:*?/\\ or start/end with '`,
        `${field}.name`,
      );
    }
    const key = name.toLowerCase();
    if (names.has(key)) throw new DocumentInputError(`duplicate sheet name "${name}"`, `${field}.name`);
    names.add(key);
    validateGrid(sheet.columns, sheet.rows, field);
  });
}

/** Display width in Excel character units: CJK and full-width characters count double. */
function displayWidth(cell: ReportCell): number {
  if (cell === null) return 0;
  let w = 0;
  for (const ch of String(cell))
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/**
 * Renders sheets to an .xlsx workbook: a bold, frozen header row, numbers kept as numbers,
 * null as empty cells, column widths fitted to the content (capped at 60).
 */
export async function renderReportXlsx(input: ReportXlsxInput): Promise<Buffer> {
  validateSheets(input);
  const workbook = new Workbook();
  workbook.creator = 'Tiaojie';
  for (const sheet of input.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((header, c) => ({
      header,
      key: `c${c}`,
      width: Math.min(60, Math.max(8, ...[header, ...sheet.rows.map((r) => r[c])].map(displayWidth)) + 2),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((cell) => (cell === null ? undefined : cell)));
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
