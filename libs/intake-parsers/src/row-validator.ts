/**
 * Typed access to one row's cells by canonical column name, collecting every problem found
 * (each with its column, the file's header and a stable reason code) instead of stopping at the first.
 */
import type { CellValue, IntakeRecord, RawRow, RowIssue } from './intake.types';
import { rejectionMessage, type RejectionCode } from './rejection-reasons';
import { parseShanghaiDate, parseShanghaiDateTime, formatExcelDateCell } from './cell-time.parser';
import { isValidChineseId, normalizeChineseId, normalizePhone } from '@tiaojie/personal-data';

/** Trim ASCII and full-width (U+3000) whitespace. */
function trimText(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatExcelDateCell(value);
  return trimText(String(value));
}

export class RowValidator {
  readonly issues: RowIssue[] = [];

  constructor(
    private readonly cells: readonly CellValue[],
    private readonly columnIndex: Readonly<Record<string, number>>,
    private readonly headers: readonly string[],
  ) {}

  /** The cell of a canonical column (null when the row is too short). */
  cell(column: string): CellValue {
    const i = this.columnIndex[column];
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  text(column: string): string {
    return cellText(this.cell(column));
  }

  /** Text or null when empty. */
  optionalText(column: string): string | null {
    return this.text(column) || null;
  }

  fail(column: string | null, reason: RejectionCode): null {
    const header = column === null ? null : (this.headers[this.columnIndex[column]] ?? column);
    this.issues.push({
      column,
      header: header === null ? null : trimText(header),
      reason,
      message: rejectionMessage(reason, column),
    });
    return null;
  }

  get valid(): boolean {
    return this.issues.length === 0;
  }

  /** Non-empty text, else an issue. */
  required(column: string, reason: RejectionCode): string {
    const v = this.text(column);
    if (!v) this.fail(column, reason);
    return v;
  }

  /** One of the allowed values, else an issue (an empty cell is not allowed either). */
  oneOf<T extends string>(column: string, allowed: readonly T[], reason: RejectionCode): T | null {
    const v = this.text(column);
    return (allowed as readonly string[]).includes(v) ? (v as T) : this.fail(column, reason);
  }

  dateTime(column: string, reason: RejectionCode, required: boolean): Date | null {
    const cell = this.cell(column);
    if (cellText(cell) === '') return required ? this.fail(column, reason) : null;
    return (
      parseShanghaiDateTime(typeof cell === 'string' ? cellText(cell) : cell) ?? this.fail(column, reason)
    );
  }

  date(column: string, reason: RejectionCode): string | null {
    const cell = this.cell(column);
    if (cellText(cell) === '') return this.fail(column, reason);
    return parseShanghaiDate(typeof cell === 'string' ? cellText(cell) : cell) ?? this.fail(column, reason);
  }

  /** An integer cell within [min, max] (text of ASCII or full-width digits, or a whole number). */
  integer(column: string, reason: RejectionCode, min: number, max: number): number | null {
    const cell = this.cell(column);
    const text = cellText(cell).normalize('NFKC');
    const n = typeof cell === 'number' ? cell : /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : this.fail(column, reason);
  }

  /** Optional phone: null when empty, canonical form when valid, else an issue. */
  phone(column: string): string | null {
    const v = this.text(column);
    if (!v) return null;
    return normalizePhone(v) ?? this.fail(column, 'invalid phone');
  }

  /** Optional 18-character ID number: null when empty, upper-cased when valid, else an issue. */
  idNumber(column: string): string | null {
    const v = this.text(column);
    if (!v) return null;
    const id = normalizeChineseId(v);
    return isValidChineseId(id) ? id : this.fail(column, 'invalid ID number');
  }

  /** The row as text keyed by canonical column (for change detection and review screens). */
  raw(): RawRow {
    const out: RawRow = {};
    for (const column of Object.keys(this.columnIndex)) out[column] = this.text(column);
    return out;
  }
}

/** Shared shape of the three row parsers. */
export interface FormatRowParser<R extends IntakeRecord = IntakeRecord> {
  sourceIdColumn: string;
  /** The record when the row is valid; otherwise null, with the problems in validator.issues. */
  parse(v: RowValidator): R | null;
}
