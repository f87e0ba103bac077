import { Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { DbService, resultRows } from '@tiaojie/db';

/** A half-open range of Shanghai business dates [from, to). */
export interface DateRange {
  from: string;
  to: string;
}

export interface IntakeFilter {
  channel?: string;
  source?: string;
  street?: string;
}

export type IntakeGroup = 'channel' | 'source' | 'street' | 'is_dispute' | 'day' | 'month';

export interface IntakeSums {
  received: number;
  closed: number;
  replied: number;
  repliedOnTime: number;
  rated: number;
  satisfied: number;
  peopleInvolved: number;
  durationCount: number;
  durationSeconds: number;
}

export interface DisputeSums {
  received: number;
  concluded: number;
  agreements: number;
  closed: number;
  durationCount: number;
  durationSeconds: number;
}

const INTAKE_SUMS = sql`coalesce(sum(received), 0)::bigint as "received", coalesce(sum(closed), 0)::bigint as "closed",
  coalesce(sum(replied), 0)::bigint as "replied", coalesce(sum(replied_on_time), 0)::bigint as "repliedOnTime",
  coalesce(sum(rated), 0)::bigint as "rated", coalesce(sum(satisfied), 0)::bigint as "satisfied",
  coalesce(sum(people_involved), 0)::bigint as "peopleInvolved", coalesce(sum(duration_count), 0)::bigint as "durationCount",
  coalesce(sum(duration_seconds), 0)::bigint as "durationSeconds"`;
const DISPUTE_SUMS = sql`coalesce(sum(received), 0)::bigint as "received", coalesce(sum(concluded), 0)::bigint as "concluded",
  coalesce(sum(agreements), 0)::bigint as "agreements", coalesce(sum(closed), 0)::bigint as "closed",
  coalesce(sum(duration_count), 0)::bigint as "durationCount", coalesce(sum(duration_seconds), 0)::bigint as "durationSeconds"`;

const GROUP_EXPR: Record<IntakeGroup, SQL> = {
  channel: sql`channel`,
  source: sql`source`,
  street: sql`street`,
  is_dispute: sql`is_dispute`,
  day: sql`to_char(day, 'YYYY-MM-DD')`,
  month: sql`to_char(day, 'YYYY-MM')`,
};

function numbers<T>(rows: Record<string, unknown>[], keys: string[]): T[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const k of keys) out[k] = Number(r[k] ?? 0);
    return out as T;
  });
}

const INTAKE_KEYS = [
  'received',
  'closed',
  'replied',
  'repliedOnTime',
  'rated',
  'satisfied',
  'peopleInvolved',
  'durationCount',
  'durationSeconds',
];
const DISPUTE_KEYS = ['received', 'concluded', 'agreements', 'closed', 'durationCount', 'durationSeconds'];

/** Reads the maintained aggregates (small tables) and the few indexed lookups statistics need. */
@Injectable()
export class StatsQueryRepository {
  constructor(private readonly db: DbService) {}

  private async rows(q: SQL): Promise<Record<string, unknown>[]> {
    return resultRows<Record<string, unknown>>(await this.db.db.execute(q));
  }

  private intakeWhere(range: DateRange, f: IntakeFilter, extra?: SQL): SQL {
    const parts: SQL[] = [sql`day >= ${range.from}::date`, sql`day < ${range.to}::date`];
    if (f.channel) parts.push(sql`channel = ${f.channel}`);
    if (f.source) parts.push(sql`source = ${f.source}`);
    if (f.street) parts.push(sql`street = ${f.street}`);
    if (extra) parts.push(extra);
    return sql.join(parts, sql` and `);
  }

  async intake(
    range: DateRange,
    filter: IntakeFilter,
    groups: IntakeGroup[],
    onlyDisputes = false,
  ): Promise<(IntakeSums & Record<string, unknown>)[]> {
    const g = groups.map((k) => sql`${GROUP_EXPR[k]} as ${sql.identifier(k)}`);
    const select = g.length > 0 ? sql.join([...g, INTAKE_SUMS], sql`, `) : INTAKE_SUMS;
    const where = this.intakeWhere(range, filter, onlyDisputes ? sql`is_dispute = 1` : undefined);
    const groupBy =
      g.length > 0
        ? sql` group by ${sql.join(
            groups.map((_, i) => sql.raw(String(i + 1))),
            sql`, `,
          )} order by 1`
        : sql``;
    return numbers(
      await this.rows(sql`select ${select} from stats_intake_daily where ${where}${groupBy}`),
      INTAKE_KEYS,
    );
  }

  /** Intake records per category and channel, in the whole months the range touches (dispute records only by default). */
  async intakeCategories(
    range: DateRange,
    onlyDisputes = true,
  ): Promise<{ channel: string; category: string; received: number; closed: number }[]> {
    const rows = await this
      .rows(sql`select channel, category, sum(received)::bigint as received, sum(closed)::bigint as closed from stats_intake_category
      where month >= date_trunc('month', ${range.from}::date)::date and month < ${range.to}::date${onlyDisputes ? sql` and is_dispute = 1` : sql``}
      group by channel, category order by channel, category`);
    return rows.map((r) => ({
      channel: String(r.channel),
      category: String(r.category),
      received: Number(r.received),
      closed: Number(r.closed),
    }));
  }

  /** Duration histogram (bucket → count) of intake records accepted in the months the range touches. */
  async intakeDurations(range: DateRange, filter: IntakeFilter): Promise<Map<number, number>> {
    const parts: SQL[] = [
      sql`month >= date_trunc('month', ${range.from}::date)::date`,
      sql`month < ${range.to}::date`,
    ];
    if (filter.channel) parts.push(sql`channel = ${filter.channel}`);
    if (filter.source) parts.push(sql`source = ${filter.source}`);
    if (filter.street) parts.push(sql`street = ${filter.street}`);
    const rows = await this.rows(
      sql`select bucket, sum(count)::bigint as n from stats_intake_duration where ${sql.join(parts, sql` and `)} group by bucket`,
    );
    return new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]));
  }

  /** Dispute counters of one breakdown (dim), optionally restricted to some values, grouped by value and/or period. */
  async disputes(
    dim: string,
    range: DateRange,
    opts: { values?: string[]; by?: 'value' | 'day' | 'month' | 'value-month' } = {},
  ): Promise<(DisputeSums & { value?: string; period?: string })[]> {
    const parts: SQL[] = [sql`dim = ${dim}`, sql`day >= ${range.from}::date`, sql`day < ${range.to}::date`];
    if (opts.values)
      parts.push(
        opts.values.length
          ? sql`value in (${sql.join(
              opts.values.map((v) => sql`${v}`),
              sql`, `,
            )})`
          : sql`false`,
      );
    const by = opts.by ?? 'value';
    const period = by === 'day' ? sql`to_char(day, 'YYYY-MM-DD')` : sql`to_char(day, 'YYYY-MM')`;
    const keys: SQL[] = [];
    if (by === 'value' || by === 'value-month') keys.push(sql`value as "value"`);
    if (by !== 'value') keys.push(sql`${period} as "period"`);
    const q = sql`select ${sql.join([...keys, DISPUTE_SUMS], sql`, `)} from stats_dispute_daily where ${sql.join(parts, sql` and `)}
      group by ${sql.join(
        keys.map((_, i) => sql.raw(String(i + 1))),
        sql`, `,
      )} order by 1`;
    return numbers(await this.rows(q), DISPUTE_KEYS);
  }

  async disputeDurations(dim: string, value: string, range: DateRange): Promise<Map<number, number>> {
    const rows = await this.rows(sql`select bucket, sum(count)::bigint as n from stats_dispute_duration
      where dim = ${dim} and value = ${value} and month >= date_trunc('month', ${range.from}::date)::date and month < ${range.to}::date group by bucket`);
    return new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]));
  }

  /** Disputes whose mediation clock runs and whose due day is before `today`, per value of a breakdown. */
  async overdue(dim: string, today: string): Promise<Map<string, number>> {
    const rows = await this.rows(
      sql`select value, sum(open)::bigint as n from stats_dispute_open_due where dim = ${dim} and due_day < ${today}::date group by value`,
    );
    return new Map(rows.map((r) => [String(r.value), Number(r.n)]));
  }

  async transitions(
    range: DateRange,
    actions: readonly string[],
  ): Promise<{ action: string; body: string; count: number }[]> {
    const rows = await this
      .rows(sql`select action, body, sum(count)::bigint as count from stats_transition_daily
      where day >= ${range.from}::date and day < ${range.to}::date and action in (${sql.join(
        actions.map((a) => sql`${a}`),
        sql`, `,
      )})
      group by action, body order by action, body`);
    return rows.map((r) => ({ action: String(r.action), body: String(r.body), count: Number(r.count) }));
  }

  async organizations(): Promise<Map<string, string>> {
    const rows = await this.rows(sql`select id::text as id, name from organizations`);
    return new Map(rows.map((r) => [String(r.id), String(r.name)]));
  }

  async streets(): Promise<{ code: string; name: string }[]> {
    return (await this.rows(sql`select code, name from streets order by code`)).map((r) => ({
      code: String(r.code),
      name: String(r.name),
    }));
  }
}
