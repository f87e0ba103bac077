import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService, schema } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { eq } from 'drizzle-orm';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository } from './case.repository';

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
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
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
    return this.consentStatus(ctx);
  }

  async schedule(actor: Actor, id: string, input: ScheduleInput) {
    const ctx = await this.access.load(actor, id);
    this.assertMediator(actor, ctx);
    if (!ACTIVE.includes(ctx.dispute.status))
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, '只有受理后、结案前的案件可以安排调解', {
        currentStatus: ctx.dispute.status,
      });
    const at = new Date(input.scheduledAt);
    if (Number.isNaN(at.getTime()))
      throw DomainError.validation('调解时间无效', {
        field: 'scheduledAt',
      });
    if (!input.online && !input.place?.trim())
      throw DomainError.validation('线下调解须填写地点', {
        field: 'place',
      });
    const unknown = input.participants.filter((p) => !ctx.parties.some((x) => x.id === p));
    if (unknown.length)
      throw DomainError.validation('参与人须为本案当事人', {
        field: 'participants',
      });
    if (input.online) {
      const status = await this.consentStatus(ctx);
      if (!status.allConsented) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `在线调解须经各方当事人同意，尚未同意：${status.missing.map((m) => m.name).join('、')}`,
          { missing: status.missing },
        );
      }
    }
    return this.db.transaction(async (tx) => {
      const row = (
        await tx
          .insert(schema.mediationSessions)
          .values({
            disputeId: id,
            scheduledAt: at,
            online: input.online,
            place: input.place ?? null,
            mode: input.mode,
            participants: input.participants,
            createdBy: actor.id!,
            createdAt: this.clock.now(),
          })
          .returning()
      )[0];
      await this.audit.record(tx, actor, {
        action: 'case.session_scheduled',
        entityType: 'dispute',
        entityId: id,
        data: { sessionId: row.id, online: input.online, mode: input.mode },
      });
      return row;
    });
  }

  async record(actor: Actor, id: string, sessionId: string, text: string) {
    const ctx = await this.access.load(actor, id);
    this.assertMediator(actor, ctx);
    return this.db.transaction(async (tx) => {
      const session = (
        await tx.select().from(schema.mediationSessions).where(eq(schema.mediationSessions.id, sessionId))
      )[0];
      if (!session || session.disputeId !== id) throw DomainError.notFound('session', sessionId);
      const row = (
        await tx
          .update(schema.mediationSessions)
          .set({ record: text, recordedBy: actor.id })
          .where(eq(schema.mediationSessions.id, sessionId))
          .returning()
      )[0];
      await this.audit.record(tx, actor, {
        action: 'case.session_recorded',
        entityType: 'dispute',
        entityId: id,
        data: { sessionId, length: text.length },
      });
      return row;
    });
  }

  async list(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    const rows = await this.db.db
      .select()
      .from(schema.mediationSessions)
      .where(eq(schema.mediationSessions.disputeId, id));
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
