import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Executor, readAsOne } from '@tiaojie/db';

/** Who lists a case: the ids a case's change notice is addressed to (read after the change committed). */
export interface CaseAudienceRow {
  id: string;
  bodyId: string | null;
  /** Bodies it was transferred away from: their lists keep a masked line for it. */
  formerBodyIds: string[];
  mediatorId: string | null;
  courtIds: string[];
  /** Everyone who registered it (the creator and staff whose later registrations were merged into it). */
  registrants: { userId: string; orgId: string | null; role: string }[];
  partyUserIds: string[];
}

@Injectable()
export class CaseAudienceRepository {
  /** One statement for a batch of cases: body and former bodies, mediator, referring courts, registrants with their orgs, party accounts. */
  async audiences(db: Executor, ids: string[]): Promise<CaseAudienceRow[]> {
    if (ids.length === 0) return [];
    const [rows] = await readAsOne(db, 'case_audiences_v1', [
      {
        sql: sql`select d.id, d.body_id, d.former_body_ids, d.mediator_id,
            coalesce((select array_agg(distinct r.court_id) from court_referrals r where r.dispute_id = d.id), '{}') as court_ids,
            coalesce((select json_agg(json_build_object('userId', u.id, 'orgId', u.org_id, 'role', u.role))
              from users u where u.id = d.created_by
                or u.id in (select i.registered_by from intake_records i where i.dispute_id = d.id)), '[]') as registrants,
            coalesce((select array_agg(distinct x.user_id) from (
                select p.user_id from dispute_parties p where p.dispute_id = d.id and p.user_id is not null
                union all
                select a.user_id from dispute_agents a where a.dispute_id = d.id and a.user_id is not null) x), '{}') as party_user_ids
          from disputes d where d.id = any(${sql.param(ids)}::uuid[])`,
        map: (rs) =>
          rs.map((r) => ({
            id: r.id as string,
            bodyId: (r.body_id as string | null) ?? null,
            formerBodyIds: (r.former_body_ids as string[]) ?? [],
            mediatorId: (r.mediator_id as string | null) ?? null,
            courtIds: (r.court_ids as string[]) ?? [],
            registrants: (r.registrants as CaseAudienceRow['registrants']) ?? [],
            partyUserIds: (r.party_user_ids as string[]) ?? [],
          })),
      },
    ] as const);
    return rows;
  }
}
