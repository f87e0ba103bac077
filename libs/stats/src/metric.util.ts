/** Rates and percentiles as the annual report states them. Pure. */
import { bucketUpperHours } from './intake-aggregate';

/**
 * numerator ÷ denominator as a fraction rounded half-up to 4 decimals (0.96556… → 0.9656), computed
 * in integers so no binary rounding error can flip the last digit; null when the denominator is 0.
 */
export function rate(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`rate needs non-negative integers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  const scaled = numerator * 10_000;
  let q = Math.floor(scaled / denominator);
  const r = scaled - q * denominator;
  if (2 * r >= denominator) q += 1;
  return q / 10_000;
}

/** A rate as the report prints it: 1 → '100%', 0.9656 → '96.56%', 0.9 → '90%', null → '—'. */
export function percent(value: number | null): string {
  if (value === null) return '—';
  const hundredths = Math.round(value * 10_000);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

/** 42800 → '42,800'. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The p-th percentile of a duration histogram (bucket → count), as the bucket's upper bound in hours
 * (1-hour resolution below 2 days, 1-day above); null for an empty histogram.
 */
export function percentileHours(histogram: ReadonlyMap<number, number>, p = 0.9): number | null {
  const buckets = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucketUpperHours(bucket);
  }
  return bucketUpperHours(buckets[buckets.length - 1][0]);
}

/** Mean in hours (1 decimal) of a sum of seconds over a count; null when the count is 0. */
export function meanHours(seconds: number, n: number): number | null {
  return n > 0 ? Math.round(seconds / n / 360) / 10 : null;
}

/** The Shanghai business year as a date range [YYYY-01-01, YYYY+1-01-01). */
export function yearRange(year: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year must be between 2000 and 2100, got ${year}`);
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}
