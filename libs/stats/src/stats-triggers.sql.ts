/**
 * SQL that keeps the dispute and transition aggregates: statement-level triggers append one delta
 * row per changed dispute (insert-only, so they never wait on the aggregate rows), and a fold moves
 * the deltas into the per-day aggregates. The triggers are installed by a numbered migration (triggers
 * cannot be expressed in the Drizzle schema); the spec checks the newest one matches TRIGGER_DDL.
 */
import { HOURLY_BUCKETS, MAX_DURATION_DAYS } from './intake-aggregate';

/** Outcomes that conclude a mediation (调解终结): the success rate's denominator. */
export const CONCLUDED_OUTCOMES = ['agreement', 'no_agreement', 'withdrawn', 'terminated'] as const;
/** Statuses in which the mediation clock runs: a due date before today makes such a dispute overdue. */
export const CLOCK_RUNNING_STATUSES = ['accepted', 'in_mediation', 'agreement_pending'] as const;
/** Lifecycle actions counted per day and body. */
export const COUNTED_ACTIONS = [
  'accept',
  'return',
  'transfer',
  'manual_route',
  'send_to_district',
  'refer_to_court',
  'extend_deadline',
  'request_confirmation',
  'confirm',
  'reject_confirmation',
] as const;
export const DISPUTE_DIMS = ['all', 'channel', 'kind', 'category', 'street', 'body'] as const;

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const shanghaiDay = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** The delta columns of a disputes row aliased `r`. */
function deltaSelect(sign: string, r: string): string {
  return `${sign}, ${shanghaiDay(`${r}.created_at`)}, ${r}.channel, ${r}.kind, ${r}.category, coalesce(${r}.street_code, ''),
    coalesce(${r}.body_id::text, ''), ${r}.status, ${r}.outcome,
    case when ${r}.closed_at is not null and ${r}.closed_at >= ${r}.created_at then round(extract(epoch from ${r}.closed_at - ${r}.created_at))::bigint end,
    case when ${r}.due_at is not null and ${r}.status in (${list(CLOCK_RUNNING_STATUSES)}) then ${shanghaiDay(`${r}.due_at`)} end`;
}

const DELTA_INSERT =
  'insert into stats_dispute_delta (sign, day, channel, kind, category, street, body, status, outcome, duration_seconds, due_day)';
const RELEVANT = [
  'created_at',
  'channel',
  'kind',
  'category',
  'street_code',
  'body_id',
  'status',
  'outcome',
  'closed_at',
  'due_at',
];
const changed = `(${RELEVANT.map((c) => `o.${c}`).join(', ')}) is distinct from (${RELEVANT.map((c) => `n.${c}`).join(', ')})`;

/** What the trigger migration installs: changing it (or the lists above) needs a new migration. */
export const TRIGGER_DDL: string[] = [
  `create or replace function tj_stats_disputes_ins() returns trigger language plpgsql as $$
   begin ${DELTA_INSERT} select ${deltaSelect('1', 'n')} from tj_new n; return null; end $$`,
  `create or replace function tj_stats_disputes_upd() returns trigger language plpgsql as $$
   begin ${DELTA_INSERT}
     select ${deltaSelect('-1', 'o')} from tj_old o join tj_new n on n.id = o.id where ${changed}
     union all select ${deltaSelect('1', 'n')} from tj_new n join tj_old o on o.id = n.id where ${changed};
   return null; end $$`,
  `create or replace function tj_stats_disputes_del() returns trigger language plpgsql as $$
   begin ${DELTA_INSERT} select ${deltaSelect('-1', 'o')} from tj_old o; return null; end $$`,
  `create or replace function tj_stats_transitions_ins() returns trigger language plpgsql as $$
   begin insert into stats_transition_delta (day, action, body)
     select ${shanghaiDay('n.at')}, n.action, coalesce(n.data->>'bodyId', n.data->>'fromBodyId', '') from tj_new n
     where n.action in (${list(COUNTED_ACTIONS)});
   return null; end $$`,
  `create or replace trigger tj_stats_disputes_ins after insert on disputes referencing new table as tj_new for each statement execute function tj_stats_disputes_ins()`,
  `create or replace trigger tj_stats_disputes_upd after update on disputes referencing old table as tj_old new table as tj_new for each statement execute function tj_stats_disputes_upd()`,
  `create or replace trigger tj_stats_disputes_del after delete on disputes referencing old table as tj_old for each statement execute function tj_stats_disputes_del()`,
  `create or replace trigger tj_stats_transitions_ins after insert on case_transitions referencing new table as tj_new for each statement execute function tj_stats_transitions_ins()`,
];

export const TRIGGER_NAMES = [
  'tj_stats_disputes_ins',
  'tj_stats_disputes_upd',
  'tj_stats_disputes_del',
  'tj_stats_transitions_ins',
];

const bucket = (s: string) =>
  `case when floor(${s} / 3600) < ${HOURLY_BUCKETS} then floor(${s} / 3600)::int else ${HOURLY_BUCKETS - 2} + least(floor(${s} / 86400), ${MAX_DURATION_DAYS})::int end`;

/** Moves every visible delta into the aggregates (one statement; callers hold the fold lock). */
export const FOLD_DISPUTES = `
with moved as (delete from stats_dispute_delta returning sign, day, channel, kind, category, street, body, outcome, duration_seconds, due_day),
ex as (
  select m.*, d.dim, d.value from moved m
  cross join lateral (values ('all', ''), ('channel', m.channel), ('kind', m.kind), ('category', m.category), ('street', m.street), ('body', m.body)) as d(dim, value)
),
a as (
  insert into stats_dispute_daily as t (dim, value, day, received, concluded, agreements, closed, duration_count, duration_seconds)
  select dim, value, day, sum(sign), coalesce(sum(sign) filter (where outcome in (${list(CONCLUDED_OUTCOMES)})), 0),
    coalesce(sum(sign) filter (where outcome = 'agreement'), 0), coalesce(sum(sign) filter (where duration_seconds is not null), 0),
    coalesce(sum(sign) filter (where duration_seconds is not null), 0), coalesce(sum(sign * duration_seconds), 0)
  from ex group by dim, value, day order by dim, value, day
  on conflict (dim, value, day) do update set received = t.received + excluded.received, concluded = t.concluded + excluded.concluded,
    agreements = t.agreements + excluded.agreements, closed = t.closed + excluded.closed,
    duration_count = t.duration_count + excluded.duration_count, duration_seconds = t.duration_seconds + excluded.duration_seconds
  returning 1
),
b as (
  insert into stats_dispute_duration as t (dim, value, month, bucket, count)
  select dim, value, date_trunc('month', day)::date, ${bucket('duration_seconds')}, sum(sign)
  from ex where duration_seconds is not null group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (dim, value, month, bucket) do update set count = t.count + excluded.count
  returning 1
),
c as (
  insert into stats_dispute_open_due as t (dim, value, due_day, open)
  select dim, value, due_day, sum(sign) from ex where due_day is not null group by 1, 2, 3 order by 1, 2, 3
  on conflict (dim, value, due_day) do update set open = t.open + excluded.open
  returning 1
)
select (select count(*) from moved)::int as n`;

export const FOLD_TRANSITIONS = `
with moved as (delete from stats_transition_delta returning day, action, body)
insert into stats_transition_daily as t (day, action, body, count)
select day, action, body, count(*) from moved group by 1, 2, 3 order by 1, 2, 3
on conflict (day, action, body) do update set count = t.count + excluded.count`;

/** Rebuild: the current state of every dispute and counted transition as deltas (then folded). */
export const REBUILD = [
  'delete from stats_dispute_delta',
  'delete from stats_dispute_daily',
  'delete from stats_dispute_duration',
  'delete from stats_dispute_open_due',
  'delete from stats_transition_delta',
  'delete from stats_transition_daily',
  `${DELTA_INSERT} select ${deltaSelect('1', 'n')} from disputes n`,
  `insert into stats_transition_delta (day, action, body)
   select ${shanghaiDay('n.at')}, n.action, coalesce(n.data->>'bodyId', n.data->>'fromBodyId', '') from case_transitions n
   where n.action in (${list(COUNTED_ACTIONS)})`,
];
