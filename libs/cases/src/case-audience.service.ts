import { Injectable } from '@nestjs/common';
import { Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { CaseAudienceRepository, CaseAudienceRow } from './case-audience.repository';

/** The realtime room of every district admin (they list every case of the district). */
export const DISTRICT_ROOM = 'district';

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
  const rooms = new Set<string>([`case:${a.id}`, DISTRICT_ROOM]);
  if (a.bodyId) rooms.add(`org:${a.bodyId}`);
  for (const b of a.formerBodyIds) rooms.add(`org:${b}`);
  if (a.mediatorId) rooms.add(`user:${a.mediatorId}`);
  for (const c of a.courtIds) rooms.add(`org:${c}`);
  for (const r of a.registrants) {
    rooms.add(`user:${r.userId}`);
    // the reporting organisation (grid centre, 12345 centre, a window's body); a party has none
    if (r.orgId && r.role !== Role.Party) rooms.add(`org:${r.orgId}`);
  }
  for (const u of a.partyUserIds) rooms.add(`user:${u}`);
  return [...rooms];
}
