/**
 * A live-feed payload → parsed rows, through the same validators as the file import. A payload is
 * one row object keyed by the export's (Chinese) column names, or { "rows": [ … ] }; times are
 * Asia/Shanghai wall-clock text as in the exports. Row numbers are 1-based positions in the payload.
 */
import { DomainError, isStorableText } from '@tiaojie/core';
import {
  CANONICAL_COLUMNS,
  parseTableRow,
  type CellValue,
  type DetectedFormat,
  type IntakeFormat,
  type IntakeRow,
} from '@tiaojie/intake-parsers';

export const MAX_WEBHOOK_ROWS = 1000;

function detectionFor(format: IntakeFormat): DetectedFormat {
  const headers = [...CANONICAL_COLUMNS[format]];
  return {
    format,
    container: 'xlsx',
    encoding: null,
    sheet: null,
    headerLine: 0,
    headers,
    columnIndex: Object.fromEntries(headers.map((h, i) => [h, i])),
    mapping: null,
    delimiter: ',',
  };
}

function rowsOf(payload: unknown): unknown[] {
  if (
    payload &&
    typeof payload === 'object' &&
    !Array.isArray(payload) &&
    Array.isArray((payload as { rows?: unknown }).rows)
  ) {
    return (payload as { rows: unknown[] }).rows;
  }
  return [payload];
}

/** Checks the payload's shape (400 on anything but row objects of known columns with scalar values). */
export function validateWebhookPayload(format: IntakeFormat, payload: unknown): Record<string, CellValue>[] {
  const rows = rowsOf(payload);
  if (rows.length === 0 || rows.length > MAX_WEBHOOK_ROWS) {
    throw DomainError.validation(`每次推送 1–${MAX_WEBHOOK_ROWS} 条记录`, { field: 'rows' });
  }
  const known = new Set(CANONICAL_COLUMNS[format]);
  return rows.map((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      throw DomainError.validation(`第${i + 1}条记录不是对象`, {
        row: i + 1,
      });
    }
    const unknown = Object.keys(row).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw DomainError.validation(`第${i + 1}条记录含未知字段：${unknown.join('、')}`, {
        row: i + 1,
        unknownColumns: unknown,
        columns: [...known],
      });
    }
    for (const [k, v] of Object.entries(row)) {
      if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
        throw DomainError.validation(`第${i + 1}条记录字段“${k}”不是文本或数字`, { row: i + 1, column: k });
      }
      if (typeof v === 'string' && !isStorableText(v)) {
        throw DomainError.validation(`第${i + 1}条记录字段“${k}”含有无效字符`, { row: i + 1, column: k });
      }
    }
    return row as Record<string, CellValue>;
  });
}

/** Parses validated payload rows; blank rows are skipped. */
export function parseWebhookRows(format: IntakeFormat, rows: Record<string, CellValue>[]): IntakeRow[] {
  const detection = detectionFor(format);
  const out: IntakeRow[] = [];
  rows.forEach((row, i) => {
    const cells = detection.headers.map((h) =>
      row[h] === undefined ? null : typeof row[h] === 'boolean' ? String(row[h]) : row[h],
    );
    const parsed = parseTableRow({ sheet: null, line: i + 1, cells }, detection);
    if (parsed) out.push(parsed);
  });
  return out;
}
