import { DocumentInputError } from './documents.errors';

/** Every business date and time in the platform is Asia/Shanghai wall-clock time. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(
  instant: Date,
  field: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DocumentInputError('not a valid date', field);
  }
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(instant)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** `2024年3月1日 14:05` for an instant, in Asia/Shanghai. */
export function formatShanghaiDateTime(instant: Date, field = 'date'): string {
  const p = shanghaiParts(instant, field);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

/**
 * `2024年3月1日` for an instant (its Asia/Shanghai calendar day) or for a calendar date given as
 * `YYYY-MM-DD`.
 */
export function formatShanghaiDate(date: Date | string, field = 'date'): string {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const check = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !check || check.getUTCMonth() !== +m[2] - 1 || check.getUTCDate() !== +m[3]) {
      throw new DocumentInputError(`expected a calendar date YYYY-MM-DD, got "${date}"`, field);
    }
    return `${+m[1]}年${+m[2]}月${+m[3]}日`;
  }
  const p = shanghaiParts(date, field);
  return `${p.year}年${p.month}月${p.day}日`;
}
