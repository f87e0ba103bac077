import fc from 'fast-check';
import { formatShanghaiWallClock } from '@tiaojie/business-time';
import { parseShanghaiDate, parseShanghaiDateTime } from './cell-time.parser';

describe('parseShanghaiDateTime', () => {
  it.each([
    ['2024-05-05 18:20:24', '2024-05-05T10:20:24.000Z'],
    ['2024-05-05 18:20', '2024-05-05T10:20:00.000Z'],
    ['2024/05/05 18:20:24', '2024-05-05T10:20:24.000Z'],
    ['2024/5/5 8:20', '2024-05-05T00:20:00.000Z'],
    ['2024.05.05 18:20', '2024-05-05T10:20:00.000Z'],
    ['2024-05-05T18:20:24', '2024-05-05T10:20:24.000Z'],
    ['2024年5月5日 18:20', '2024-05-05T10:20:00.000Z'],
    ['  2024-01-01 00:00:00 ', '2023-12-31T16:00:00.000Z'],
    ['2024-02-29 07:59:59', '2024-02-28T23:59:59.000Z'],
  ])('reads %s as Shanghai wall-clock', (text, iso) => {
    expect(parseShanghaiDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2024/13/45 25:61',
    '昨天下午',
    '2024-05-05',
    '2023-02-29 10:00',
    '2024-05-05 24:00',
    '2024-05/05 10:00',
    '',
    '45000',
  ])('rejects %s', (text) => {
    expect(parseShanghaiDateTime(text)).toBeNull();
  });

  it('reads Excel cells: exceljs Dates (wall-clock in UTC fields) and date serials', () => {
    expect(parseShanghaiDateTime(new Date(Date.UTC(2024, 4, 5, 18, 20, 24)))?.toISOString()).toBe(
      '2024-05-05T10:20:24.000Z',
    );
    expect(parseShanghaiDateTime(45417.5)?.toISOString()).toBe('2024-05-05T04:00:00.000Z'); // 2024-05-05 12:00
    expect(parseShanghaiDateTime(-1)).toBeNull();
    expect(parseShanghaiDateTime(null)).toBeNull();
  });

  it('round-trips with formatShanghaiWallClock for any second of 1990–2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }),
        (seconds) => {
          const at = new Date(seconds * 1000);
          const text = formatShanghaiWallClock(at);
          return (
            parseShanghaiDateTime(text)?.getTime() === at.getTime() &&
            parseShanghaiDateTime(text.replace(/-/g, '/'))?.getTime() === at.getTime()
          );
        },
      ),
    );
  });
});

describe('parseShanghaiDate', () => {
  it('reads text dates, Excel Dates and serials as YYYY-MM-DD', () => {
    expect(parseShanghaiDate('2024-06-04')).toBe('2024-06-04');
    expect(parseShanghaiDate('2024/6/4')).toBe('2024-06-04');
    expect(parseShanghaiDate('2024-06-04 00:00:00')).toBe('2024-06-04');
    expect(parseShanghaiDate(new Date(Date.UTC(2024, 5, 4)))).toBe('2024-06-04');
    expect(parseShanghaiDate(45447)).toBe('2024-06-04');
  });

  it('rejects impossible dates and dates with a time of day', () => {
    expect(parseShanghaiDate('2024-06-31')).toBeNull();
    expect(parseShanghaiDate('2024-06-04 10:00')).toBeNull();
    expect(parseShanghaiDate('六月四日')).toBeNull();
  });
});
