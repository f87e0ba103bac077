/**
 * The Chinese working-day calendar: weekends off, State Council holidays off, make-up
 * workdays (调休上班) on. Immutable; `withYear` returns a new calendar.
 *
 * For a year the data does not cover, the calendar falls back to plain weekends (Mon–Fri
 * working). It never throws for that; callers that care check `covers(year)` or use
 * `uncoveredYearsBetween`, as computeDeadline does to attach a warning.
 */

import calendarData from '../../data/cn-workday-calendar.json';
import { addCalendarDays, assertBusinessDate, isWeekend, yearOf } from '@tiaojie/business-time';
import {
  assertYear,
  type CalendarDataFile,
  type CalendarYear,
  type CalendarYearInput,
  parseCalendarData,
  parseCalendarYear,
} from './calendar-data';

/** What kind of day a date is: `makeup_workday` is a weekend day worked (调休上班). */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

let builtIn: WorkdayCalendar | undefined;

export class WorkdayCalendar {
  private constructor(private readonly years: ReadonlyMap<number, CalendarYear>) {}

  /** The calendar of the bundled data file (2024–2026 State Council notices). */
  static builtIn(): WorkdayCalendar {
    builtIn ??= WorkdayCalendar.fromData(calendarData);
    return builtIn;
  }

  /** Builds a calendar from data shaped like data/cn-workday-calendar.json; throws CalendarDataError. */
  static fromData(data: CalendarDataFile): WorkdayCalendar {
    return new WorkdayCalendar(parseCalendarData(data));
  }

  /**
   * A new calendar with `year` added (or replaced), e.g. when an administrator enters the
   * State Council notice for a new year. Entries are 'YYYY-MM-DD' or inclusive 'start/end' ranges.
   * Throws CalendarDataError when a date is malformed, outside the year, a make-up workday is not
   * on a weekend, or a date is in both lists.
   */
  withYear(year: number, input: CalendarYearInput): WorkdayCalendar {
    const parsed = parseCalendarYear(assertYear(year), input);
    const years = new Map(this.years);
    years.set(year, parsed);
    return new WorkdayCalendar(years);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  dayKind(date: string): DayKind {
    assertBusinessDate(date);
    const year = this.years.get(yearOf(date));
    if (year?.holidays.has(date)) return 'holiday';
    if (year?.makeupWorkdays.has(date)) return 'makeup_workday';
    return isWeekend(date) ? 'weekend' : 'workday';
  }

  isWorkingDay(date: string): boolean {
    const kind = this.dayKind(date);
    return kind === 'workday' || kind === 'makeup_workday';
  }

  /**
   * The n-th working day after `date` (the date itself not counted). n = 0 returns `date`
   * unchanged; n < 0 counts backwards (the |n|-th working day before).
   */
  addWorkingDays(date: string, n: number): string {
    assertBusinessDate(date);
    if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let current = date;
    for (let left = Math.abs(n); left > 0;) {
      current = addCalendarDays(current, step);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** The date n calendar days after `date` (n < 0: before); holidays do not matter. */
  addCalendarDays(date: string, n: number): string {
    return addCalendarDays(date, n);
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  nextWorkingDayOnOrAfter(date: string): string {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
  }

  /** Years the calendar does not cover among the days after `from` up to and including `to`. */
  uncoveredYearsBetween(from: string, to: string): number[] {
    const out: number[] = [];
    const [first, last] = [yearOf(addCalendarDays(from, 1)), yearOf(to)];
    for (let y = first; y <= last; y++) if (!this.covers(y)) out.push(y);
    return out;
  }
}
