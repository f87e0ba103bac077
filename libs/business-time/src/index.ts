/**
 * @tiaojie/business-time: every business date and time is Asia/Shanghai wall-clock time (UTC+8, no daylight saving
 * since 1991). Business dates are 'YYYY-MM-DD'; conversions are plain arithmetic. Pure: no database, no NestJS.
 */
export {
  addCalendarDays,
  assertBusinessDate,
  calendarDaysBetween,
  DAY_MS,
  dayOfWeek,
  endOfBusinessDay,
  formatShanghaiWallClock,
  instantMs,
  isBusinessDate,
  isWeekend,
  parseBusinessDate,
  SHANGHAI_OFFSET_MS,
  shanghaiInstant,
  shanghaiWallClockToInstant,
  startOfBusinessDay,
  toBusinessDate,
  yearOf,
  type DateParts,
} from './business-date';
export { InvalidBusinessDateError } from './invalid-business-date.error';
export { formatShanghai, formatShanghaiDate, formatShanghaiTime, shanghaiYear } from './shanghai-format';
