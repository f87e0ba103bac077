import { Injectable } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimeEvent,
  RealtimePublisher,
  Role,
  channels,
  isUuid,
} from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { MessageService } from './message.service';
import { ReadReceiptService } from './read-receipt.service';
import { RoomMemberRepository, RoomMemberRow, InviteRow } from './room-member.repository';
import { RoomRepository, RoomRow } from './room.repository';

/** Who may open a court–government linkage room (府院联动): courts, government departments, the district. */
export const LINKAGE_CREATOR_ROLES: readonly Role[] = [
  Role.DistrictAdmin,
  Role.Judge,
  Role.CourtClerk,
  Role.Official,
];
export const MAX_LINKAGE_MEMBERS = 200;

export interface LinkageCreateInput {
  title: string;
  disputeId?: string;
  topic?: string;
  userIds?: string[];
  orgIds?: string[];
}

export interface InviteInput {
  userIds?: string[];
  orgIds?: string[];
  role?: 'host' | 'member';
}

export interface LinkageAccess {
  room: RoomRow;
  member: RoomMemberRow;
}

/**
 * Court–government linkage rooms: explicit members from several organisations, invited by person or by
 * organisation, tied to an administrative dispute or a standing topic. Hosts invite and remove; every
 * change is audited in its transaction and announced in the room's timeline; a removed member's sockets
 * leave the room at once (the `room:removed` event, which the api's publisher turns into socketsLeave).
 */
@Injectable()
export class LinkageRoomService {
  constructor(
    private readonly db: DbService,
    private readonly rooms: RoomRepository,
    private readonly members: RoomMemberRepository,
    private readonly messages: MessageService,
    private readonly receipts: ReadReceiptService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly publisher: RealtimePublisher,
  ) {}

  async create(actor: Actor, input: LinkageCreateInput) {
    if (!LINKAGE_CREATOR_ROLES.includes(actor.role))
      throw DomainError.forbidden('只有法院、行政机关和区综治工作人员可以创建府院联动室');
    for (const [field, v] of [
      ['title', input.title],
      ['topic', input.topic],
    ] as const) {
      if (typeof v === 'string' && v.includes('\u0000'))
        throw DomainError.validation('文本中不能含有空字符', { field });
    }
    const title = input.title?.trim();
    if (!title || title.length > 100)
      throw DomainError.validation('会议室名称须为 1-100 字', {
        field: 'title',
      });
    const topic = input.topic?.trim() || null;
    if (!!input.disputeId === !!topic)
      throw DomainError.validation('须关联一件行政争议或一个常设议题（二选一）', { field: 'disputeId' });
    if (topic && topic.length > 200) throw DomainError.validation('议题不能超过 200 字', { field: 'topic' });
    let dispute: { id: string; number: string; title: string } | null = null;
    if (input.disputeId) {
      const d = isUuid(input.disputeId) ? await this.members.dispute(this.db.db, input.disputeId) : null;
      if (!d) throw DomainError.validation('关联的纠纷不存在', { field: 'disputeId' });
      if (d.kind !== 'administrative')
        throw DomainError.validation('府院联动室只能关联行政争议', {
          field: 'disputeId',
        });
      dispute = d;
    }
    const invitees = (await this.resolve(input.userIds, input.orgIds, 'member')).filter(
      (r) => r.userId !== actor.id,
    );
    const events: RealtimeEvent[] = [];
    const room = await this.db.transaction(async (tx) => {
      const [r] = await this.rooms.insertRooms(tx, [{ kind: 'linkage', title }]);
      await this.audit.record(tx, actor, {
        action: 'room.linkage_create',
        entityType: 'room',
        entityId: r.id,
        data: {
          title,
          disputeId: dispute?.id ?? null,
          topic,
          members: invitees.map((i) => i.userId),
          orgIds: input.orgIds ?? [],
        },
      });
      await this.members.insertLinkage(tx, {
        roomId: r.id,
        disputeId: dispute?.id ?? null,
        topic,
        createdBy: actor.id!,
      });
      await this.members.upsertMembers(
        tx,
        r.id,
        [{ userId: actor.id!, role: 'host', viaOrgId: null }, ...invitees],
        actor.id!,
        this.clock.now(),
      );
      const about = dispute ? `关联行政争议 ${dispute.number}` : `议题：${topic}`;
      await this.system(tx, r.id, `${actor.name} 创建了府院联动室“${title}”（${about}）`, events);
      return r;
    });
    for (const i of invitees) events.push(this.invited(i.userId, room, 'member'));
    this.publisher.publish(events);
    return this.detail(actor, room.id);
  }

  async invite(actor: Actor, roomId: string, input: InviteInput) {
    const { room } = await this.requireHost(actor, roomId);
    const role = input.role ?? 'member';
    if (role !== 'host' && role !== 'member')
      throw DomainError.validation('成员角色应为主持人或成员', { field: 'role' });
    const invitees = await this.resolve(input.userIds, input.orgIds, role);
    if (invitees.length === 0) throw DomainError.validation('请指定邀请的人员或单位', { field: 'userIds' });
    const events: RealtimeEvent[] = [];
    const added = await this.db.transaction(async (tx) => {
      await this.audit.record(tx, actor, {
        action: 'room.member_invite',
        entityType: 'room',
        entityId: room.id,
        data: { userIds: invitees.map((i) => i.userId), orgIds: input.orgIds ?? [], role },
      });
      await this.members.lockRoom(tx, room.id);
      const ids = await this.members.upsertMembers(tx, room.id, invitees, actor.id!, this.clock.now());
      if (ids.length > 0) {
        const names = (await this.members.members(tx, room.id, true))
          .filter((m) => ids.includes(m.userId))
          .map((m) => m.name);
        await this.system(tx, room.id, `${actor.name} 邀请 ${names.join('、')} 加入会议室`, events);
      }
      if ((await this.members.members(tx, room.id, true)).length > MAX_LINKAGE_MEMBERS) {
        throw DomainError.validation(`会议室成员不能超过 ${MAX_LINKAGE_MEMBERS} 人`, {
          max: MAX_LINKAGE_MEMBERS,
        });
      }
      return ids;
    });
    for (const id of added) events.push(this.invited(id, room, role));
    this.publisher.publish(events);
    return { added, members: await this.memberViews(room.id, false) };
  }

  /** Removes people (by id, or every member of an organisation); their sockets leave the room immediately. */
  async remove(actor: Actor, roomId: string, target: { userId?: string; orgId?: string }, reason?: string) {
    if (reason !== undefined && (reason.length > 200 || reason.includes('\u0000')))
      throw DomainError.validation('原因不能超过 200 字，且不能含有空字符', { field: 'reason' });
    const { room } = await this.requireHost(actor, roomId);
    const ids = target.userId
      ? [target.userId]
      : target.orgId
        ? await this.members.activeMembersOfOrg(this.db.db, room.id, target.orgId)
        : [];
    if (ids.length === 0) throw DomainError.notFound('member', target.userId ?? target.orgId);
    const events: RealtimeEvent[] = [];
    const removed = await this.db.transaction(async (tx) => {
      await this.audit.record(tx, actor, {
        action: 'room.member_remove',
        entityType: 'room',
        entityId: room.id,
        data: { userIds: ids, orgId: target.orgId ?? null, reason: reason ?? null },
      });
      await this.members.lockRoom(tx, room.id);
      if ((await this.members.activeHostsExcept(tx, room.id, ids)) === 0) {
        throw new DomainError(ErrorCode.CONFLICT, '会议室至少需要保留一名主持人');
      }
      const names = new Map((await this.members.members(tx, room.id, true)).map((m) => [m.userId, m.name]));
      const gone = await this.members.remove(tx, room.id, ids, actor.id!, this.clock.now());
      if (gone.length === 0) throw DomainError.notFound('member', target.userId ?? target.orgId);
      await this.system(
        tx,
        room.id,
        `${actor.name} 将 ${gone.map((id) => names.get(id) ?? id).join('、')} 移出会议室${reason ? `：${reason}` : ''}`,
        events,
      );
      return gone;
    });
    for (const id of removed) {
      events.push({
        channel: channels.user(id),
        event: 'room:removed',
        payload: {
          roomId: room.id,
          reason: 'removed',
          message: '您已被移出该会议室',
        },
      });
    }
    this.publisher.publish(events);
    return { removed, members: await this.memberViews(room.id, false) };
  }

  /** The room if the actor is an active member; anyone else gets NOT_FOUND (no existence oracle). */
  async requireMember(actor: Actor, roomId: string): Promise<LinkageAccess> {
    const room = isUuid(roomId) ? await this.rooms.byId(this.db.db, roomId) : null;
    if (!room) throw DomainError.notFound('room', roomId);
    return this.requireMemberOf(actor, room);
  }

  /** The same check for a room already read. */
  async requireMemberOf(actor: Actor, room: RoomRow): Promise<LinkageAccess> {
    const member =
      room.kind === 'linkage' && actor.id
        ? await this.members.activeMember(this.db.db, room.id, actor.id)
        : null;
    if (!member) throw DomainError.notFound('room', room.id);
    return { room, member };
  }

  async requireHost(actor: Actor, roomId: string): Promise<LinkageAccess> {
    const access = await this.requireMember(actor, roomId);
    if (access.member.role !== 'host') throw DomainError.forbidden('只有会议室主持人可以执行此操作');
    return access;
  }

  async detail(actor: Actor, roomId: string) {
    const { room, member } = await this.requireMember(actor, roomId);
    const linkage = await this.members.linkage(this.db.db, room.id);
    const dispute = linkage?.disputeId ? await this.members.dispute(this.db.db, linkage.disputeId) : null;
    return {
      id: room.id,
      kind: room.kind,
      title: room.title,
      topic: linkage?.topic ?? null,
      dispute: dispute ? { id: dispute.id, number: dispute.number, title: dispute.title } : null,
      createdBy: linkage?.createdBy ?? null,
      createdAt: room.createdAt.toISOString(),
      lastSeq: room.lastSeq,
      myRole: member.role,
      members: await this.memberViews(room.id, false),
    };
  }

  async listMembers(actor: Actor, roomId: string, includeRemoved: boolean) {
    const { room } = await this.requireMember(actor, roomId);
    return this.memberViews(room.id, includeRemoved);
  }

  /** The actor's linkage rooms with their unread counts. */
  async mine(actor: Actor) {
    if (!actor.id) return [];
    const rows = await this.members.roomsOf(this.db.db, actor.id);
    const reads = await this.receipts.readsOf(
      actor.id,
      rows.map((r) => r.room.id),
    );
    return rows.map(({ room, linkage, memberRole }) => {
      const lastReadSeq = reads.get(room.id) ?? 0;
      return {
        id: room.id,
        kind: room.kind,
        title: room.title,
        disputeId: linkage.disputeId,
        topic: linkage.topic,
        memberRole,
        lastSeq: room.lastSeq,
        lastReadSeq,
        unread: Math.max(0, room.lastSeq - lastReadSeq),
      };
    });
  }

  async memberViews(roomId: string, includeRemoved: boolean) {
    return (await this.members.members(this.db.db, roomId, !includeRemoved)).map((m) => ({
      userId: m.userId,
      name: m.name,
      userRole: m.userRole,
      orgId: m.orgId,
      orgName: m.orgName,
      role: m.role,
      viaOrgId: m.viaOrgId,
      addedAt: m.addedAt.toISOString(),
      removedAt: m.removedAt?.toISOString() ?? null,
    }));
  }

  /** Invitations to rows: people must be active staff (never parties); an organisation brings all its active staff. */
  private async resolve(userIds: string[] = [], orgIds: string[] = [], role: string): Promise<InviteRow[]> {
    const users = [...new Set(userIds)];
    const orgs = [...new Set(orgIds)];
    if ([...users, ...orgs].some((id) => !isUuid(id)))
      throw DomainError.validation('邀请的人员或单位编号无效', { field: 'userIds' });
    if (users.length + orgs.length > MAX_LINKAGE_MEMBERS)
      throw DomainError.validation(`一次最多邀请 ${MAX_LINKAGE_MEMBERS} 人`);
    const found = await this.members.staffUsers(this.db.db, users);
    const unknown = users.filter((id) => !found.some((u) => u.id === id));
    if (unknown.length)
      throw DomainError.validation('被邀请人不存在、已停用或不是工作人员', { field: 'userIds', unknown });
    const orgRows = await this.members.orgs(this.db.db, orgs);
    const badOrgs = orgs.filter((id) => !orgRows.some((o) => o.id === id && o.active));
    if (badOrgs.length)
      throw DomainError.validation('被邀请单位不存在或已停用', {
        field: 'orgIds',
        unknown: badOrgs,
      });
    const rows = new Map<string, InviteRow>();
    for (const orgId of orgs) {
      for (const u of await this.members.staffOfOrg(this.db.db, orgId))
        rows.set(u.id, { userId: u.id, role, viaOrgId: orgId });
    }
    for (const u of found) rows.set(u.id, { userId: u.id, role, viaOrgId: null });
    return [...rows.values()];
  }

  private async system(tx: Executor, roomId: string, text: string, events: RealtimeEvent[]): Promise<void> {
    const m = await this.messages.appendSystem(tx, roomId, text);
    events.push({ channel: channels.room(roomId), event: 'message:new', payload: m });
  }

  private invited(userId: string, room: RoomRow, role: string): RealtimeEvent {
    return {
      channel: channels.user(userId),
      event: 'room:invited',
      payload: { roomId: room.id, kind: room.kind, title: room.title, role },
    };
  }
}
