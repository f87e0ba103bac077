import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { CASE_STATUSES } from './case-lifecycle';
import type { RawQueueRow } from './case-queue.repository';

/** Days before its due date from which a case counts as due soon (a queue item's `urgency`). */
export const DUE_SOON_DAYS = 3;
const DAY_MS = 86_400_000;

/** A queue item's urgency at `now` (ms): overdue, due within DUE_SOON_DAYS, later, or no due date. */
export function urgencyOf(dueAt: Date | null, now: number): 'none' | 'overdue' | 'due_soon' | 'ok' {
  if (!dueAt) return 'none';
  const left = dueAt.getTime() - now;
  return left < 0 ? 'overdue' : left < DUE_SOON_DAYS * DAY_MS ? 'due_soon' : 'ok';
}

const str = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : JSON.stringify(v));
const date = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const iso = (v: Date | null) => (v ? `"${v.toISOString()}"` : 'null');
const categoryLabel = (code: string) => (DISPUTE_CATEGORIES as Record<string, string>)[code] ?? code;
const statusLabel = (code: string) => (CASE_STATUSES as Record<string, { label: string }>)[code]?.label ?? code;

/**
 * A queue's JSON text written straight from the driver's rows, item for item what CaseQueryService.queue answers
 * (its summary plus `urgency`; the int test compares the two): no Drizzle mapping, no list objects, no generic
 * serialisation of them. One string per row; values that can hold any text go through JSON.stringify.
 */
export function queueListJson(rows: RawQueueRow[], now: number): string {
  const items = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const due = date(r.due_at);
    items[i] = `{"id":${str(r.id)},"number":${str(r.number)},"title":${str(r.title)},"category":${str(r.category)},`
      + `"deadlineRegime":${str(r.deadline_regime)},"enterpriseRelated":${r.enterprise_related === null || r.enterprise_related === undefined ? 'null' : String(r.enterprise_related)},`
      + `"categoryLabel":${str(categoryLabel(r.category))},"kind":${str(r.kind)},"channel":${str(r.channel)},"status":${str(r.status)},`
      + `"statusLabel":${str(statusLabel(r.status))},"version":${Number(r.version)},"bodyId":${str(r.body_id)},"mediatorId":${str(r.mediator_id)},`
      + `"streetCode":${str(r.street_code)},"sessionMode":${str(r.session_mode)},"dueAt":${iso(due)},"createdAt":${iso(date(r.created_at))},`
      + `"updatedAt":${iso(date(r.updated_at))},"urgency":"${urgencyOf(due, now)}"}`;
  }
  return `[${items.join(',')}]`;
}
