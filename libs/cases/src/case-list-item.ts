import { schema } from '@tiaojie/db';
import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { CASE_STATUSES } from './case-states';
import type { DisputeSummaryRow } from './case.repository';

/**
 * A case as every list shows it (queues, "my disputes", the answer to a command), defined once: `listItem` makes it
 * of a row in TypeScript, `listItemSql` makes the same object in SQL for the queues whose JSON PostgreSQL builds
 * (CaseQueueRepository.json). The fields are the row's own values, two labels, and three timestamps in ISO 8601
 * UTC with milliseconds (as Date#toISOString).
 */
const VALUES = [
  'id',
  'number',
  'title',
  'category',
  'deadlineRegime',
  'enterpriseRelated',
  'kind',
  'channel',
  'status',
  'version',
  'bodyId',
  'mediatorId',
  'streetCode',
  'sessionMode',
] as const satisfies readonly (keyof DisputeSummaryRow)[];

const STATUS_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(CASE_STATUSES).map(([code, s]) => [code, s.label]),
);
/** label field → the coded field it names, and the names (an unknown code is shown as itself) */
const LABELS = {
  categoryLabel: ['category', DISPUTE_CATEGORIES as Record<string, string>],
  statusLabel: ['status', STATUS_LABELS],
} as const satisfies Record<string, readonly [keyof DisputeSummaryRow, Record<string, string>]>;

const TIMES = ['dueAt', 'createdAt', 'updatedAt'] as const satisfies readonly (keyof DisputeSummaryRow)[];

export type CaseListItem = Pick<DisputeSummaryRow, (typeof VALUES)[number]> &
  Record<keyof typeof LABELS, string> & { dueAt: string | null; createdAt: string; updatedAt: string };

export function listItem(row: DisputeSummaryRow): CaseListItem {
  const item: Record<string, unknown> = {};
  for (const key of VALUES) item[key] = row[key];
  for (const [key, [from, names]] of Object.entries(LABELS))
    item[key] = names[row[from] as string] ?? row[from];
  for (const key of TIMES) item[key] = row[key]?.toISOString() ?? null;
  return item as CaseListItem;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const column = (alias: string, key: keyof DisputeSummaryRow) => `${alias}.${schema.disputes[key].name}`;
const labelSql = (code: string, names: Record<string, string>) =>
  `case ${code} ${Object.entries(names)
    .map(([c, name]) => `when ${literal(c)} then ${literal(name)}`)
    .join(' ')} else ${code} end`;
/** As Date#toISOString gives it (the driver's Date keeps milliseconds; PostgreSQL's MS truncates the microseconds). */
const isoSql = (ts: string) => `to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The list item's key/value pairs for json_build_object, over `alias`, a row of disputes' columns. */
export function listItemSql(alias: string): string {
  return [
    ...VALUES.map((key) => `'${key}', ${column(alias, key)}`),
    ...Object.entries(LABELS).map(
      ([key, [from, names]]) => `'${key}', ${labelSql(column(alias, from), names)}`,
    ),
    ...TIMES.map((key) => `'${key}', ${isoSql(column(alias, key))}`),
  ].join(', ');
}
