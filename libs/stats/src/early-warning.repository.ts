import { Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { DbService, resultRows } from '@tiaojie/db';

/** An instant window [from, to) and an optional handling body. */
export interface WarningScope {
  from: Date;
  to: Date;
  bodyId?: string | null;
}

export interface DisputeRef {
  id: string;
  number: string;
  title: string;
  category: string;
  status: string;
  createdAt: string;
}

/** The window's disputes through the creation-time index; every query below starts from it. */
function windowed(s: WarningScope): SQL {
  const body = s.bodyId ? sql` and d.body_id = ${s.bodyId}::uuid` : sql``;
  return sql`d.created_at >= ${s.from.toISOString()}::timestamptz and d.created_at < ${s.to.toISOString()}::timestamptz${body}`;
}

@Injectable()
export class EarlyWarningRepository {
  constructor(private readonly db: DbService) {}

  private async rows<T>(q: SQL): Promise<T[]> {
    return resultRows<T>(await this.db.db.execute(q));
  }

  /** Places (normalised address) with at least `min` disputes in the window. */
  samePlace(s: WarningScope, min: number): Promise<{ place: string; ids: string[] }[]> {
    return this
      .rows(sql`select regexp_replace(d.address, '\\s+', '', 'g') as place, array_agg(d.id::text order by d.created_at) as ids
      from disputes d where ${windowed(s)} and d.address is not null and length(d.address) >= 4
      group by 1 having count(*) >= ${min} order by count(*) desc, 1 limit 100`);
  }

  /** People (ID number, else phone) who are a party to at least `min` disputes in the window. */
  samePerson(s: WarningScope, min: number): Promise<{ person: string; name: string; ids: string[] }[]> {
    return this
      .rows(sql`select coalesce(p.id_number, p.phone) as person, min(p.name) as name, array_agg(distinct d.id::text) as ids
      from dispute_parties p join disputes d on d.id = p.dispute_id
      where ${windowed(s)} and coalesce(p.id_number, p.phone) is not null
      group by 1 having count(distinct d.id) >= ${min} order by count(distinct d.id) desc, 1 limit 100`);
  }

  /** Pairs of parties (by ID number, else phone) who meet in at least `min` disputes in the window. */
  sameParties(
    s: WarningScope,
    min: number,
  ): Promise<{ a: string; b: string; names: string; ids: string[] }[]> {
    return this.rows(sql`with k as (
        select p.dispute_id, coalesce(p.id_number, p.phone) as person, p.name from dispute_parties p join disputes d on d.id = p.dispute_id
        where ${windowed(s)} and coalesce(p.id_number, p.phone) is not null)
      select x.person as a, y.person as b, min(x.name) || '、' || min(y.name) as names, array_agg(distinct x.dispute_id::text) as ids
      from k x join k y on y.dispute_id = x.dispute_id and x.person < y.person
      group by 1, 2 having count(distinct x.dispute_id) >= ${min} order by count(distinct x.dispute_id) desc limit 100`);
  }

  manyPeople(s: WarningScope, min: number): Promise<{ id: string; people: number }[]> {
    return this.rows(sql`select d.id::text as id, d.people_involved as people from disputes d
      where ${windowed(s)} and d.people_involved >= ${min} order by d.people_involved desc, d.created_at limit 200`);
  }

  /** Disputes per category in each of `windows` consecutive periods of `days` days ending at s.to (0 = the latest). */
  async categoryCounts(
    s: WarningScope,
    days: number,
    windows: number,
  ): Promise<{ category: string; window: number; n: number }[]> {
    const from = new Date(s.to.getTime() - days * windows * 86_400_000);
    const scope = { ...s, from };
    const rows = await this.rows<{
      category: string;
      window: number;
      n: string | number;
    }>(sql`select d.category,
        floor(extract(epoch from (${s.to.toISOString()}::timestamptz - d.created_at)) / ${days * 86_400})::int as window, count(*) as n
      from disputes d where ${windowed(scope)} group by 1, 2`);
    return rows.map((r) => ({ category: r.category, window: Number(r.window), n: Number(r.n) }));
  }

  categoryIds(s: WarningScope, category: string, limit: number): Promise<{ id: string }[]> {
    return this.rows(
      sql`select d.id::text as id from disputes d where ${windowed(s)} and d.category = ${category} order by d.created_at desc limit ${limit}`,
    );
  }

  refs(ids: string[]): Promise<DisputeRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this
      .rows(sql`select d.id::text as id, d.number, d.title, d.category, d.status, d.created_at as "createdAt"
      from disputes d where d.id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) order by d.created_at`);
  }
}
