import { SQL, sql } from 'drizzle-orm';

/** Statuses of a case still in someone's work queue (the queues' default, "open"). */
export const QUEUE_OPEN_STATUSES = [
  'routed',
  'accepted',
  'in_mediation',
  'agreement_pending',
  'returned',
  'district_queue',
  'received',
] as const;
/** Statuses in which a case counts towards its body's load (routing balances on it; migration 0001 keeps body_loads). */
export const LOAD_STATUSES = ['routed', 'accepted', 'in_mediation', 'agreement_pending'] as const;

/** `('a', 'b')` for constant lower-case words: a list written into the SQL text, for partial indexes and their queries. */
export function inList(words: readonly string[]): string {
  if (words.length === 0 || !words.every((w) => /^[a-z_]+$/.test(w)))
    throw new Error('inList takes constant lower-case words only');
  return `(${words.map((w) => `'${w}'`).join(', ')})`;
}

/**
 * A constant list as SQL text, not parameters. In a prepared statement a parameter hides the list from PostgreSQL's
 * generic plan (used after five runs): it can neither use a partial index written for the list nor estimate it (a
 * generic plan once scanned every dispute: 45 ms against 2 ms).
 */
export function sqlList(words: readonly string[]): SQL {
  return sql.raw(inList(words));
}

/**
 * `= any('{…}'::uuid[])` over ids as one parameter: the planner reads each id through the index (a subquery over a
 * JSON parameter was estimated at 100 rows and hash-joined a whole table).
 */
export function anyUuid(ids: readonly string[]): SQL {
  if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new Error('anyUuid takes UUIDs only');
  return sql`any(${`{${ids.join(',')}}`}::uuid[])`;
}
