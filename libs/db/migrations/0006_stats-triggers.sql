-- Statistics aggregates: statement-level triggers append one delta row per changed dispute or counted transition
-- (libs/stats/src/stats-triggers.sql.ts generates these statements; its spec checks they match), then the aggregates
-- are rebuilt from the existing rows.
create or replace function tj_stats_disputes_ins() returns trigger language plpgsql as $$
   begin insert into stats_dispute_delta (sign, day, channel, kind, category, street, body, status, outcome, duration_seconds, due_day) select 1, ((n.created_at at time zone 'UTC') + interval '8 hours')::date, n.channel, n.kind, n.category, coalesce(n.street_code, ''),
    coalesce(n.body_id::text, ''), n.status, n.outcome,
    case when n.closed_at is not null and n.closed_at >= n.created_at then round(extract(epoch from n.closed_at - n.created_at))::bigint end,
    case when n.due_at is not null and n.status in ('accepted', 'in_mediation', 'agreement_pending') then ((n.due_at at time zone 'UTC') + interval '8 hours')::date end from tj_new n; return null; end $$;
--> statement-breakpoint
create or replace function tj_stats_disputes_upd() returns trigger language plpgsql as $$
   begin insert into stats_dispute_delta (sign, day, channel, kind, category, street, body, status, outcome, duration_seconds, due_day)
     select -1, ((o.created_at at time zone 'UTC') + interval '8 hours')::date, o.channel, o.kind, o.category, coalesce(o.street_code, ''),
    coalesce(o.body_id::text, ''), o.status, o.outcome,
    case when o.closed_at is not null and o.closed_at >= o.created_at then round(extract(epoch from o.closed_at - o.created_at))::bigint end,
    case when o.due_at is not null and o.status in ('accepted', 'in_mediation', 'agreement_pending') then ((o.due_at at time zone 'UTC') + interval '8 hours')::date end from tj_old o join tj_new n on n.id = o.id where (o.created_at, o.channel, o.kind, o.category, o.street_code, o.body_id, o.status, o.outcome, o.closed_at, o.due_at) is distinct from (n.created_at, n.channel, n.kind, n.category, n.street_code, n.body_id, n.status, n.outcome, n.closed_at, n.due_at)
     union all select 1, ((n.created_at at time zone 'UTC') + interval '8 hours')::date, n.channel, n.kind, n.category, coalesce(n.street_code, ''),
    coalesce(n.body_id::text, ''), n.status, n.outcome,
    case when n.closed_at is not null and n.closed_at >= n.created_at then round(extract(epoch from n.closed_at - n.created_at))::bigint end,
    case when n.due_at is not null and n.status in ('accepted', 'in_mediation', 'agreement_pending') then ((n.due_at at time zone 'UTC') + interval '8 hours')::date end from tj_new n join tj_old o on o.id = n.id where (o.created_at, o.channel, o.kind, o.category, o.street_code, o.body_id, o.status, o.outcome, o.closed_at, o.due_at) is distinct from (n.created_at, n.channel, n.kind, n.category, n.street_code, n.body_id, n.status, n.outcome, n.closed_at, n.due_at);
   return null; end $$;
--> statement-breakpoint
create or replace function tj_stats_disputes_del() returns trigger language plpgsql as $$
   begin insert into stats_dispute_delta (sign, day, channel, kind, category, street, body, status, outcome, duration_seconds, due_day) select -1, ((o.created_at at time zone 'UTC') + interval '8 hours')::date, o.channel, o.kind, o.category, coalesce(o.street_code, ''),
    coalesce(o.body_id::text, ''), o.status, o.outcome,
    case when o.closed_at is not null and o.closed_at >= o.created_at then round(extract(epoch from o.closed_at - o.created_at))::bigint end,
    case when o.due_at is not null and o.status in ('accepted', 'in_mediation', 'agreement_pending') then ((o.due_at at time zone 'UTC') + interval '8 hours')::date end from tj_old o; return null; end $$;
--> statement-breakpoint
create or replace function tj_stats_transitions_ins() returns trigger language plpgsql as $$
   begin insert into stats_transition_delta (day, action, body)
     select ((n.at at time zone 'UTC') + interval '8 hours')::date, n.action, coalesce(n.data->>'bodyId', n.data->>'fromBodyId', '') from tj_new n
     where n.action in ('accept', 'return', 'transfer', 'manual_route', 'send_to_district', 'refer_to_court', 'extend_deadline', 'request_confirmation', 'confirm', 'reject_confirmation');
   return null; end $$;
--> statement-breakpoint
create or replace trigger tj_stats_disputes_ins after insert on disputes referencing new table as tj_new for each statement execute function tj_stats_disputes_ins();
--> statement-breakpoint
create or replace trigger tj_stats_disputes_upd after update on disputes referencing old table as tj_old new table as tj_new for each statement execute function tj_stats_disputes_upd();
--> statement-breakpoint
create or replace trigger tj_stats_disputes_del after delete on disputes referencing old table as tj_old for each statement execute function tj_stats_disputes_del();
--> statement-breakpoint
create or replace trigger tj_stats_transitions_ins after insert on case_transitions referencing new table as tj_new for each statement execute function tj_stats_transitions_ins();
--> statement-breakpoint
lock table disputes, case_transitions in share row exclusive mode;
--> statement-breakpoint
delete from stats_dispute_delta;
--> statement-breakpoint
delete from stats_dispute_daily;
--> statement-breakpoint
delete from stats_dispute_duration;
--> statement-breakpoint
delete from stats_dispute_open_due;
--> statement-breakpoint
delete from stats_transition_delta;
--> statement-breakpoint
delete from stats_transition_daily;
--> statement-breakpoint
insert into stats_dispute_delta (sign, day, channel, kind, category, street, body, status, outcome, duration_seconds, due_day) select 1, ((n.created_at at time zone 'UTC') + interval '8 hours')::date, n.channel, n.kind, n.category, coalesce(n.street_code, ''),
    coalesce(n.body_id::text, ''), n.status, n.outcome,
    case when n.closed_at is not null and n.closed_at >= n.created_at then round(extract(epoch from n.closed_at - n.created_at))::bigint end,
    case when n.due_at is not null and n.status in ('accepted', 'in_mediation', 'agreement_pending') then ((n.due_at at time zone 'UTC') + interval '8 hours')::date end from disputes n;
--> statement-breakpoint
insert into stats_transition_delta (day, action, body)
   select ((n.at at time zone 'UTC') + interval '8 hours')::date, n.action, coalesce(n.data->>'bodyId', n.data->>'fromBodyId', '') from case_transitions n
   where n.action in ('accept', 'return', 'transfer', 'manual_route', 'send_to_district', 'refer_to_court', 'extend_deadline', 'request_confirmation', 'confirm', 'reject_confirmation');
--> statement-breakpoint
with moved as (delete from stats_dispute_delta returning sign, day, channel, kind, category, street, body, outcome, duration_seconds, due_day),
ex as (
  select m.*, d.dim, d.value from moved m
  cross join lateral (values ('all', ''), ('channel', m.channel), ('kind', m.kind), ('category', m.category), ('street', m.street), ('body', m.body)) as d(dim, value)
),
a as (
  insert into stats_dispute_daily as t (dim, value, day, received, concluded, agreements, closed, duration_count, duration_seconds)
  select dim, value, day, sum(sign), coalesce(sum(sign) filter (where outcome in ('agreement', 'no_agreement', 'withdrawn', 'terminated')), 0),
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
  select dim, value, date_trunc('month', day)::date, case when floor(duration_seconds / 3600) < 48 then floor(duration_seconds / 3600)::int else 46 + least(floor(duration_seconds / 86400), 400)::int end, sum(sign)
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
select (select count(*) from moved)::int as n;
--> statement-breakpoint
with moved as (delete from stats_transition_delta returning day, action, body)
insert into stats_transition_daily as t (day, action, body, count)
select day, action, body, count(*) from moved group by 1, 2, 3 order by 1, 2, 3
on conflict (day, action, body) do update set count = t.count + excluded.count;
--> statement-breakpoint
delete from meta where key = 'stats.triggers';
