import { InvalidBusinessDateError } from './invalid-business-date.error';
import { formatShanghai, formatShanghaiDate, formatShanghaiTime, shanghaiYear } from './shanghai-format';

describe('Asia/Shanghai formatting', () => {
  it('formats an instant as Shanghai wall-clock time', () => {
    expect(formatShanghai(new Date('2024-03-01T06:05:00Z'))).toBe('2024年3月1日 14:05');
    expect(formatShanghaiTime(new Date('2024-03-01T16:05:00Z'))).toBe('00:05');
  });

  it('uses the Shanghai calendar day and year across UTC midnight', () => {
    expect(formatShanghai(new Date('2024-02-29T16:30:00Z'))).toBe('2024年3月1日 00:30');
    expect(formatShanghaiDate(new Date('2024-02-29T16:30:00Z'))).toBe('2024年3月1日');
    expect(formatShanghai(new Date('2024-02-29T16:30:00Z'), false)).toBe('2024年3月1日');
    expect(shanghaiYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(shanghaiYear(new Date('2024-12-31T15:59:59Z'))).toBe(2024);
  });

  it('prints a calendar date string as given', () => {
    expect(formatShanghaiDate('2024-12-09')).toBe('2024年12月9日');
  });

  it('rejects impossible dates and invalid instants', () => {
    expect(() => formatShanghaiDate('2024-02-30')).toThrow(InvalidBusinessDateError);
    expect(() => formatShanghaiDate('1 March 2024')).toThrow(InvalidBusinessDateError);
    expect(() => formatShanghai(new Date('nope'))).toThrow(InvalidBusinessDateError);
  });
});
