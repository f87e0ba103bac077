/**
 * Format detection by content: the container and encoding are sniffed from the first bytes,
 * the format from the header row (any of the first few rows; for XLSX, of any sheet).
 * File names and extensions are never looked at.
 */
import type { ColumnMapping, DetectOptions, DetectedFormat, IntakeFormat, TableRow } from './intake.types';
import { builtInMapping, DEFAULT_SHEETS, INTAKE_FORMATS, resolveColumns } from './column-mapping';
import { sniffFile, type SniffResult } from './file-sniffer';
import { readCsvRows } from './csv-row.reader';
import { readXlsxRows } from './xlsx-row.reader';
import { cellText } from './row-validator';
import { IntakeFormatError } from './intake-format.error';

export const FORMAT_LABELS: Record<IntakeFormat, string> = {
  'work-order': '12345工单',
  'grid-report': '网格上报事件',
  'court-referral': '法院诉前委派案件',
};

const DEFAULT_HEADER_SCAN_ROWS = 5;

/** The CSV delimiter: an explicit mapping's, else the sniffed one. */
export function csvDelimiter(opts: DetectOptions, sniff: SniffResult): string {
  return opts.mappings?.find((m) => m.delimiter)?.delimiter ?? sniff.delimiter;
}

export function readTableRows(path: string, sniff: SniffResult, delimiter: string): AsyncGenerator<TableRow> {
  return sniff.container === 'xlsx'
    ? readXlsxRows(path)
    : readCsvRows(path, sniff.encoding ?? 'utf-8', delimiter);
}

/** Feed rows in file order; returns the detection once a row matches every column of a candidate. */
export class HeaderLocator {
  private closest: { mapping: ColumnMapping; missing: string[]; line: number; sheet: string | null } | null =
    null;
  private readonly builtIns = INTAKE_FORMATS.map(builtInMapping);
  /** Explicit mappings first, then every built-in format. */
  private readonly candidates: readonly ColumnMapping[];

  constructor(
    mappings: readonly ColumnMapping[] | undefined,
    private readonly sniff: SniffResult,
    private readonly delimiter: string,
    readonly scanRows = DEFAULT_HEADER_SCAN_ROWS,
  ) {
    this.candidates = [...(mappings ?? []), ...this.builtIns];
  }

  offer(row: TableRow): DetectedFormat | null {
    if (row.malformed || row.line > this.scanRows) return null;
    const headers = row.cells.map(cellText);
    for (const mapping of this.candidates) {
      const sheet = mapping.sheet;
      if (sheet && row.sheet !== null && row.sheet !== sheet) continue;
      const { columnIndex, missing } = resolveColumns(headers, mapping);
      if (missing.length === 0) {
        return {
          format: mapping.format,
          container: this.sniff.container,
          encoding: this.sniff.encoding,
          sheet: row.sheet,
          headerLine: row.line,
          headers,
          columnIndex,
          mapping: this.builtIns.includes(mapping) ? null : mapping,
          delimiter: this.delimiter,
        };
      }
      const matched = Object.keys(columnIndex).length;
      if (matched > 0 && (!this.closest || missing.length < this.closest.missing.length)) {
        this.closest = { mapping, missing, line: row.line, sheet: row.sheet };
      }
    }
    return null;
  }

  /** CSV headers can only be in the first rows; XLSX headers may still come in a later sheet. */
  gaveUp(row: TableRow): boolean {
    return this.sniff.container === 'csv' && row.line >= this.scanRows;
  }

  error(): IntakeFormatError {
    const c = this.closest;
    const expected = DEFAULT_SHEETS['court-referral'];
    if (!c) {
      return new IntakeFormatError(
        'unrecognised-format',
        `无法识别文件格式：前${this.scanRows}行中没有12345工单、网格上报事件或法院委派案件（工作表「${expected}」）的表头`,
        { container: this.sniff.container, encoding: this.sniff.encoding },
      );
    }
    return new IntakeFormatError(
      'unrecognised-format',
      `无法识别文件格式：最接近「${FORMAT_LABELS[c.mapping.format]}」（第${c.line}行${c.sheet ? `，工作表「${c.sheet}」` : ''}），缺少列：${c.missing.join('、')}`,
      { closestFormat: c.mapping.format, missingColumns: c.missing, line: c.line, sheet: c.sheet },
    );
  }
}

export function assertExpectedFormat(detection: DetectedFormat, expected: IntakeFormat | undefined): void {
  if (expected && detection.format !== expected) {
    throw new IntakeFormatError(
      'unexpected-format',
      `文件是「${FORMAT_LABELS[detection.format]}」，不是「${FORMAT_LABELS[expected]}」`,
      { detected: detection.format, expected },
    );
  }
}

/**
 * Detect what a file is from its bytes and header row. Throws IntakeFormatError when no known
 * format (or supplied mapping) matches, naming the closest format and its missing columns.
 * readIntakeFile detects inline, so a file is never read twice.
 */
export async function detectFormat(path: string, opts: DetectOptions = {}): Promise<DetectedFormat> {
  const sniff = await sniffFile(path, opts.encoding);
  const delimiter = csvDelimiter(opts, sniff);
  const locator = new HeaderLocator(opts.mappings, sniff, delimiter, opts.headerScanRows);
  let found: DetectedFormat | null = null;
  for await (const row of readTableRows(path, sniff, delimiter)) {
    found = locator.offer(row);
    if (found || locator.gaveUp(row)) break;
  }
  if (!found) throw locator.error();
  return found;
}
