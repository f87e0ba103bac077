/**
 * readIntakeFile: stream a 12345 / grid / court export row by row as validated, normalised records
 * or rejections. One pass over the file (the header is detected inline), constant memory.
 */
import type {
  DetectedFormat,
  IntakeFormat,
  IntakeRecord,
  IntakeRow,
  ReadOptions,
  RejectedRow,
  RowIssue,
  TableRow,
} from './intake.types';
import { assertExpectedFormat, csvDelimiter, HeaderLocator, readTableRows } from './format-detector';
import { sniffFile } from './file-sniffer';
import { RowValidator, type FormatRowParser } from './row-validator';
import { rejectionMessage } from './rejection-reasons';
import { contentHash } from './content-hash.util';
import { workOrderParser } from './work-order.parser';
import { gridReportParser } from './grid-report.parser';
import { courtReferralParser } from './court-referral.parser';

export const ROW_PARSERS: Record<IntakeFormat, FormatRowParser> = {
  'work-order': workOrderParser,
  'grid-report': gridReportParser,
  'court-referral': courtReferralParser,
};

function rejected(detection: DetectedFormat, line: number, v: RowValidator, sourceId: string): RejectedRow {
  const [first] = v.issues;
  return {
    ok: false,
    format: detection.format,
    line,
    column: first.column,
    header: first.header,
    reason: first.reason,
    message: first.message,
    ...(sourceId ? { sourceId } : {}),
    issues: v.issues,
    raw: v.raw(),
  };
}

function rowLevelIssue(
  reason: RowIssue['reason'],
  column: string | null = null,
  header: string | null = null,
): RowIssue {
  return { column, header, reason, message: rejectionMessage(reason, column) };
}

/** Problems that make a row's cells untrustworthy as a whole (checked before any column). */
function structuralIssue(row: TableRow, detection: DetectedFormat): RowIssue | null {
  if (row.malformed) return rowLevelIssue('malformed record');
  if (detection.container === 'csv' && row.cells.length !== detection.headers.length) {
    return rowLevelIssue('wrong column count');
  }
  for (const [column, index] of Object.entries(detection.columnIndex)) {
    const cell = row.cells[index];
    if (typeof cell === 'string' && cell.includes('\uFFFD')) {
      return rowLevelIssue('undecodable characters', column, detection.headers[index] ?? column);
    }
    // PostgreSQL text and jsonb cannot hold U+0000: one such cell used to fail the whole import at the insert
    if (typeof cell === 'string' && cell.includes('\u0000')) {
      return rowLevelIssue('NUL character', column, detection.headers[index] ?? column);
    }
  }
  return null;
}

function isBlank(row: TableRow): boolean {
  return !row.malformed && row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Turn one data row into an accepted record or a rejection; null for blank rows (skipped). */
export function parseTableRow(row: TableRow, detection: DetectedFormat): IntakeRow | null {
  if (isBlank(row)) return null;
  const parser = ROW_PARSERS[detection.format];
  const v = new RowValidator(row.cells, detection.columnIndex, detection.headers);
  const sourceId = row.malformed ? '' : v.text(parser.sourceIdColumn);
  const structural = structuralIssue(row, detection);
  if (structural) {
    v.issues.push(structural);
    return rejected(detection, row.line, v, sourceId);
  }
  const record = parser.parse(v);
  if (!record) return rejected(detection, row.line, v, sourceId);
  return {
    ok: true,
    format: detection.format,
    line: row.line,
    sourceId: record.sourceId,
    record,
    raw: v.raw(),
    contentHash: contentHash(record),
  };
}

/**
 * Stream the rows of an intake export. The format is detected from content (or taken from
 * opts.detection); file-level problems throw IntakeFormatError before the first row is yielded.
 * Items are yielded in file order; their `line` is the CSV line (header = 1) or the sheet row.
 */
export async function* readIntakeFile<R extends IntakeRecord = IntakeRecord>(
  path: string,
  opts: ReadOptions = {},
): AsyncGenerator<IntakeRow<R>> {
  let detection = opts.detection ?? null;
  const sniff = await sniffFile(path, opts.encoding ?? detection?.encoding ?? undefined);
  const delimiter = detection?.delimiter ?? csvDelimiter(opts, sniff);
  const locator = detection ? null : new HeaderLocator(opts.mappings, sniff, delimiter, opts.headerScanRows);
  if (detection) assertExpectedFormat(detection, opts.expectFormat);

  for await (const row of readTableRows(path, sniff, delimiter)) {
    if (!detection) {
      detection = locator?.offer(row) ?? null;
      if (detection) assertExpectedFormat(detection, opts.expectFormat);
      else if (locator?.gaveUp(row)) break;
      continue;
    }
    if (row.sheet !== detection.sheet || row.line <= detection.headerLine) continue;
    const item = parseTableRow(row, detection);
    if (item) yield item as IntakeRow<R>;
  }
  if (!detection) throw (locator as HeaderLocator).error();
}
