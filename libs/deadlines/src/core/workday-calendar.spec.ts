import fc from 'fast-check';
import { addCalendarDays, InvalidBusinessDateError } from '@tiaojie/business-time';
import { CalendarDataError } from './deadline-errors';
import { WorkdayCalendar } from './workday-calendar';

const cal = WorkdayCalendar.builtIn();

function workingDaysIn(calendar: WorkdayCalendar, year: number): number {
  let count = 0;
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    if (calendar.isWorkingDay(d)) count++;
  }
  return count;
}

describe('WorkdayCalendar.builtIn (State Council notices 2024–2026)', () => {
  it('covers 2024–2026 only', () => {
    expect(cal.coveredYears()).toEqual([2024, 2025, 2026]);
    expect(cal.covers(2025)).toBe(true);
    expect(cal.covers(2023)).toBe(false);
    expect(cal.covers(2027)).toBe(false);
  });

  // Weekdays minus weekday holidays plus make-up days, counted by hand from the notices.
  it.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days', (year, expected) => {
    expect(workingDaysIn(cal, year)).toBe(expected);
  });

  it.each([
    ['2024-02-04', 'makeup_workday'], // Sunday worked before Spring Festival
    ['2024-02-18', 'makeup_workday'], // Sunday worked after Spring Festival
    ['2025-01-26', 'makeup_workday'], // Sunday
    ['2025-02-08', 'makeup_workday'], // Saturday
    ['2024-02-10', 'holiday'], // Spring Festival, Saturday
    ['2024-02-12', 'holiday'], // Spring Festival, Monday
    ['2024-02-17', 'holiday'], // last day of the range (inclusive)
    ['2025-02-04', 'holiday'], // last day of the 2025 range
    ['2024-10-07', 'holiday'], // National Day, Monday
    ['2024-02-03', 'weekend'],
    ['2024-02-09', 'workday'], // Friday before the holiday
    ['2025-02-05', 'workday'],
    ['2024-10-08', 'workday'],
  ])('%s is a %s', (date, kind) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'makeup_workday');
  });

  it('falls back to plain weekends for an uncovered year', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // Friday; no 2027 notice loaded
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(cal.uncoveredYearsBetween('2026-12-30', '2028-01-05')).toEqual([2027, 2028]);
    expect(cal.uncoveredYearsBetween('2026-12-31', '2027-01-01')).toEqual([2027]);
    expect(cal.uncoveredYearsBetween('2026-12-30', '2026-12-31')).toEqual([]);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(InvalidBusinessDateError);
    expect(() => cal.addWorkingDays('2024/02/01', 1)).toThrow(InvalidBusinessDateError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2024-02-02', 1, '2024-02-04'], // Friday → make-up Sunday
    ['2024-02-02', 10, '2024-02-21'], // across the 2024 Spring Festival and both make-up Sundays
    ['2024-02-09', 1, '2024-02-18'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 6, '2025-02-08'], // lands on the make-up Saturday
    ['2025-01-24', 7, '2025-02-10'],
    ['2024-02-19', -1, '2024-02-18'],
    ['2024-02-19', -2, '2024-02-09'],
    ['2024-02-12', 0, '2024-02-12'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(cal.addWorkingDays(start, n)).toBe(expected);
  });

  it('rejects fractional counts', () => {
    expect(() => cal.addWorkingDays('2024-02-01', 1.5)).toThrow(RangeError);
  });

  it('lands on a working day with exactly n working days in between', () => {
    const dates = fc.integer({ min: 0, max: 3 * 366 }).map((i) => addCalendarDays('2023-12-01', i));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = cal.addWorkingDays(start, n);
        let between = 0;
        for (let d = addCalendarDays(start, 1); d <= end; d = addCalendarDays(d, 1))
          if (cal.isWorkingDay(d)) between++;
        return cal.isWorkingDay(end) && end > start && between === n;
      }),
    );
  });

  it('nextWorkingDayOnOrAfter keeps a working day and skips a holiday', () => {
    expect(cal.nextWorkingDayOnOrAfter('2024-02-09')).toBe('2024-02-09');
    expect(cal.nextWorkingDayOnOrAfter('2024-02-14')).toBe('2024-02-18');
  });
});

describe('withYear (admin-added years)', () => {
  const year2027 = { holidays: ['2027-01-01/2027-01-03', '2027-02-06'], makeupWorkdays: ['2027-01-09'] };

  it('returns a new calendar and leaves the original alone', () => {
    const extended = cal.withYear(2027, year2027);
    expect(extended.covers(2027)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(extended.dayKind('2027-01-01')).toBe('holiday');
    expect(extended.dayKind('2027-01-09')).toBe('makeup_workday');
    expect(extended.dayKind('2024-02-18')).toBe('makeup_workday');
    expect(extended.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('can replace a year', () => {
    const replaced = cal.withYear(2024, { holidays: [], makeupWorkdays: [] });
    expect(replaced.isWorkingDay('2024-02-12')).toBe(true);
    expect(replaced.isWorkingDay('2024-02-04')).toBe(false);
  });

  it.each([
    [{ holidays: ['2027-02-30'], makeupWorkdays: [] }, /2027-02-30/],
    [{ holidays: ['2027/01/01'], makeupWorkdays: [] }, /not a valid date/],
    [{ holidays: ['2026-12-31'], makeupWorkdays: [] }, /not in 2027/],
    [{ holidays: ['2027-12-30/2028-01-02'], makeupWorkdays: [] }, /2028-01-02 is not in 2027/],
    [{ holidays: ['2027-01-03/2027-01-01'], makeupWorkdays: [] }, /ends before it starts/],
    [{ holidays: ['2027-01-01/2027-01-02/2027-01-03'], makeupWorkdays: [] }, /not a valid date/],
    [{ holidays: ['2027-01-01/2027-01-03'], makeupWorkdays: ['2027-01-02'] }, /2027-01-02 is both/],
    [{ holidays: [], makeupWorkdays: ['2027-01-05'] }, /not a Saturday or Sunday/],
    [{ holidays: [20270101], makeupWorkdays: [] }, /not a string/],
    [{ holidays: '2027-01-01', makeupWorkdays: [] }, /must be an array/],
    [{ holidays: [] }, /makeupWorkdays must be an array/],
  ])('rejects %j', (input, message) => {
    const attempt = () => cal.withYear(2027, input as never);
    expect(attempt).toThrow(CalendarDataError);
    expect(attempt).toThrow(message);
  });

  it.each([27, 2027.5, Number.NaN])('rejects year %p', (year) => {
    expect(() => cal.withYear(year, { holidays: [], makeupWorkdays: [] })).toThrow(CalendarDataError);
  });
});

describe('fromData', () => {
  it('rejects data in another time zone or with a bad year key', () => {
    expect(() => WorkdayCalendar.fromData({ timezone: 'UTC', years: {} })).toThrow(CalendarDataError);
    expect(() => WorkdayCalendar.fromData({ years: { '27': { holidays: [], makeupWorkdays: [] } } })).toThrow(
      /not a four-digit year/,
    );
    expect(() => WorkdayCalendar.fromData({} as never)).toThrow(CalendarDataError);
  });

  it('builds a weekends-only calendar from empty data', () => {
    expect(WorkdayCalendar.fromData({ years: {} }).addWorkingDays('2024-02-02', 10)).toBe('2024-02-16');
  });
});
