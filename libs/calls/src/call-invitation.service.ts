import { Injectable } from '@nestjs/common';
import { DomainError, ROLE_LABELS, Role, UserActor, isUuid } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { formatShanghai } from '@tiaojie/business-time';
import { NotificationService } from '@tiaojie/notifications';
import { CallAdmissionService } from './call-admission.service';
import { CallEventRepository, INVITABLE_ROLES } from './call-event.repository';
import { CallJournal } from './call-journal';

/** The assigned mediator invites staff (a judge, a court clerk, an official, a colleague) into a session's call. */
@Injectable()
export class CallInvitationService {
  constructor(
    private readonly db: DbService,
    private readonly events: CallEventRepository,
    private readonly admission: CallAdmissionService,
    private readonly journal: CallJournal,
    private readonly notifications: NotificationService,
  ) {}

  async invite(actor: UserActor, disputeId: string, sessionId: string, userId: string) {
    const { session, ctx } = await this.admission.load(actor, sessionId, disputeId);
    if (!ctx.relations.has('assigned_mediator'))
      throw DomainError.forbidden('仅承办调解员可以邀请他人参加视频调解');
    if (!session.online) throw DomainError.validation('线下调解不能邀请参加视频通话', { field: 'sessionId' });
    const invitee = isUuid(userId) ? await this.events.user(this.db.db, userId) : null;
    if (
      !invitee ||
      !invitee.active ||
      !(INVITABLE_ROLES as readonly string[]).includes(invitee.role) ||
      invitee.id === actor.id
    )
      throw DomainError.validation('只能邀请法官、法院立案人员、行政机关工作人员或其他调解员', {
        field: 'userId',
      });
    const existing = (await this.list(actor, disputeId, sessionId)).invitations.find(
      (i) => i.userId === userId,
    );
    if (existing) return existing;
    // the invitee learns of it in the inbox (and by SMS), whose entry opens the call: an official may not read the case
    const live = await this.db.transaction(async (tx) => {
      await this.journal.write(
        actor,
        { sessionId, disputeId, kind: 'invite', data: { inviteeId: invitee.id, role: invitee.role } },
        tx,
      );
      return this.notifications.notify(tx, {
        userIds: [invitee.id],
        kind: 'call_invitation',
        title: '视频调解邀请',
        body: `${actor.name}邀请您参加案件 ${ctx.dispute.number}（${ctx.dispute.title}）的视频调解，时间 ${formatShanghai(session.scheduledAt)}`,
        // the entry names the session, not the case: an inbox links only to cases its reader may open
        disputeId: null,
        sessionId,
        dedupeKey: `call-invitation:${sessionId}`,
        sms: true,
      });
    });
    this.notifications.publish(live);
    return (await this.list(actor, disputeId, sessionId)).invitations.find((i) => i.userId === userId)!;
  }

  async list(actor: UserActor, disputeId: string, sessionId: string) {
    await this.admission.load(actor, sessionId, disputeId);
    const rows = (await this.events.ofSession(this.db.db, sessionId)).filter(
      (r) => r.event.kind === 'invite',
    );
    const invitations: {
      userId: string;
      name: string;
      role: string;
      roleLabel: string;
      invitedBy: string;
      invitedAt: string;
    }[] = [];
    for (const r of rows) {
      const u = await this.events.user(this.db.db, String(r.event.data.inviteeId));
      if (!u || invitations.some((i) => i.userId === u.id)) continue;
      invitations.push({
        userId: u.id,
        name: u.name,
        role: u.role,
        roleLabel: ROLE_LABELS[u.role as Role] ?? u.role,
        invitedBy: r.name,
        invitedAt: r.event.at.toISOString(),
      });
    }
    return { invitations };
  }

  /** Staff the assigned mediator may invite (active judges, court clerks, officials and mediators). */
  async invitees(actor: UserActor, disputeId: string, sessionId: string) {
    const { ctx } = await this.admission.load(actor, sessionId, disputeId);
    if (!ctx.relations.has('assigned_mediator'))
      throw DomainError.forbidden('仅承办调解员可以邀请他人参加视频调解');
    const rows = await this.events.invitableStaff(this.db.db);
    return {
      staff: rows
        .filter((r) => r.id !== actor.id)
        .map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role as Role] ?? r.role })),
    };
  }
}
