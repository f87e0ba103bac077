import { createHash } from 'node:crypto';

/** A stable UUID (RFC 9562 version 8 layout) for a queue + key: the same logical timer always gets the same job id. */
export function jobIdFor(queue: string, key: string): string {
  const h = createHash('sha256').update(queue).update('\u0000').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Seconds from `now` until `at` (≥ 0), as pg-boss takes a relative startAfter; undefined = due now. */
export function delaySeconds(at: Date | undefined, now: Date): number | undefined {
  if (!at) return undefined;
  const ms = at.getTime() - now.getTime();
  return ms > 0 ? ms / 1000 : undefined;
}
