import { Injectable } from '@nestjs/common';
import { SQL, sql } from 'drizzle-orm';
import { Executor, anyUuid, resultRows } from '@tiaojie/db';
import type { SearchPartyRow } from './case-search.view';

/** The filters of a search: each narrows the cases as the work lists do; dates are received dates in Shanghai. */
export interface SearchFilters {
  status?: string;
  category?: string;
  channel?: string;
  kind?: string;
  bodyId?: string;
  streetCode?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}

/** A search's filters as SQL over `d` (a row of disputes), and the rows a result page shows beyond the list item. */
@Injectable()
export class CaseSearchFilterRepository {
  where(f: SearchFilters): SQL[] {
    const out: SQL[] = [];
    if (f.status) out.push(sql`d.status = ${f.status}`);
    if (f.category) out.push(sql`d.category = ${f.category}`);
    if (f.channel) out.push(sql`d.channel = ${f.channel}`);
    if (f.kind) out.push(sql`d.kind = ${f.kind}`);
    if (f.bodyId) out.push(sql`d.body_id = ${f.bodyId}::uuid`);
    if (f.streetCode) out.push(sql`d.street_code = ${f.streetCode}`);
    if (f.from) out.push(sql`t.received_at >= (${f.from}::date::timestamp at time zone 'Asia/Shanghai')`);
    if (f.to) out.push(sql`t.received_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
    return out;
  }

  /** Whether the filters read the case row (`d`); the received dates are on the postings themselves. */
  readsCase(f: SearchFilters): boolean {
    return Boolean(f.status || f.category || f.channel || f.kind || f.bodyId || f.streetCode);
  }

  /** Parties of the cases (and agents, as parties of their case), for snippets, masking and the audit. */
  async parties(db: Executor, ids: readonly string[]): Promise<(SearchPartyRow & { partyId: string })[]> {
    if (ids.length === 0) return [];
    return resultRows<{
      dispute_id: string;
      party_id: string;
      name: string;
      party_type: string;
      phone: string | null;
      id_number: string | null;
    }>(
      await db.execute(sql`select dispute_id, id as party_id, name, party_type, phone, id_number from dispute_parties
          where dispute_id = ${anyUuid(ids)}
        union all select dispute_id, party_id, name, 'person', phone, null from dispute_agents
          where dispute_id = ${anyUuid(ids)}
        order by 1, 2`),
    ).map((r) => ({
      disputeId: r.dispute_id,
      partyId: r.party_id,
      name: r.name,
      partyType: r.party_type,
      phone: r.phone,
      idNumber: r.id_number,
    }));
  }

  async userPhone(db: Executor, userId: string): Promise<string | null> {
    const rows = resultRows<{ phone: string | null }>(
      await db.execute(sql`select phone from users where id = ${userId}::uuid`),
    );
    return rows[0]?.phone ?? null;
  }
}
