import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimeEvent,
  RealtimePublisher,
  Role,
  UserActor,
} from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository } from './case.repository';
import { CaseSessionRepository } from './case-session.repository';
import { CaseNoticePolicy } from './case-notice.policy';
import { caseChanged } from './case-transition.service';

export interface ScheduleInput {
  scheduledAt: string;
  online: boolean;
  place?: string;
  mode: 'joint' | 'caucus';
  participants: string[];
}

const ACTIVE = ['accepted', 'in_mediation', 'agreement_pending'];

/** Sessions (scheduled, place or online), online-mediation consent, and session records (笔录). */
@Injectable()
export class CaseSessionService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly sessions: CaseSessionRepository,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notices: CaseNoticePolicy,
    private readonly publisher: RealtimePublisher,
  ) {}

  /** A party (or their agent) consents to online mediation (人民法院在线调解规则 art. 4). */
  async consentOnline(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    if (!ctx.relations.has('party')) throw DomainError.forbidden('只有当事人本人或其代理人可以同意在线调解');
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      for (const p of ctx.ownParties) {
        if (
          await this.cases.insertConsent(tx, {
            disputeId: id,
            partyId: p.id,
            kind: 'online_mediation',
            recordedBy: actor.id,
            method: 'online_click',
            at: now,
          })
        ) {
          await this.audit.record(tx, actor, {
            action: 'case.consent_online',
            entityType: 'dispute',
            entityId: id,
            data: { partyId: p.id },
          });
        }
      }
    });
    this.publisher.publish([caseChanged(ctx.dispute, 'consent_online')]);
    return this.consentStatus(ctx);
  }

  async schedule(actor: UserActor, id: string, input: ScheduleInput) {
    const ctx = await this.activeCase(actor, id);
    const at = this.validTime(input.scheduledAt, input.online, input.place);
    const unknown = input.participants.filter((p) => !ctx.parties.some((x) => x.id === p));
    if (unknown.length)
      throw DomainError.validation('参与人须为本案当事人', {
        field: 'participants',
      });
    if (input.online) await this.assertOnlineConsent(ctx);
    const events: RealtimeEvent[] = [];
    const session = await this.db.transaction(async (tx) => {
      const row = await this.sessions.insert(tx, {
        disputeId: id,
        scheduledAt: at,
        online: input.online,
        place: input.place ?? null,
        mode: input.mode,
        participants: input.participants,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'case.session_scheduled',
        entityType: 'dispute',
        entityId: id,
        data: { sessionId: row.id, online: input.online, mode: input.mode },
      });
      await this.notices.onSession(tx, actor, 'session.scheduled', ctx.dispute, ctx.parties, row, events);
      return row;
    });
    this.notices.publish([...events, caseChanged(ctx.dispute, 'session_scheduled')]);
    return session;
  }

  /** Moves a session (time, online or in person, place); its participants are told of the change. */
  async reschedule(
    actor: Actor,
    id: string,
    sessionId: string,
    input: { scheduledAt: string; online: boolean; place?: string },
  ) {
    const ctx = await this.activeCase(actor, id);
    const at = this.validTime(input.scheduledAt, input.online, input.place);
    if (input.online) await this.assertOnlineConsent(ctx);
    const events: RealtimeEvent[] = [];
    const moved = await this.db.transaction(async (tx) => {
      const session = await this.openSession(tx, id, sessionId);
      const row = await this.sessions.update(tx, sessionId, {
        scheduledAt: at,
        online: input.online,
        place: input.online ? null : input.place!.trim(),
      });
      await this.audit.record(tx, actor, {
        action: 'case.session_rescheduled',
        entityType: 'dispute',
        entityId: id,
        data: {
          sessionId,
          from: {
            scheduledAt: session.scheduledAt.toISOString(),
            online: session.online,
            place: session.place,
          },
          to: { scheduledAt: at.toISOString(), online: input.online, place: row.place },
        },
      });
      await this.notices.onSession(tx, actor, 'session.changed', ctx.dispute, ctx.parties, row, events);
      return row;
    });
    this.notices.publish([...events, caseChanged(ctx.dispute, 'session_rescheduled')]);
    return moved;
  }

  /** Cancels a session not yet held (no record); the audit log keeps what it was, its participants are told. */
  async cancel(actor: Actor, id: string, sessionId: string, reason?: string) {
    const ctx = await this.activeCase(actor, id);
    const events: RealtimeEvent[] = [];
    await this.db.transaction(async (tx) => {
      const session = await this.openSession(tx, id, sessionId);
      await this.sessions.delete(tx, sessionId);
      await this.audit.record(tx, actor, {
        action: 'case.session_cancelled',
        entityType: 'dispute',
        entityId: id,
        data: {
          sessionId,
          scheduledAt: session.scheduledAt.toISOString(),
          online: session.online,
          place: session.place,
          participants: session.participants,
          reason: reason ?? null,
        },
      });
      await this.notices.onSession(tx, actor, 'session.cancelled', ctx.dispute, ctx.parties, session, events);
    });
    this.notices.publish([...events, caseChanged(ctx.dispute, 'session_cancelled')]);
    return { cancelled: true as const };
  }

  private async activeCase(actor: Actor, id: string): Promise<CaseContext> {
    const ctx = await this.access.load(actor, id);
    this.assertMediator(actor, ctx);
    if (!ACTIVE.includes(ctx.dispute.status))
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, '只有受理后、结案前的案件可以安排调解', {
        currentStatus: ctx.dispute.status,
      });
    return ctx;
  }

  private validTime(scheduledAt: string, online: boolean, place?: string): Date {
    const at = new Date(scheduledAt);
    if (Number.isNaN(at.getTime()))
      throw DomainError.validation('调解时间无效', {
        field: 'scheduledAt',
      });
    if (!online && !place?.trim())
      throw DomainError.validation('线下调解须填写地点', {
        field: 'place',
      });
    return at;
  }

  private async assertOnlineConsent(ctx: CaseContext): Promise<void> {
    const status = await this.consentStatus(ctx);
    if (!status.allConsented)
      throw new DomainError(
        ErrorCode.CONFLICT,
        `在线调解须经各方当事人同意，尚未同意：${status.missing.map((m) => m.name).join('、')}`,
        { missing: status.missing },
      );
  }

  /** A session of this case that has not been held yet (a recorded session is history: it cannot move). */
  private async openSession(tx: Executor, id: string, sessionId: string) {
    const session = await this.sessions.byId(tx, sessionId);
    if (!session || session.disputeId !== id) throw DomainError.notFound('session', sessionId);
    if (session.record)
      throw new DomainError(ErrorCode.CONFLICT, '该次调解已有笔录，不能变更或取消', {
        status: 'recorded',
      });
    return session;
  }

  async record(actor: Actor, id: string, sessionId: string, text: string) {
    const ctx = await this.access.load(actor, id);
    this.assertMediator(actor, ctx);
    const recorded = await this.db.transaction(async (tx) => {
      const session = await this.sessions.byId(tx, sessionId);
      if (!session || session.disputeId !== id) throw DomainError.notFound('session', sessionId);
      const row = await this.sessions.update(tx, sessionId, { record: text, recordedBy: actor.id });
      await this.audit.record(tx, actor, {
        action: 'case.session_recorded',
        entityType: 'dispute',
        entityId: id,
        data: { sessionId, length: text.length },
      });
      return row;
    });
    this.publisher.publish([caseChanged(ctx.dispute, 'session_recorded')]);
    return recorded;
  }

  async list(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    const rows = await this.sessions.ofCase(this.db.db, id);
    const staff = ctx.relations.has('handling_body') || ctx.relations.has('district');
    // Parties see when and where; the record (笔录) of a back-to-back session is for staff only.
    return {
      sessions: rows.map((r) => ({ ...r, record: staff || r.mode === 'joint' ? r.record : null })),
      consent: await this.consentStatus(ctx),
    };
  }

  private async consentStatus(ctx: CaseContext) {
    const consents = await this.cases.consents(this.db.db, ctx.dispute.id, 'online_mediation');
    const missing = ctx.parties
      .filter((p) => !consents.some((c) => c.partyId === p.id))
      .map((p) => ({ partyId: p.id, name: p.name }));
    return {
      allConsented: missing.length === 0,
      missing,
      consented: consents.map((c) => ({ partyId: c.partyId, at: c.at.toISOString() })),
    };
  }

  private assertMediator(actor: Actor, ctx: CaseContext): void {
    if (
      !ctx.relations.has('assigned_mediator') &&
      !(ctx.relations.has('handling_body') && actor.role === Role.BodyAdmin)
    ) {
      throw DomainError.forbidden('仅承办调解员可以安排调解和制作笔录');
    }
  }
}
