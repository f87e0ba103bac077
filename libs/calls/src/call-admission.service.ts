import { Injectable } from '@nestjs/common';
import { CaseAccessService } from '@tiaojie/cases';
import {
  CallRole,
  DomainError,
  ErrorCode,
  ROLE_LABELS,
  Role,
  SYSTEM_ACTOR,
  UserActor,
  isUuid,
} from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { CallEventRepository } from './call-event.repository';

const ACTIVE = ['accepted', 'in_mediation', 'agreement_pending'];
const PARTY_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };

export interface Admission {
  sessionId: string;
  disputeId: string;
  partyIds: string[];
  role: CallRole;
  label: string;
  /** The party's name for parties (their account name is a masked phone); the account's otherwise. */
  name: string;
  partyId?: string;
}

/**
 * Who may join an online session's call: its listed parties (and their agents), the assigned mediator and the staff
 * the mediator invited, while the case is active and every party consented to online mediation.
 */
@Injectable()
export class CallAdmissionService {
  constructor(
    private readonly db: DbService,
    private readonly events: CallEventRepository,
    private readonly access: CaseAccessService,
  ) {}

  async admit(actor: UserActor, sessionId: string): Promise<Admission> {
    // the consents are read beside the case, not after it: a join's ack waits for every read here
    const { session, ctx, invited, consented } = await this.load(actor, sessionId, undefined, true);
    let who: Omit<Admission, 'sessionId' | 'disputeId' | 'partyIds'> | null = null;
    if (ctx.relations.has('assigned_mediator'))
      who = { role: 'mediator', label: ROLE_LABELS[Role.Mediator], name: actor.name };
    else if (ctx.relations.has('party')) {
      const listed =
        session.participants.length === 0
          ? ctx.ownParties
          : ctx.ownParties.filter((p) => session.participants.includes(p.id));
      const p = listed[0];
      if (p)
        who =
          p.userId === actor.id
            ? { role: 'party', label: PARTY_LABELS[p.role] ?? '当事人', name: p.name, partyId: p.id }
            : {
                role: 'agent',
                label: `${PARTY_LABELS[p.role] ?? '当事人'}代理人`,
                name: actor.name,
                partyId: p.id,
              };
    } else if (invited)
      who = { role: 'invited', label: ROLE_LABELS[actor.role] ?? '工作人员', name: actor.name };
    if (!who) throw DomainError.forbidden('您不是本次调解的参与人，不能加入视频调解');
    if (!session.online)
      throw new DomainError(ErrorCode.CONFLICT, '本次调解为线下调解，不能进行视频通话', { online: false });
    if (!ACTIVE.includes(ctx.dispute.status))
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, '案件不在调解阶段，不能进行视频调解', {
        currentStatus: ctx.dispute.status,
      });
    const missing = ctx.parties.filter((p) => !consented.includes(p.id));
    if (missing.length)
      throw new DomainError(
        ErrorCode.ONLINE_CONSENT_REQUIRED,
        `视频调解须经各方当事人同意在线调解，尚未同意：${missing.map((m) => m.name).join('、')}`,
        { missing: missing.map((m) => m.id) },
      );
    return { sessionId, disputeId: ctx.dispute.id, partyIds: ctx.parties.map((p) => p.id), ...who };
  }

  /** The session and its case as the actor may see them; an unknown session and an unseen case are both NOT_FOUND. */
  async load(actor: UserActor, sessionId: string, disputeId?: string, withConsents = false) {
    if (!isUuid(sessionId)) throw DomainError.notFound('session', String(sessionId));
    const [session, invitees] = await Promise.all([
      this.events.session(this.db.db, sessionId),
      this.events.invitedUserIds(this.db.db, sessionId),
    ]);
    if (!session || (disputeId && session.disputeId !== disputeId))
      throw DomainError.notFound('session', sessionId);
    const invited = invitees.includes(actor.id);
    const consents = withConsents ? this.events.onlineConsents(this.db.db, session.disputeId) : null;
    // settled at once, so a refusal below never leaves it rejecting unobserved
    void consents?.catch(() => undefined);
    const ctx = await this.access.load(actor, session.disputeId).catch(async (err: unknown) => {
      // invited staff often have no other tie to the case
      if (invited) return this.access.load(SYSTEM_ACTOR, session.disputeId);
      // the session is all the caller named: the refusal must not reveal the case behind it
      if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND)
        throw DomainError.notFound('session', sessionId);
      throw err;
    });
    return { session, ctx, invited, consented: (await consents) ?? [] };
  }
}
