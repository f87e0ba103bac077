/** The fields a driver error may carry; every one is checked before use. */
export interface DriverErrorFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  path?: unknown;
  cause?: unknown;
}

/** `err` and its causes, outermost first (drizzle wraps the driver's error in `cause`), at most `depth` of them. */
export function* errorChain(err: unknown, depth: number): Generator<DriverErrorFields> {
  let e = err;
  for (let i = 0; i < depth && typeof e === 'object' && e !== null; i++) {
    const fields = e as DriverErrorFields;
    yield fields;
    e = fields.cause;
  }
}

/** The PostgreSQL error behind `err`, or null. */
function pgError(err: unknown): { code: string; constraint?: unknown; message?: unknown } | null {
  for (const e of errorChain(err, 4)) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { ...e, code: e.code };
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
