import { toCsv } from './csv.writer';
import { DocumentInputError } from './documents.errors';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and encodes Chinese as UTF-8', () => {
    const out = toCsv(['街道', '数量'], [['城东镇', 12]]);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8')).toBe('街道,数量\r\n城东镇,12\r\n');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const text = toCsv(['a', 'b', 'c', 'd'], [['x,y', '他说"好"', '第一行\n第二行', null]])
      .toString('utf8')
      .slice(1);
    expect(text).toBe('a,b,c,d\r\n"x,y","他说""好""","第一行\n第二行",\r\n');
  });

  it('leaves plain fields, spaces and numbers alone', () => {
    expect(
      toCsv(['a', 'b', 'c'], [[' 空格 ', -12.5, 0]])
        .toString('utf8')
        .slice(1),
    ).toBe('a,b,c\r\n 空格 ,-12.5,0\r\n');
  });

  it('guards text a spreadsheet would run as a formula, unless turned off', () => {
    const rows = [['=HYPERLINK("x")', '@SUM(A1)', '-12.5', '+86']];
    expect(toCsv(['a', 'b', 'c', 'd'], rows).toString('utf8').slice(1)).toBe(
      `a,b,c,d\r\n"'=HYPERLINK(""x"")",'@SUM(A1),-12.5,+86\r\n`,
    );
    expect(toCsv(['a', 'b', 'c', 'd'], rows, { guardFormulas: false }).toString('utf8').slice(1)).toBe(
      'a,b,c,d\r\n"=HYPERLINK(""x"")",@SUM(A1),-12.5,+86\r\n',
    );
  });

  it('rejects rows that do not match the columns', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(DocumentInputError);
    expect(() => toCsv([], [])).toThrow(DocumentInputError);
  });
});
