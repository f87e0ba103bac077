import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRIGGER_DDL } from './stats-triggers.sql';

const MIGRATIONS = join(__dirname, '..', '..', 'db', 'migrations');
const statements = (file: string) =>
  readFileSync(join(MIGRATIONS, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) =>
      s
        .replace(/^(--[^\n]*\n)+/, '')
        .trim()
        .replace(/;$/, ''),
    );

describe('statistics trigger migration', () => {
  it('the newest migration that installs the triggers states TRIGGER_DDL exactly', () => {
    const files = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .filter((f) => statements(f).some((s) => s.startsWith('create or replace function tj_stats_')));
    expect(files.length).toBeGreaterThan(0);
    const installed = statements(files[files.length - 1]).filter((s) =>
      /^create or replace (function|trigger) tj_stats_/.test(s),
    );
    expect(installed).toEqual(TRIGGER_DDL);
  });
});
