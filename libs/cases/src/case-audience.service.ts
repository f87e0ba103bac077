import { Injectable } from '@nestjs/common';
import { Role, channels } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { CaseAudienceRepository, CaseAudienceRow } from './case-audience.repository';

/** The realtime room of every district admin (they list every case of the district). */
export const DISTRICT_ROOM = channels.district;

/**
 * Where a case's change notice goes: every screen that lists the case. The district; the handling body and the
 * bodies it was transferred away from; the courts
 * that referred it; the organisations and accounts that registered it; its mediator; its parties' and agents'
 * accounts; and whoever watches the case itself. The notice carries no personal data, so each audience refetches
 * what it may see.
 */
@Injectable()
export class CaseAudienceService {
  constructor(
    private readonly db: DbService,
    private readonly repo: CaseAudienceRepository,
  ) {}

  async rooms(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.repo.audiences(this.db.db, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, roomsOf(r)]));
  }
}

export function roomsOf(a: CaseAudienceRow): string[] {
  const rooms = new Set<string>([channels.case(a.id), channels.district]);
  if (a.bodyId) rooms.add(channels.org(a.bodyId));
  for (const b of a.formerBodyIds) rooms.add(channels.org(b));
  if (a.mediatorId) rooms.add(channels.user(a.mediatorId));
  for (const c of a.courtIds) rooms.add(channels.org(c));
  for (const r of a.registrants) {
    rooms.add(channels.user(r.userId));
    // the reporting organisation (grid centre, 12345 centre, a window's body); a party has none
    if (r.orgId && r.role !== Role.Party) rooms.add(channels.org(r.orgId));
  }
  for (const u of a.partyUserIds) rooms.add(channels.user(u));
  return [...rooms];
}
