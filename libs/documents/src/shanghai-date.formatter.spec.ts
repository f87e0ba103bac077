import { DocumentInputError } from './documents.errors';
import { formatShanghaiDate, formatShanghaiDateTime } from './shanghai-date.formatter';

describe('Asia/Shanghai formatting', () => {
  it('formats an instant as Shanghai wall-clock time', () => {
    expect(formatShanghaiDateTime(new Date('2024-03-01T06:05:00Z'))).toBe('2024年3月1日 14:05');
  });

  it('uses the Shanghai calendar day across UTC midnight', () => {
    expect(formatShanghaiDateTime(new Date('2024-02-29T16:30:00Z'))).toBe('2024年3月1日 00:30');
    expect(formatShanghaiDate(new Date('2024-02-29T16:30:00Z'))).toBe('2024年3月1日');
  });

  it('prints a calendar date string as given', () => {
    expect(formatShanghaiDate('2024-12-09')).toBe('2024年12月9日');
  });

  it('rejects impossible dates and invalid instants', () => {
    expect(() => formatShanghaiDate('2024-02-30')).toThrow(DocumentInputError);
    expect(() => formatShanghaiDate('1 March 2024')).toThrow(DocumentInputError);
    expect(() => formatShanghaiDateTime(new Date('nope'))).toThrow(DocumentInputError);
  });
});
