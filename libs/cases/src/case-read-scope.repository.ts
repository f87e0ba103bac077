import { Injectable } from '@nestjs/common';
import { SQL, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Actor, Role } from '@tiaojie/core';
import { Executor, schema, sqlList } from '@tiaojie/db';
import { COURT_STATES } from './case-access.service';
import { CaseRepository, DisputeSummaryRow, SUMMARY_COLUMNS } from './case.repository';

/** A reader's scope over `d` (a row of disputes): `readable` every case they may see, `full` those not masked. */
export interface ReadScope {
  full: SQL;
  readable: SQL;
  /** the reader may read every case (the district): no condition on the case row is needed */
  all: boolean;
}

const BODY_STAFF = [Role.Mediator, Role.BodyAdmin, Role.Judge, Role.CourtClerk, Role.Official];

/**
 * The cases a reader may open, as SQL: the same rules as CaseAccessService.relationsOf (a party's own cases and
 * those they act for as agent, the handling body's, the district's, the referring court's and the confirming
 * court's in its states, the registrant's), so a search can neither return nor count a case its reader could not
 * open. A body that handled the case before a transfer reads it only as a masked summary.
 */
@Injectable()
export class CaseReadScopeRepository {
  constructor(private readonly cases: CaseRepository) {}

  async scopeOf(db: Executor, actor: Actor): Promise<ReadScope> {
    const full: SQL[] = [];
    const org = actor.orgId ?? null;
    if (actor.role === Role.DistrictAdmin || actor.role === Role.System) full.push(sql`true`);
    if (actor.role === Role.Party && actor.id) {
      full.push(
        sql`exists (select 1 from dispute_parties p where p.dispute_id = d.id and p.user_id = ${actor.id}::uuid)`,
      );
      full.push(
        sql`exists (select 1 from dispute_agents a where a.dispute_id = d.id and a.user_id = ${actor.id}::uuid)`,
      );
    }
    if (BODY_STAFF.includes(actor.role) && org) full.push(sql`d.body_id = ${org}::uuid`);
    if ((actor.role === Role.Judge || actor.role === Role.CourtClerk) && org) {
      full.push(
        sql`exists (select 1 from court_referrals r where r.dispute_id = d.id and r.court_id = ${org}::uuid)`,
      );
      const streets = await this.cases.orgStreets(db, org);
      if (streets.length > 0)
        full.push(sql`(d.status in ${sqlList(COURT_STATES)} and d.street_code = any(${`{${streets.join(',')}}`}::text[])
          and not exists (select 1 from court_referrals r where r.dispute_id = d.id))`);
    }
    if (actor.id && actor.role !== Role.Party) {
      full.push(sql`d.created_by = ${actor.id}::uuid`);
      full.push(
        sql`exists (select 1 from intake_records r where r.dispute_id = d.id and r.registered_by = ${actor.id}::uuid)`,
      );
    }
    const former =
      BODY_STAFF.includes(actor.role) && org ? sql`${org}::uuid = any(d.former_body_ids)` : sql`false`;
    const all = full.length > 0 ? sql`(${sql.join(full, sql` or `)})` : sql`false`;
    const everything = actor.role === Role.DistrictAdmin || actor.role === Role.System;
    return { full: all, readable: sql`(${all} or ${former})`, all: everything };
  }

  /**
   * The list rows of the cases `ids` with the texts a snippet is cut from, each with whether `full` holds for it
   * (else it is a former body's summary).
   */
  async summaries(
    db: Executor,
    ids: readonly string[],
    full: SQL,
  ): Promise<(DisputeSummaryRow & { fullAccess: boolean; description: string; address: string | null })[]> {
    if (ids.length === 0) return [];
    const d = alias(schema.disputes, 'd');
    const columns = Object.fromEntries(
      Object.keys(SUMMARY_COLUMNS).map((k) => [k, d[k as keyof typeof SUMMARY_COLUMNS]]),
    );
    return db
      .select({
        ...(columns as unknown as typeof SUMMARY_COLUMNS),
        description: d.description,
        address: d.address,
        fullAccess: sql<boolean>`${full}`.as('full_access'),
      })
      .from(d)
      .where(inArray(d.id, [...ids]));
  }
}
