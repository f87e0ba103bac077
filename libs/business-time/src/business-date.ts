/**
 * Business dates: Asia/Shanghai local dates written 'YYYY-MM-DD'.
 *
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so every conversion here is
 * plain arithmetic on UTC milliseconds; no Intl or time-zone database is needed.
 */

import { InvalidBusinessDateError } from './invalid-business-date.error';

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const BUSINESS_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Parts of a well-formed 'YYYY-MM-DD' that names a real day, or null. */
export function parseBusinessDate(date: string): DateParts | null {
  const m = BUSINESS_DATE_RE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validParts(year, month, day) ? { year, month, day } : null;
}

export function isBusinessDate(date: string): boolean {
  return typeof date === 'string' && parseBusinessDate(date) !== null;
}

export function assertBusinessDate(date: string): DateParts {
  const parts = typeof date === 'string' ? parseBusinessDate(date) : null;
  if (!parts) throw new InvalidBusinessDateError(`not a business date (YYYY-MM-DD): ${String(date)}`);
  return parts;
}

function assertInstant(instant: Date, what: string): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t)) throw new InvalidBusinessDateError(`${what} is not a valid Date`);
  return t;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a business date (used for arithmetic). */
function toDayNumber(date: string): number {
  const { year, month, day } = assertBusinessDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Asia/Shanghai calendar date of an instant. */
export function toBusinessDate(instant: Date): string {
  const t = assertInstant(instant, 'instant');
  return fromDayNumber(Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant of a Shanghai wall-clock time on a business date. */
export function shanghaiInstant(date: string, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const { year, month, day } = assertBusinessDate(date);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - SHANGHAI_OFFSET_MS);
}

/** 23:59:59 Asia/Shanghai of the date (the domain's deadline instant), i.e. `${date}T15:59:59Z`. */
export function endOfBusinessDay(date: string): Date {
  return shanghaiInstant(date, 23, 59, 59);
}

/** 00:00:00 Asia/Shanghai of the date. */
export function startOfBusinessDay(date: string): Date {
  return shanghaiInstant(date);
}

/** The date n calendar days after (n < 0: before) a business date. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: string): number {
  return assertBusinessDate(date).year;
}

const WALL_CLOCK_RE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses an Asia/Shanghai wall-clock string as exports write it ('2024-03-01 09:30:00',
 * '2024-03-01 09:30', '2024/3/1 9:30', '2024/3/1 9:30:05') into an instant.
 * Returns null for anything else, including impossible values such as '2024/13/45 25:61'.
 */
export function shanghaiWallClockToInstant(text: string): Date | null {
  if (typeof text !== 'string') return null;
  const m = WALL_CLOCK_RE.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const [hour, minute, second] = [Number(m[5]), Number(m[6]), m[7] === undefined ? 0 : Number(m[7])];
  if (!validParts(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS);
}

/** Formats an instant as Shanghai wall-clock 'YYYY-MM-DD HH:mm:ss'. */
export function formatShanghaiWallClock(instant: Date): string {
  const t = assertInstant(instant, 'instant');
  const d = new Date(t + SHANGHAI_OFFSET_MS);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Milliseconds of a valid Date, or an InvalidBusinessDateError naming the argument. */
export function instantMs(instant: Date, what: string): number {
  return assertInstant(instant, what);
}
