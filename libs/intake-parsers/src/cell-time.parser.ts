/**
 * Reading the exports' time cells as Asia/Shanghai wall-clock (conversions: @tiaojie/business-time).
 * Accepted text: 'YYYY-MM-DD HH:mm[:ss]', 'YYYY/MM/DD HH:mm[:ss]' (also '.' separators, one-digit
 * month/day/hour, 'T' between date and time) and 'YYYY年M月D日 HH:mm[:ss]'.
 * Excel cells: JS Dates from exceljs (their UTC fields are the sheet's wall-clock) and date serials.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS } from '@tiaojie/business-time';
import type { CellValue } from './intake.types';

/** Excel's serial day 0 in the 1900 system, as a UTC instant (1899-12-30, absorbing the 1900 leap bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

const NUMERIC_RE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6})?)?)?$/;
const CHINESE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  hasTime: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function wallClock(parts: (string | undefined)[]): WallClock | null {
  const [y, mo, d, h, mi, s] = parts;
  const wc: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    hasTime: h !== undefined,
  };
  if (wc.year < 1900 || wc.year > 2999 || wc.month < 1 || wc.month > 12) return null;
  if (wc.day < 1 || wc.day > daysInMonth(wc.year, wc.month)) return null;
  if (wc.hour > 23 || wc.minute > 59 || wc.second > 59) return null;
  return wc;
}

function parseWallClockText(text: string): WallClock | null {
  const t = text.trim();
  const numeric = NUMERIC_RE.exec(t);
  if (numeric) return wallClock([numeric[1], numeric[3], numeric[4], numeric[5], numeric[6], numeric[7]]);
  const chinese = CHINESE_RE.exec(t);
  if (chinese) return wallClock(chinese.slice(1, 7));
  return null;
}

/** An exceljs Date or a date serial, as wall-clock fields (exceljs puts the wall-clock in the UTC fields). */
function excelWallClock(value: Date | number): WallClock | null {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > MAX_EXCEL_SERIAL) return null;
    ms = EXCEL_EPOCH_MS + Math.round((value * DAY_MS) / 1000) * 1000;
  } else {
    ms = value.getTime();
    if (Number.isNaN(ms)) return null;
    ms = Math.round(ms / 1000) * 1000;
  }
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    hasTime: ms % DAY_MS !== 0,
  };
}

function toWallClock(value: CellValue): WallClock | null {
  if (value instanceof Date || typeof value === 'number') return excelWallClock(value);
  if (typeof value === 'string') return parseWallClockText(value);
  return null;
}

function instant(wc: WallClock): Date {
  return new Date(
    Date.UTC(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute, wc.second) - SHANGHAI_OFFSET_MS,
  );
}

/**
 * A Shanghai wall-clock date-time cell as an instant; null if unparseable or out of range.
 * Text must carry a time of day (a bare date in a timestamp column is rejected); Excel date cells may not.
 */
export function parseShanghaiDateTime(value: CellValue): Date | null {
  const wc = toWallClock(value);
  if (!wc) return null;
  if (typeof value === 'string' && !wc.hasTime) return null;
  return instant(wc);
}

/** A Shanghai calendar date cell as 'YYYY-MM-DD' (a time of day, if any, must be midnight). */
export function parseShanghaiDate(value: CellValue): string | null {
  const wc = toWallClock(value);
  if (!wc || wc.hour !== 0 || wc.minute !== 0 || wc.second !== 0) return null;
  return `${wc.year}-${String(wc.month).padStart(2, '0')}-${String(wc.day).padStart(2, '0')}`;
}

/** Text of an Excel Date cell (wall-clock in UTC fields): 'YYYY-MM-DD' at midnight, else with the time. */
export function formatExcelDateCell(value: Date): string {
  const iso = value.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
