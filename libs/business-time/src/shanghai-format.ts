/** Asia/Shanghai renderings of business times for people: messages, notices, PDFs. */
import { assertBusinessDate, instantMs, SHANGHAI_OFFSET_MS } from './business-date';

function shanghaiFields(at: Date): Date {
  return new Date(instantMs(at, 'instant') + SHANGHAI_OFFSET_MS);
}

/** `2024年3月1日 14:05` (or `2024年3月1日` without the time) for an instant, in Asia/Shanghai. */
export function formatShanghai(at: Date, withTime = true): string {
  const d = shanghaiFields(at);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (!withTime) return date;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
}

/** `14:05` for an instant, in Asia/Shanghai. */
export function formatShanghaiTime(at: Date): string {
  const d = shanghaiFields(at);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** `2024年3月1日` for an instant (its Asia/Shanghai calendar day) or for a business date `YYYY-MM-DD`. */
export function formatShanghaiDate(date: Date | string): string {
  if (typeof date !== 'string') return formatShanghai(date, false);
  const { year, month, day } = assertBusinessDate(date);
  return `${year}年${month}月${day}日`;
}

/** The Asia/Shanghai calendar year of an instant. */
export function shanghaiYear(at: Date): number {
  return shanghaiFields(at).getUTCFullYear();
}
