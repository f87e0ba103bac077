const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Asia/Shanghai (UTC+8, no DST) wall-clock rendering for business messages. */
export function formatShanghai(at: Date, withTime = true): string {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  if (!withTime) return date;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
}

export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}
