import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, Role, UserActor, isUuid } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import {
  AttachmentService,
  LinkageRoomService,
  MessageService,
  MessageView,
  OpenedAttachment,
  ReadReceiptService,
  RoomRepository,
  RoomRow,
  UploadInput,
} from '@tiaojie/rooms';
import { CaseAccessService, CaseContext } from './case-access.service';
import { canUseRoom } from './case-query.service';
import { CaseRepository } from './case.repository';
import { CaseQueueRepository } from './case-queue.repository';
import { SendAccessCache } from './send-access.cache';

const OPEN = [
  'accepted',
  'in_mediation',
  'agreement_pending',
  'agreement',
  'confirmation_requested',
  'performance',
];

/** A room the actor may use, with what decides what they may do in it. */
export interface RoomAccess {
  room: RoomRow;
  /** joint | caucus for case rooms; null for linkage rooms. */
  sessionMode: string | null;
  /** The case version this decision was made on (case rooms); null for linkage rooms. */
  caseVersion: number | null;
}

export interface RoomRef {
  id: string;
  kind: string;
  title: string;
  disputeId: string | null;
}

/**
 * Authorises every join, send, read receipt, history read and attachment against the room's case and the
 * member's relation to it (case rooms), or against explicit membership (linkage rooms). Anyone else gets
 * NOT_FOUND: a room's existence is not disclosed.
 */
@Injectable()
export class CaseRoomService {
  private readonly sendAccess = new SendAccessCache<Promise<RoomAccess>>();

  constructor(
    private readonly db: DbService,
    private readonly rooms: RoomRepository,
    private readonly cases: CaseRepository,
    private readonly queues: CaseQueueRepository,
    private readonly access: CaseAccessService,
    private readonly messages: MessageService,
    private readonly linkage: LinkageRoomService,
    private readonly attachments: AttachmentService,
    private readonly receipts: ReadReceiptService,
  ) {}

  async authorize(actor: Actor, roomId: string): Promise<RoomAccess> {
    const found = isUuid(roomId) ? await this.rooms.withAccess(this.db.db, roomId, actor.id) : null;
    if (!found) throw DomainError.notFound('room', roomId);
    const { room, dispute, member } = found;
    if (room.kind === 'linkage') {
      // linkage rooms: explicit, active membership (the same rule as LinkageRoomService.requireMember)
      if (!member) throw DomainError.notFound('room', roomId);
      return { room, sessionMode: null, caseVersion: null };
    }
    if (!dispute) throw DomainError.notFound('room', roomId);
    // Staff relations to a case depend only on the case row (body, assigned mediator): one query per send.
    // Parties go through the full load (phone linking, agents acting for a party).
    let decidedOn = dispute;
    let ctx: Pick<CaseContext, 'relations' | 'ownParties'> | null;
    if (actor.role === Role.Party) {
      const loaded = await this.access.load(actor, dispute.id).catch(() => null);
      if (loaded) decidedOn = loaded.dispute;
      ctx = loaded;
    } else {
      ctx = this.access.relationsOf(actor, dispute, []);
    }
    if (!ctx || !canUseRoom(actor, ctx, room)) throw DomainError.notFound('room', roomId);
    return { room, sessionMode: decidedOn.sessionMode, caseVersion: decidedOn.version };
  }

  /** What a (re)joining client gets once its socket is in the room: every message after `lastSeq` (up to 1000) and the read marks. */
  async joinView(access: RoomAccess, lastSeq: number) {
    const { room } = access;
    const [{ messages, hasMore }, reads] = await Promise.all([
      this.messages.replay(room.id, lastSeq),
      this.receipts.reads(room.id),
    ]);
    // the room row was read after the socket joined: later messages arrive live or in a later `room:head`
    const head = Math.max(room.lastSeq, messages.at(-1)?.seq ?? 0);
    return { room: this.ref(room), sessionMode: access.sessionMode, messages, hasMore, reads, head };
  }

  /** The latest seq of each room (`room:head`); no authorisation: only sockets already in a room are told. */
  async heads(roomIds: string[]): Promise<Map<string, number>> {
    const rows = await this.rooms.lastSeqs(this.db.db, roomIds);
    return new Map(rows.map((r) => [r.id, r.lastSeq]));
  }

  /** Authorise and replay in one call (HTTP callers and tests; the gateway joins the socket room in between). */
  async join(actor: UserActor, roomId: string, lastSeq: number) {
    return this.joinView(await this.authorize(actor, roomId), lastSeq);
  }

  /**
   * A text message. The authorisation is remembered per actor and room (SendAccessCache) together with the case
   * version it was decided on; the write stores the message only if the case is still at that version, otherwise
   * the send is authorised afresh (and refused if the change took the right away) and tried again. Sends that
   * arrive while an authorisation is still being read wait for that one read instead of each starting their own
   * (a person's devices reconnecting together; every socket's first message under load).
   */
  async send(
    actor: UserActor,
    roomId: string,
    input: { clientMsgId: string; body: string },
  ): Promise<{ message: MessageView; duplicate: boolean }> {
    const key = `${actor.id}|${actor.role}|${actor.orgId ?? ''}|${roomId}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      let pending = this.sendAccess.get(key);
      if (!pending) {
        pending = this.authorizeSend(actor, roomId);
        this.sendAccess.set(key, pending);
      }
      const access = await pending.catch((err: unknown) => {
        this.sendAccess.deleteIf(key, pending);
        throw err;
      });
      // linkage rooms (no case version: membership rows decide) are authorised on every send
      if (access.caseVersion === null) {
        this.sendAccess.deleteIf(key, pending);
        return this.messages.send(actor, access.room.id, input);
      }
      const sent = await this.messages.sendAtVersion(actor, access.room.id, input, access.caseVersion);
      if (sent !== 'stale') return sent;
      this.sendAccess.deleteIf(key, pending);
    }
    throw new DomainError(ErrorCode.CONFLICT, '案件刚刚发生变更，请重新发送');
  }

  async upload(
    actor: UserActor,
    roomId: string,
    input: UploadInput,
  ): Promise<{ message: MessageView; duplicate: boolean }> {
    const access = await this.authorizeSend(actor, roomId);
    return this.attachments.upload(actor, access.room.id, input);
  }

  async download(actor: Actor, roomId: string, attachmentId: string): Promise<OpenedAttachment> {
    const { room } = await this.authorize(actor, roomId);
    return this.attachments.open(actor, room.id, attachmentId);
  }

  async history(
    actor: Actor,
    roomId: string,
    beforeSeq: number | undefined,
    limit: number | undefined,
    afterSeq?: number,
  ) {
    const { room } = await this.authorize(actor, roomId);
    return this.messages.history(room.id, beforeSeq, limit, afterSeq);
  }

  async markRead(actor: UserActor, roomId: string, seq: number) {
    const { room } = await this.authorize(actor, roomId);
    return this.receipts.markRead(actor, room, seq);
  }

  async reads(actor: Actor, roomId: string) {
    const { room } = await this.authorize(actor, roomId);
    return this.receipts.reads(room.id);
  }

  /** The actor's rooms with unread counts: rooms of their cases (parties; staff of the handling body) and their linkage rooms. */
  async mine(actor: Actor) {
    let disputes: Awaited<ReturnType<CaseRepository['forParty']>> = [];
    if (actor.role === Role.Party && actor.id) disputes = await this.cases.forParty(this.db.db, actor.id);
    else if ((actor.role === Role.Mediator || actor.role === Role.BodyAdmin) && actor.orgId)
      disputes = await this.queues.rows(this.db.db, 'forBody', {
        org: actor.orgId,
        statuses: OPEN,
        limit: 200,
      });
    const rooms = await this.rooms.forDisputes(
      this.db.db,
      disputes.map((d) => d.id),
    );
    const usable: { room: RoomRow; number: string; sessionMode: string }[] = [];
    for (const d of disputes) {
      // parties go through the full load (phone linking, agents); staff relations do not depend on the parties
      const access =
        actor.role === Role.Party
          ? await this.access.load(actor, d.id).catch(() => null)
          : this.access.relationsOf(actor, d, []);
      if (!access) continue;
      for (const room of rooms.filter((r) => r.disputeId === d.id)) {
        if (canUseRoom(actor, access, room))
          usable.push({ room, number: d.number, sessionMode: d.sessionMode });
      }
    }
    const reads = actor.id
      ? await this.receipts.readsOf(
          actor.id,
          usable.map((u) => u.room.id),
        )
      : new Map<string, number>();
    const caseRooms = usable.map(({ room, number, sessionMode }) => {
      const lastReadSeq = reads.get(room.id) ?? 0;
      return {
        ...this.ref(room),
        caseNumber: number,
        sessionMode,
        lastSeq: room.lastSeq,
        lastReadSeq,
        unread: Math.max(0, room.lastSeq - lastReadSeq),
      };
    });
    return { caseRooms, linkageRooms: await this.linkage.mine(actor) };
  }

  /**
   * After a case changed (mediator reassigned, case returned to another body, parties changed): which of
   * these connected users may no longer use which of its rooms. The gateway makes their sockets leave.
   */
  async revoked(disputeId: string, actors: Actor[]): Promise<{ userId: string; roomId: string }[]> {
    const rooms = isUuid(disputeId) ? await this.rooms.forDispute(this.db.db, disputeId) : [];
    const out: { userId: string; roomId: string }[] = [];
    for (const actor of actors) {
      if (!actor.id) continue;
      // only a refusal revokes: a failed read (database restarting, pool exhausted) must not evict anyone
      const ctx = await this.access.load(actor, disputeId).catch((err: unknown) => {
        if (
          err instanceof DomainError &&
          (err.code === ErrorCode.NOT_FOUND || err.code === ErrorCode.FORBIDDEN)
        )
          return null;
        throw err;
      });
      for (const room of rooms) {
        if (!ctx || !canUseRoom(actor, ctx, room)) out.push({ userId: actor.id, roomId: room.id });
      }
    }
    return out;
  }

  async roomIdsOfCase(disputeId: string): Promise<string[]> {
    if (!isUuid(disputeId)) return [];
    return (await this.rooms.forDispute(this.db.db, disputeId)).map((r) => r.id);
  }

  /** Sending also needs: no party speaking in the joint room while the mediator holds back-to-back sessions. */
  private async authorizeSend(actor: Actor, roomId: string): Promise<RoomAccess> {
    const access = await this.authorize(actor, roomId);
    if (actor.role === Role.Party && access.room.kind === 'joint' && access.sessionMode === 'caucus') {
      throw DomainError.forbidden('当前为背对背调解，请在您的背对背调解室发言');
    }
    return access;
  }

  private ref(room: RoomRow): RoomRef {
    return { id: room.id, kind: room.kind, title: room.title, disputeId: room.disputeId };
  }
}
