import { stringify } from 'csv-stringify/sync';
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

function guarded(cell: ReportCell, guard: boolean): string {
  const text = cell === null ? '' : String(cell);
  return guard && typeof cell === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)
    ? `'${text}`
    : text;
}

/**
 * RFC 4180 CSV (csv-stringify): comma-separated, CRLF line ends (including after the last record), fields with
 * comma, quote or line break quoted and quotes doubled. Returned as UTF-8 bytes starting with a BOM, so Excel
 * opens Chinese text correctly.
 */
export function toCsv(columns: string[], rows: ReportCell[][], options: CsvOptions = {}): Buffer {
  validateGrid(columns, rows, 'csv');
  const guard = options.guardFormulas !== false;
  // quoted_match: a bare LF inside a field is quoted too (by default only the CRLF record delimiter is)
  const records = [columns, ...rows].map((row) => row.map((cell) => guarded(cell, guard)));
  return Buffer.concat([
    UTF8_BOM,
    Buffer.from(stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }), 'utf8'),
  ]);
}
