import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Executor, resultRows, schema } from '@tiaojie/db';

export interface UnknownStreetName {
  name: string;
  /** Imported records (any channel, dispute or not) that carry the name. */
  records: number;
  /** Disputes from those records, open at their source, still waiting to be routed for want of a street. */
  waitingDisputes: number;
}

export interface WaitingDispute {
  id: string;
  /** The community name the record carries, for resolving the community once the street is known. */
  community: string | null;
}

/**
 * Street names seen in imports that the directory does not know, the district admin's mappings (street_aliases),
 * and the imported disputes held back for want of a street.
 */
@Injectable()
export class StreetMappingRepository {
  /** Names neither a directory street nor mapped yet, most frequent first. */
  async unknownNames(db: Executor): Promise<UnknownStreetName[]> {
    const res = await db.execute(sql`
      select btrim(r.street) as name,
             count(*)::int as records,
             count(distinct d.id) filter (
               where d.status = 'received' and d.street_code is null and r.closed_at is null
                 and d.channel in ('hotline_12345', 'grid'))::int as "waitingDisputes"
        from intake_records r
        left join disputes d on d.id = r.dispute_id
       where btrim(coalesce(r.street, '')) <> ''
         and not exists (select 1 from streets s where s.name = btrim(r.street))
         and not exists (select 1 from street_aliases a where a.name = btrim(r.street))
       group by btrim(r.street)
       order by 2 desc, 1`);
    return resultRows<UnknownStreetName>(res);
  }

  async seenInImports(db: Executor, name: string): Promise<boolean> {
    const res = await db.execute(
      sql`select exists (select 1 from intake_records where btrim(street) = ${name}) as seen`,
    );
    return resultRows<{ seen: boolean }>(res)[0]?.seen === true;
  }

  async streetByName(db: Executor, name: string): Promise<string | null> {
    const res = await db.execute(sql`select code from streets where name = ${name}`);
    return resultRows<{ code: string }>(res)[0]?.code ?? null;
  }

  async streetExists(db: Executor, code: string): Promise<boolean> {
    const res = await db.execute(sql`select exists (select 1 from streets where code = ${code}) as found`);
    return resultRows<{ found: boolean }>(res)[0]?.found === true;
  }

  /** Inserts the mapping; the stored street code (an earlier mapping wins a race). */
  async insertAlias(db: Executor, name: string, streetCode: string, actorId: string | null): Promise<string> {
    await db
      .insert(schema.streetAliases)
      .values({ name, streetCode, createdBy: actorId })
      .onConflictDoNothing();
    const res = await db.execute(sql`select street_code from street_aliases where name = ${name}`);
    return resultRows<{ street_code: string }>(res)[0].street_code;
  }

  /**
   * Imported disputes carrying the name that were never routed (still 已受理, no street) and are still open at their
   * source (no record of them closed there: a historic, finished order is not work for a mediator), locked in id
   * order so that two mappings cannot route one dispute twice.
   */
  async waitingDisputes(db: Executor, name: string): Promise<WaitingDispute[]> {
    const res = await db.execute(sql`
      select d.id, min(r.community) as community
        from disputes d
        join intake_records r on r.dispute_id = d.id and btrim(r.street) = ${name}
       where d.status = 'received'
         and d.street_code is null
         and d.channel in ('hotline_12345', 'grid')
         and not exists (select 1 from intake_records c where c.dispute_id = d.id and c.closed_at is not null)
       group by d.id
       order by d.id`);
    const rows = resultRows<WaitingDispute>(res);
    if (rows.length > 0)
      await db.execute(
        sql`select id from disputes where id in (${sql.join(
          rows.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )}) order by id for update`,
      );
    return rows;
  }

  async communityCode(db: Executor, streetCode: string, name: string | null): Promise<string | null> {
    if (!name?.trim()) return null;
    const res = await db.execute(
      sql`select code from communities where street_code = ${streetCode} and name = ${name.trim()}`,
    );
    return resultRows<{ code: string }>(res)[0]?.code ?? null;
  }
}
