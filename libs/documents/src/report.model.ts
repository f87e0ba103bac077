import { DocumentInputError } from './documents.errors';
import type { ReportCell } from './report.types';

/** Checks that `columns` are strings and every row has exactly one valid cell per column. */
export function validateGrid(columns: unknown, rows: unknown, field: string): void {
  if (!Array.isArray(columns) || columns.length === 0)
    throw new DocumentInputError('needs at least one column', `${field}.columns`);
  columns.forEach((c, i) => {
    if (typeof c !== 'string') throw new DocumentInputError('must be a string', `${field}.columns[${i}]`);
  });
  if (!Array.isArray(rows)) throw new DocumentInputError('must be an array', `${field}.rows`);
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw new DocumentInputError(`must have ${columns.length} cells`, `${field}.rows[${r}]`);
    }
    row.forEach((cell: unknown, c) => {
      const ok =
        cell === null || typeof cell === 'string' || (typeof cell === 'number' && Number.isFinite(cell));
      if (!ok)
        throw new DocumentInputError(
          'must be a string, a finite number or null',
          `${field}.rows[${r}][${c}]`,
        );
    });
  });
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/** Cell text for PDF: numbers with thousands separators (15,355), null as empty. */
export function formatCellText(cell: ReportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? integer.format(cell) : decimal.format(cell);
  return cell;
}
