/** The PostgreSQL error behind `err` (drizzle wraps the driver's error in `cause`), or null. */
function pgError(err: unknown): { code?: string; constraint?: string; message?: string } | null {
  for (let e: any = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return null;
}

/** A unique violation (23505), of the named constraint when one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  if (e?.code !== '23505') return false;
  return (
    constraint === undefined || e.constraint === constraint || String(e.message ?? '').includes(constraint)
  );
}
