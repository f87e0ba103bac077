import { validateGrid } from './report.model';
import type { ReportCell } from './report.types';

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
   * with an apostrophe (default true). Cells that are plain numbers such as "-12.5" are left alone.
   */
  guardFormulas?: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?%?$/;

function field(cell: ReportCell, guard: boolean): string {
  let text = cell === null ? '' : String(cell);
  if (guard && typeof cell === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends (including after the last record), fields with
 * comma, quote or line break quoted and quotes doubled. Returned as UTF-8 bytes starting with a
 * BOM, so Excel opens Chinese text correctly.
 */
export function toCsv(columns: string[], rows: ReportCell[][], options: CsvOptions = {}): Buffer {
  validateGrid(columns, rows, 'csv');
  const guard = options.guardFormulas !== false;
  const lines = [columns, ...rows].map((row) => row.map((cell) => field(cell, guard)).join(','));
  return Buffer.concat([UTF8_BOM, Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8')]);
}
