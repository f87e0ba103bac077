import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { bulkInsert, Executor, type ColumnTypes } from '@tiaojie/db';
import { HOURLY_BUCKETS, IntakeAggregateDelta, MAX_DURATION_DAYS } from './intake-aggregate';

const CHUNK = 2000;
const COUNTERS = [
  'received',
  'closed',
  'replied',
  'replied_on_time',
  'rated',
  'satisfied',
  'people_involved',
  'duration_count',
  'duration_seconds',
];
const DAILY_COLUMNS: ColumnTypes = {
  day: 'date',
  channel: 'text',
  source: 'text',
  street: 'text',
  is_dispute: 'int',
  received: 'int',
  closed: 'int',
  replied: 'int',
  replied_on_time: 'int',
  rated: 'int',
  satisfied: 'int',
  people_involved: 'bigint',
  duration_count: 'int',
  duration_seconds: 'bigint',
};
const DAILY_SET = sql.raw(COUNTERS.map((c) => `${c} = stats_intake_daily.${c} + excluded.${c}`).join(', '));
const CATEGORY_COLUMNS: ColumnTypes = {
  month: 'date',
  channel: 'text',
  is_dispute: 'int',
  category: 'text',
  received: 'int',
  closed: 'int',
};
const DURATION_COLUMNS: ColumnTypes = {
  month: 'date',
  channel: 'text',
  source: 'text',
  street: 'text',
  bucket: 'int',
  count: 'int',
};

/** Writes the maintained intake aggregates (inside the caller's transaction). */
@Injectable()
export class StatsAggregateRepository {
  /** Adds a batch's deltas; rows are written in key order so concurrent writers cannot deadlock. */
  async apply(tx: Executor, delta: IntakeAggregateDelta): Promise<void> {
    const daily = delta
      .dailyRows()
      .sort(
        (a, b) =>
          a.day.localeCompare(b.day) ||
          a.channel.localeCompare(b.channel) ||
          a.source.localeCompare(b.source) ||
          a.street.localeCompare(b.street) ||
          a.isDispute - b.isDispute,
      );
    await bulkInsert(
      tx,
      'stats_intake_daily',
      DAILY_COLUMNS,
      daily.map((r) => ({
        day: r.day,
        channel: r.channel,
        source: r.source,
        street: r.street,
        is_dispute: r.isDispute,
        received: r.received,
        closed: r.closed,
        replied: r.replied,
        replied_on_time: r.repliedOnTime,
        rated: r.rated,
        satisfied: r.satisfied,
        people_involved: r.peopleInvolved,
        duration_count: r.durationCount,
        duration_seconds: r.durationSeconds,
      })),
      sql`on conflict (day, channel, source, street, is_dispute) do update set ${DAILY_SET}`,
      CHUNK,
    );
    const categories = delta
      .categoryRows()
      .sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          a.channel.localeCompare(b.channel) ||
          a.isDispute - b.isDispute ||
          a.category.localeCompare(b.category),
      );
    await bulkInsert(
      tx,
      'stats_intake_category',
      CATEGORY_COLUMNS,
      categories.map((r) => ({
        month: r.month,
        channel: r.channel,
        is_dispute: r.isDispute,
        category: r.category,
        received: r.received,
        closed: r.closed,
      })),
      sql`on conflict (month, channel, is_dispute, category) do update set received = stats_intake_category.received + excluded.received,
      closed = stats_intake_category.closed + excluded.closed`,
      CHUNK,
    );
    const durations = delta
      .durationRows()
      .sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          a.channel.localeCompare(b.channel) ||
          a.source.localeCompare(b.source) ||
          a.street.localeCompare(b.street) ||
          a.bucket - b.bucket,
      );
    await bulkInsert(
      tx,
      'stats_intake_duration',
      DURATION_COLUMNS,
      durations,
      sql`on conflict (month, channel, source, street, bucket) do update set count = stats_intake_duration.count + excluded.count`,
      CHUNK,
    );
  }

  /**
   * Recomputes both aggregate tables from intake_records (repair, or after loading rows that did
   * not go through the importer). Same definitions as intake-aggregate.ts, in SQL.
   */
  async rebuild(tx: Executor): Promise<void> {
    await tx.execute(sql`delete from stats_intake_daily`);
    await tx.execute(sql`delete from stats_intake_category`);
    await tx.execute(sql`delete from stats_intake_duration`);
    const local = sql`((r.accepted_at at time zone 'UTC') + interval '8 hours')`;
    const dur = sql`round(extract(epoch from (r.closed_at - r.accepted_at)))`;
    const hasDur = sql`(r.closed_at is not null and r.closed_at >= r.accepted_at)`;
    // live registrations' intake records (registered_by set) never went through the importer's aggregates
    const imported = sql`r.registered_by is null`;
    await tx.execute(sql`
      insert into stats_intake_daily (day, channel, source, street, is_dispute, received, closed, replied,
        replied_on_time, rated, satisfied, people_involved, duration_count, duration_seconds)
      select ${local}::date, r.channel, coalesce(r.source, ''), coalesce(r.street, ''),
        case when r.is_dispute then 1 else 0 end, count(*),
        count(*) filter (where r.closed_at is not null), count(*) filter (where r.replied_at is not null),
        count(*) filter (where r.replied_at is not null and r.replied_on_time), count(*) filter (where r.satisfaction in ('满意','基本满意','不满意')),
        count(*) filter (where r.satisfaction in ('满意','基本满意')), coalesce(sum(r.people_involved), 0),
        count(*) filter (where ${hasDur}), coalesce(sum(${dur}) filter (where ${hasDur}), 0)
      from intake_records r where ${imported} group by 1, 2, 3, 4, 5`);
    await tx.execute(sql`
      insert into stats_intake_category (month, channel, is_dispute, category, received, closed)
      select date_trunc('month', ${local})::date, r.channel, case when r.is_dispute then 1 else 0 end, coalesce(r.dispute_category, r.category),
        count(*), count(*) filter (where r.closed_at is not null)
      from intake_records r where ${imported} group by 1, 2, 3, 4`);
    await tx.execute(sql`
      insert into stats_intake_duration (month, channel, source, street, bucket, count)
      select date_trunc('month', ${local})::date, r.channel, coalesce(r.source, ''), coalesce(r.street, ''),
        case when floor(${dur} / 3600) < ${HOURLY_BUCKETS} then floor(${dur} / 3600)::int
             else ${HOURLY_BUCKETS - 2} + least(floor(${dur} / 86400), ${MAX_DURATION_DAYS})::int end,
        count(*)
      from intake_records r where ${imported} and ${hasDur} group by 1, 2, 3, 4, 5`);
  }
}
