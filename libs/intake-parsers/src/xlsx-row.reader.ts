/**
 * Streaming XLSX rows through exceljs' WorkbookReader (sheet XML is SAX-parsed, never loaded whole;
 * shared strings are cached, as Excel requires). Date-formatted cells arrive as JS Dates whose UTC
 * fields carry the sheet's wall-clock.
 */
import { createReadStream } from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { CellValue, TableRow } from './intake.types';

/** Flatten exceljs cell values (rich text, formulas, hyperlinks, errors) into plain values. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    }
    if ('result' in v) return toCellValue(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return toCellValue(v.text);
    if ('error' in v) return null;
  }
  return String(value);
}

type RowIterator = AsyncIterator<ExcelJS.Row>;

function toTableRow(row: ExcelJS.Row, sheet: string | null): TableRow {
  const values = row.values as unknown[];
  const cells: CellValue[] = [];
  for (let col = 1; col < values.length; col++) cells.push(toCellValue(values[col]));
  return { sheet, line: row.number, cells };
}

/** Pull the remaining rows and sheets without using them, so exceljs reaches its temp-file cleanup. */
async function drain(
  sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>,
  rows: RowIterator | null,
): Promise<void> {
  try {
    while (rows && !(await rows.next()).done);
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const it = s.value[Symbol.asyncIterator]();
      while (!(await it.next()).done);
    }
  } catch {
    // the file is being abandoned anyway
  }
}

/**
 * Yield the rows of every sheet in workbook order, each tagged with its sheet name and sheet row
 * number (empty rows are not yielded). exceljs buffers sheets stored before the shared strings in
 * temp files and deletes them only once read to the end, so when the consumer stops early the
 * rest of the workbook is drained (parsed, not kept) before the file is closed.
 */
export async function* readXlsxRows(path: string): AsyncGenerator<TableRow> {
  const input = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Explicit iterators: a for-await loop would close them on early exit, skipping exceljs' cleanup.
  const sheets = workbook[Symbol.asyncIterator]();
  let rows: RowIterator | null = null;
  let finished = false;
  try {
    for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
      const name = (s.value as unknown as { name?: string }).name ?? null;
      rows = s.value[Symbol.asyncIterator]();
      for (let r = await rows.next(); !r.done; r = await rows.next()) yield toTableRow(r.value, name);
      rows = null;
    }
    finished = true;
  } finally {
    if (!finished) await drain(sheets, rows);
    input.destroy();
  }
}
