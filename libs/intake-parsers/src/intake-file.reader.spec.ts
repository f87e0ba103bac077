import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { IntakeRow } from './intake.types';
import { readIntakeFile } from './intake-file.reader';
import { detectFormat } from './format-detector';
import {
  collectRows,
  COURT_REFERRALS_FILE,
  GRID_REPORTS_FILE,
  loadAnswerKey,
  WORK_ORDERS_FILE,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();

async function firstRows(path: string, n: number): Promise<IntakeRow[]> {
  const out: IntakeRow[] = [];
  for await (const row of readIntakeFile(path)) {
    out.push(row);
    if (out.length === n) break;
  }
  return out;
}

function tmpEntries(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('tmp-')));
}

describe('readIntakeFile streaming', () => {
  it.each([WORK_ORDERS_FILE, GRID_REPORTS_FILE, COURT_REFERRALS_FILE])(
    'stops cleanly when the consumer stops early (%s)',
    async (path) => {
      const before = tmpEntries();
      const rows = await firstRows(path, 3);
      expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
      // exceljs buffers the sheet in a temp file (unlinked asynchronously); stopping early must not leave it behind.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect([...tmpEntries()].filter((f) => !before.has(f))).toEqual([]);
    },
  );

  it('reuses a previous detection instead of detecting again', async () => {
    const detection = await detectFormat(GRID_REPORTS_FILE);
    const rows = await collectRows(GRID_REPORTS_FILE, { detection });
    expect(rows).toHaveLength(key.files['grid_reports.csv'].rows);
    await expect(
      collectRows(GRID_REPORTS_FILE, { detection, expectFormat: 'court-referral' }),
    ).rejects.toMatchObject({
      code: 'unexpected-format',
    });
  });

  it('yields items that an importer can use directly (ok/line/sourceId/record or reason)', async () => {
    const [row] = await firstRows(COURT_REFERRALS_FILE, 1);
    expect(row).toMatchObject({
      ok: true,
      format: 'court-referral',
      line: 2,
      sourceId: '（2024）苏0612民诉前调1号',
    });
    expect(row.raw).toMatchObject({ 案号: '（2024）苏0612民诉前调1号', '标的额(元)': '44023.80' });
  });

  it('throws a file-level error for a missing file', async () => {
    await expect(collectRows('/nonexistent/intake.csv')).rejects.toMatchObject({ code: 'unreadable-file' });
  });
});
