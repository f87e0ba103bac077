import { parseArgs } from './cli-context';

describe('parseArgs', () => {
  it('reads flags, options (spaced and inline) and positionals', () => {
    const a = parseArgs(
      ['--json', '--year', '2024', '--pdf=out.pdf', 'file.csv'],
      ['json', 'help'],
      ['year', 'pdf'],
    );
    expect([...a.flags]).toEqual(['json']);
    expect(Object.fromEntries(a.options)).toEqual({ year: '2024', pdf: 'out.pdf' });
    expect(a.positional).toEqual(['file.csv']);
  });

  it('refuses unknown options and options without a value, in Chinese', () => {
    expect(() => parseArgs(['--nope'], ['json'], ['year'])).toThrow('未知选项：--nope');
    expect(() => parseArgs(['--year'], ['json'], ['year'])).toThrow(
      '选项取值有误（缺少取值或不应带取值）：--year',
    );
  });
});
