import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type LinkageRoomRow = typeof schema.linkageRooms.$inferSelect;
export type RoomMemberRow = typeof schema.roomMembers.$inferSelect;

export interface MemberDetail {
  userId: string;
  name: string;
  userRole: string;
  orgId: string | null;
  orgName: string | null;
  role: string;
  viaOrgId: string | null;
  addedAt: Date;
  removedAt: Date | null;
}

export interface InviteRow {
  userId: string;
  role: string;
  viaOrgId: string | null;
}

/** Linkage rooms and their explicit members. */
@Injectable()
export class RoomMemberRepository {
  async insertLinkage(db: Executor, row: typeof schema.linkageRooms.$inferInsert): Promise<LinkageRoomRow> {
    return (await db.insert(schema.linkageRooms).values(row).returning())[0];
  }

  async linkage(db: Executor, roomId: string): Promise<LinkageRoomRow | null> {
    return (
      (
        await db.select().from(schema.linkageRooms).where(eq(schema.linkageRooms.roomId, roomId)).limit(1)
      )[0] ?? null
    );
  }

  async activeMember(db: Executor, roomId: string, userId: string): Promise<RoomMemberRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.roomMembers)
          .where(
            and(
              eq(schema.roomMembers.roomId, roomId),
              eq(schema.roomMembers.userId, userId),
              isNull(schema.roomMembers.removedAt),
            ),
          )
          .limit(1)
      )[0] ?? null
    );
  }

  /** Adds members, or brings removed ones back; an active member keeps their row (a host stays a host). Returns who was added. */
  async upsertMembers(
    db: Executor,
    roomId: string,
    rows: InviteRow[],
    addedBy: string,
    at: Date,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const added = await db
      .insert(schema.roomMembers)
      .values(
        rows.map((r) => ({
          roomId,
          userId: r.userId,
          role: r.role,
          viaOrgId: r.viaOrgId,
          addedBy,
          addedAt: at,
        })),
      )
      .onConflictDoUpdate({
        target: [schema.roomMembers.roomId, schema.roomMembers.userId],
        set: {
          role: sql`excluded.role`,
          viaOrgId: sql`excluded.via_org_id`,
          addedBy,
          addedAt: at,
          removedAt: null,
          removedBy: null,
        },
        setWhere: sql`${schema.roomMembers.removedAt} is not null`,
      })
      .returning({ userId: schema.roomMembers.userId });
    return added.map((a) => a.userId);
  }

  /** Marks these active members removed; returns who was removed. */
  async remove(
    db: Executor,
    roomId: string,
    userIds: string[],
    removedBy: string,
    at: Date,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const r = await db
      .update(schema.roomMembers)
      .set({ removedAt: at, removedBy })
      .where(
        and(
          eq(schema.roomMembers.roomId, roomId),
          inArray(schema.roomMembers.userId, userIds),
          isNull(schema.roomMembers.removedAt),
        ),
      )
      .returning({ userId: schema.roomMembers.userId });
    return r.map((x) => x.userId);
  }

  /** Locks the room's membership against concurrent invite/remove (e.g. two hosts removing each other). */
  async lockRoom(db: Executor, roomId: string): Promise<boolean> {
    const r = await db
      .select({ id: schema.rooms.id })
      .from(schema.rooms)
      .where(eq(schema.rooms.id, roomId))
      .for('update');
    return r.length === 1;
  }

  async activeHostsExcept(db: Executor, roomId: string, userIds: string[]): Promise<number> {
    const conds = [
      eq(schema.roomMembers.roomId, roomId),
      eq(schema.roomMembers.role, 'host'),
      isNull(schema.roomMembers.removedAt),
    ];
    for (const id of userIds) conds.push(ne(schema.roomMembers.userId, id));
    const r = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.roomMembers)
      .where(and(...conds));
    return Number(r[0]?.n ?? 0);
  }

  members(db: Executor, roomId: string, activeOnly: boolean): Promise<MemberDetail[]> {
    const m = schema.roomMembers;
    const conds = [eq(m.roomId, roomId)];
    if (activeOnly) conds.push(isNull(m.removedAt));
    return db
      .select({
        userId: m.userId,
        name: schema.users.displayName,
        userRole: schema.users.role,
        orgId: schema.users.orgId,
        orgName: schema.organizations.name,
        role: m.role,
        viaOrgId: m.viaOrgId,
        addedAt: m.addedAt,
        removedAt: m.removedAt,
      })
      .from(m)
      .innerJoin(schema.users, eq(schema.users.id, m.userId))
      .leftJoin(schema.organizations, eq(schema.organizations.id, schema.users.orgId))
      .where(and(...conds))
      .orderBy(asc(m.addedAt), asc(schema.users.displayName));
  }

  /** Active members who belong to an organisation (to remove a whole organisation). */
  async activeMembersOfOrg(db: Executor, roomId: string, orgId: string): Promise<string[]> {
    const r = await db
      .select({ userId: schema.roomMembers.userId })
      .from(schema.roomMembers)
      .innerJoin(schema.users, eq(schema.users.id, schema.roomMembers.userId))
      .where(
        and(
          eq(schema.roomMembers.roomId, roomId),
          isNull(schema.roomMembers.removedAt),
          eq(schema.users.orgId, orgId),
        ),
      );
    return r.map((x) => x.userId);
  }

  /** Linkage rooms where the user is an active member. */
  roomsOf(db: Executor, userId: string) {
    return db
      .select({ room: schema.rooms, linkage: schema.linkageRooms, memberRole: schema.roomMembers.role })
      .from(schema.roomMembers)
      .innerJoin(schema.rooms, eq(schema.rooms.id, schema.roomMembers.roomId))
      .innerJoin(schema.linkageRooms, eq(schema.linkageRooms.roomId, schema.rooms.id))
      .where(and(eq(schema.roomMembers.userId, userId), isNull(schema.roomMembers.removedAt)))
      .orderBy(asc(schema.rooms.createdAt));
  }

  /** Active staff accounts (never parties) among these ids, with their organisation. */
  staffUsers(db: Executor, userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        id: schema.users.id,
        name: schema.users.displayName,
        role: schema.users.role,
        orgId: schema.users.orgId,
      })
      .from(schema.users)
      .where(
        and(inArray(schema.users.id, userIds), eq(schema.users.active, true), ne(schema.users.role, 'party')),
      );
  }

  /** Every active staff account of an organisation. */
  staffOfOrg(db: Executor, orgId: string) {
    return db
      .select({
        id: schema.users.id,
        name: schema.users.displayName,
        role: schema.users.role,
        orgId: schema.users.orgId,
      })
      .from(schema.users)
      .where(
        and(eq(schema.users.orgId, orgId), eq(schema.users.active, true), ne(schema.users.role, 'party')),
      );
  }

  orgs(db: Executor, orgIds: string[]) {
    if (orgIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        id: schema.organizations.id,
        name: schema.organizations.name,
        active: schema.organizations.active,
      })
      .from(schema.organizations)
      .where(inArray(schema.organizations.id, orgIds));
  }

  async dispute(db: Executor, id: string) {
    return (
      (
        await db
          .select({
            id: schema.disputes.id,
            number: schema.disputes.number,
            title: schema.disputes.title,
            kind: schema.disputes.kind,
          })
          .from(schema.disputes)
          .where(eq(schema.disputes.id, id))
          .limit(1)
      )[0] ?? null
    );
  }
}
