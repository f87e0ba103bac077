import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

const e = schema.sessionCallEvents;
const u = schema.users;

export type CallEventRow = typeof e.$inferSelect;
export type CallEventKind = 'join' | 'leave' | 'invite' | 'mode' | 'consent' | 'recording';

/** Staff roles a mediator may invite into a call (法官在线指导, 府院联动, a colleague). */
export const INVITABLE_ROLES = ['judge', 'court_clerk', 'official', 'mediator'] as const;

/** The call events of online sessions, and the session, consent and account reads admission needs. */
@Injectable()
export class CallEventRepository {
  async session(db: Executor, sessionId: string) {
    const s = schema.mediationSessions;
    const rows = await db
      .select({
        id: s.id,
        disputeId: s.disputeId,
        online: s.online,
        mode: s.mode,
        scheduledAt: s.scheduledAt,
        participants: s.participants,
        record: s.record,
      })
      .from(s)
      .where(eq(s.id, sessionId));
    return rows[0] ?? null;
  }

  async onlineConsents(db: Executor, disputeId: string): Promise<string[]> {
    const c = schema.partyConsents;
    const rows = await db
      .select({ partyId: c.partyId })
      .from(c)
      .where(and(eq(c.disputeId, disputeId), eq(c.kind, 'online_mediation')));
    return rows.map((r) => r.partyId);
  }

  async insert(
    db: Executor,
    row: {
      sessionId: string;
      disputeId: string;
      kind: CallEventKind;
      userId: string;
      data: Record<string, unknown>;
      at: Date;
    },
  ): Promise<CallEventRow> {
    return (await db.insert(e).values(row).returning())[0];
  }

  /** The session's events with each actor's name, oldest first. */
  async ofSession(db: Executor, sessionId: string) {
    return db
      .select({ event: e, name: u.displayName, role: u.role })
      .from(e)
      .innerJoin(u, eq(u.id, e.userId))
      .where(eq(e.sessionId, sessionId))
      .orderBy(asc(e.at), asc(e.id));
  }

  async invitedUserIds(db: Executor, sessionId: string): Promise<string[]> {
    const rows = await db
      .select({ data: e.data })
      .from(e)
      .where(and(eq(e.sessionId, sessionId), eq(e.kind, 'invite')));
    return rows.map((r) => String(r.data.inviteeId));
  }

  async recording(db: Executor, sessionId: string, recordingId: string): Promise<CallEventRow | null> {
    const rows = await db
      .select()
      .from(e)
      .where(and(eq(e.sessionId, sessionId), eq(e.kind, 'recording')));
    return rows.find((r) => r.data.recordingId === recordingId) ?? null;
  }

  async user(db: Executor, userId: string) {
    const rows = await db
      .select({ id: u.id, name: u.displayName, role: u.role, orgId: u.orgId, active: u.active })
      .from(u)
      .where(eq(u.id, userId));
    return rows[0] ?? null;
  }

  invitableStaff(db: Executor) {
    return db
      .select({ id: u.id, name: u.displayName, role: u.role, orgId: u.orgId })
      .from(u)
      .where(and(inArray(u.role, [...INVITABLE_ROLES]), eq(u.active, true)))
      .orderBy(asc(u.role), asc(u.displayName));
  }
}
