import fc from 'fast-check';
import {
  addCalendarDays,
  calendarDaysBetween,
  dayOfWeek,
  endOfBusinessDay,
  formatShanghaiWallClock,
  isBusinessDate,
  shanghaiWallClockToInstant,
  startOfBusinessDay,
  toBusinessDate,
} from './business-date';
import { InvalidBusinessDateError } from './invalid-business-date.error';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('toBusinessDate (Asia/Shanghai = UTC+8)', () => {
  it.each([
    ['2024-03-01T15:59:59.999Z', '2024-03-01'],
    ['2024-03-01T16:00:00.000Z', '2024-03-02'],
    ['2024-02-29T20:00:00.000Z', '2024-03-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2024-12-31T15:59:59.000Z', '2024-12-31'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(toBusinessDate(new Date(instant))).toBe(date);
  });

  it('rejects an invalid Date', () => {
    expect(() => toBusinessDate(new Date('not a date'))).toThrow(InvalidBusinessDateError);
  });
});

describe('endOfBusinessDay / startOfBusinessDay', () => {
  it('ends a day at 23:59:59 Shanghai, i.e. 15:59:59Z', () => {
    expect(endOfBusinessDay('2024-03-01').toISOString()).toBe('2024-03-01T15:59:59.000Z');
    expect(endOfBusinessDay('2025-01-01').toISOString()).toBe('2025-01-01T15:59:59.000Z');
  });

  it('starts a day at 00:00 Shanghai, i.e. 16:00Z the day before', () => {
    expect(startOfBusinessDay('2024-03-01').toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it.each(['2024-02-30', '2024-3-1', '2023-02-29', '2024-13-01', '24-03-01', ''])('rejects %j', (bad) => {
    expect(() => endOfBusinessDay(bad)).toThrow(InvalidBusinessDateError);
  });
});

describe('shanghaiWallClockToInstant', () => {
  it.each([
    ['2024-03-01 09:30:00', '2024-03-01T01:30:00.000Z'],
    ['2024-03-01 09:30', '2024-03-01T01:30:00.000Z'],
    ['2024/3/1 9:30', '2024-03-01T01:30:00.000Z'],
    ['2024/3/1 9:30:05', '2024-03-01T01:30:05.000Z'],
    ['2024/12/31 23:59:59', '2024-12-31T15:59:59.000Z'],
    ['2024-01-01 07:59:59', '2023-12-31T23:59:59.000Z'],
    ['2024-02-29 10:00:00', '2024-02-29T02:00:00.000Z'],
    ['  2024-05-05 19:30:24 ', '2024-05-05T11:30:24.000Z'],
  ])('parses %j', (text, expected) => {
    expect(iso(shanghaiWallClockToInstant(text))).toBe(expected);
  });

  it.each([
    '2024/13/45 25:61',
    '2024-02-30 10:00',
    '2023-02-29 10:00',
    '2024-03-01 24:00',
    '2024-03-01 10:60',
    '2024-03-01 10:00:60',
    '2024-03-01',
    '2024-3/1 9:30',
    '20240301 0930',
    '',
    'yesterday',
  ])('returns null for %j', (text) => {
    expect(shanghaiWallClockToInstant(text)).toBeNull();
  });

  it('round-trips through formatShanghaiWallClock', () => {
    const instant = shanghaiWallClockToInstant('2024/2/4 8:05');
    expect(instant && formatShanghaiWallClock(instant)).toBe('2024-02-04 08:05:00');
  });

  it('puts every wall-clock time of a day on that business date', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (day, h, m, s) => {
          const date = day.toISOString().slice(0, 10);
          const p = (n: number) => String(n).padStart(2, '0');
          const instant = shanghaiWallClockToInstant(`${date} ${p(h)}:${p(m)}:${p(s)}`);
          return (
            instant !== null &&
            toBusinessDate(instant) === date &&
            formatShanghaiWallClock(instant) === `${date} ${p(h)}:${p(m)}:${p(s)}`
          );
        },
      ),
    );
  });
});

describe('calendar-day arithmetic', () => {
  it('crosses month, leap day and year ends', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('knows weekdays', () => {
    expect(dayOfWeek('2024-02-04')).toBe(0); // Sunday
    expect(dayOfWeek('2025-02-08')).toBe(6); // Saturday
    expect(dayOfWeek('2027-01-01')).toBe(5); // Friday
  });

  it('rejects fractional day counts', () => {
    expect(() => addCalendarDays('2024-01-01', 1.5)).toThrow(RangeError);
  });

  it('validates business date strings', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    expect(isBusinessDate('2025-02-29')).toBe(false);
    expect(isBusinessDate('2024-2-9')).toBe(false);
  });
});
