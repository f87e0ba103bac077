/**
 * Parsing and validation of holiday calendar data: the bundled State Council notices
 * (data/cn-workday-calendar.json) and years an administrator adds later.
 */

import { addCalendarDays, calendarDaysBetween, isWeekend, parseBusinessDate } from '@tiaojie/business-time';
import { CalendarDataError } from './deadline-errors';

/** One year as written in the data file: single dates 'YYYY-MM-DD' or inclusive ranges 'start/end'. */
export interface CalendarYearInput {
  holidays: readonly string[];
  makeupWorkdays: readonly string[];
}

/** Shape of data/cn-workday-calendar.json. */
export interface CalendarDataFile {
  about?: string;
  timezone?: string;
  years: Record<string, CalendarYearInput>;
}

/** One parsed year: every holiday and make-up workday (调休上班) as a single date. */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: ReadonlySet<string>;
  readonly makeupWorkdays: ReadonlySet<string>;
}

function expandEntry(year: number, list: string, entry: unknown): string[] {
  if (typeof entry !== 'string') {
    throw new CalendarDataError(`${year} ${list}: entry ${JSON.stringify(entry)} is not a string`);
  }
  const [start, end, extra] = entry.split('/');
  const last = end ?? start;
  if (extra !== undefined || !parseBusinessDate(start) || !parseBusinessDate(last)) {
    throw new CalendarDataError(
      `${year} ${list}: '${entry}' is not a valid date (YYYY-MM-DD) or range (YYYY-MM-DD/YYYY-MM-DD)`,
    );
  }
  for (const date of [start, last]) {
    if (parseBusinessDate(date)?.year !== year) {
      throw new CalendarDataError(`${year} ${list}: ${date} is not in ${year}`);
    }
  }
  const span = calendarDaysBetween(start, last);
  if (span < 0) throw new CalendarDataError(`${year} ${list}: range '${entry}' ends before it starts`);
  const dates: string[] = [];
  for (let i = 0; i <= span; i++) dates.push(addCalendarDays(start, i));
  return dates;
}

function expandList(year: number, list: 'holidays' | 'makeupWorkdays', entries: unknown): Set<string> {
  if (!Array.isArray(entries)) throw new CalendarDataError(`${year}: ${list} must be an array of dates`);
  const out = new Set<string>();
  for (const entry of entries) for (const date of expandEntry(year, list, entry)) out.add(date);
  return out;
}

export function assertYear(year: unknown): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new CalendarDataError(`year must be a four-digit integer, got ${JSON.stringify(year)}`);
  }
  return year;
}

/** Validates one year: dates well-formed and inside the year, make-up workdays on weekends, no date in both lists. */
export function parseCalendarYear(year: number, input: CalendarYearInput): CalendarYear {
  assertYear(year);
  if (typeof input !== 'object' || input === null) {
    throw new CalendarDataError(`${year}: expected { holidays, makeupWorkdays }`);
  }
  const holidays = expandList(year, 'holidays', input.holidays);
  const makeupWorkdays = expandList(year, 'makeupWorkdays', input.makeupWorkdays);
  for (const date of makeupWorkdays) {
    if (holidays.has(date))
      throw new CalendarDataError(`${year}: ${date} is both a holiday and a make-up workday`);
    if (!isWeekend(date)) {
      throw new CalendarDataError(`${year}: make-up workday ${date} is not a Saturday or Sunday`);
    }
  }
  return { year, holidays, makeupWorkdays };
}

/** Validates a whole data file; returns its years keyed by number. */
export function parseCalendarData(data: CalendarDataFile): Map<number, CalendarYear> {
  if (typeof data !== 'object' || data === null || typeof data.years !== 'object' || data.years === null) {
    throw new CalendarDataError('calendar data must be an object with a "years" object');
  }
  if (data.timezone !== undefined && data.timezone !== 'Asia/Shanghai') {
    throw new CalendarDataError(`calendar data time zone must be Asia/Shanghai, got ${data.timezone}`);
  }
  const years = new Map<number, CalendarYear>();
  for (const [key, input] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(key))
      throw new CalendarDataError(`calendar year key '${key}' is not a four-digit year`);
    years.set(Number(key), parseCalendarYear(Number(key), input));
  }
  return years;
}
