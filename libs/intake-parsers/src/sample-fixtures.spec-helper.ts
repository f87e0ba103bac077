/** Test helpers: the sample-2024 fixtures copied into this library (never ../shared) and temp files. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeRecord, IntakeRow, ReadOptions } from './intake.types';
import { readIntakeFile } from './intake-file.reader';

export const SAMPLE_DIR = join(__dirname, '..', 'fixtures', 'sample-2024');
export const WORK_ORDERS_FILE = join(SAMPLE_DIR, 'work_orders_12345.csv');
export const GRID_REPORTS_FILE = join(SAMPLE_DIR, 'grid_reports.csv');
export const COURT_REFERRALS_FILE = join(SAMPLE_DIR, 'court_referrals.xlsx');

export interface AnswerKeyFile {
  encoding: string;
  rows: number;
  badRows: { row: number; id: string; reason: string }[];
  repeatedRows?: string[];
}

export interface AnswerKey {
  crossChannelDuplicates: [string, string][];
  files: Record<'work_orders_12345.csv' | 'grid_reports.csv' | 'court_referrals.xlsx', AnswerKeyFile>;
  expected: {
    gridReports: { received: number; closed: number; disputes: number };
    workOrders: {
      received: number;
      bySource: Record<string, number>;
      disputes: number;
      rated: number;
      satisfied: number;
    };
    courtReferrals: { received: number };
  };
}

export function loadAnswerKey(): AnswerKey {
  return JSON.parse(readFileSync(join(SAMPLE_DIR, 'answer_key.json'), 'utf8')) as AnswerKey;
}

export async function collectRows<R extends IntakeRecord = IntakeRecord>(
  path: string,
  opts?: ReadOptions,
): Promise<IntakeRow<R>[]> {
  const rows: IntakeRow<R>[] = [];
  for await (const row of readIntakeFile<R>(path, opts)) rows.push(row);
  return rows;
}

/** A fresh temp directory and its cleanup. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'intake-parsers-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The answer-key checks shared by the three sample files: row count, every bad row rejected at its
 * exact line with its reason (and id), every other row accepted.
 */
export function expectAnswerKeyRows(rows: readonly IntakeRow[], key: AnswerKeyFile): void {
  expect(rows).toHaveLength(key.rows);
  const rejected = rows.filter((r) => !r.ok);
  const expectedBad = [...key.badRows].sort((a, b) => a.row - b.row);
  expect(rejected.map((r) => ({ row: r.line, id: r.sourceId ?? '', reason: r.reason }))).toEqual(expectedBad);
  const badLines = new Set(key.badRows.map((b) => b.row));
  const accepted = rows.filter((r) => r.ok);
  expect(accepted).toHaveLength(key.rows - key.badRows.length);
  expect(accepted.every((r) => !badLines.has(r.line))).toBe(true);
  // Line numbers are the file's: header = 1, data from 2, strictly increasing.
  expect(rows.map((r) => r.line)).toEqual(Array.from({ length: key.rows }, (_, i) => i + 2));
}
