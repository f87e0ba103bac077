import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimePublisher, UserActor } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import {
  AgreementParty,
  agreementTemplate,
  DISPUTE_CATEGORIES,
  DisputeCategory,
  renderAgreementPdf,
} from '@tiaojie/documents';
import { OrgRepository } from '@tiaojie/org';
import { CaseAccessService } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseAgreementRepository } from './case-agreement.repository';
import { CaseTransactionRunner } from './case-transaction.runner';
import { CaseTransitionService } from './case-transition.service';
import { assertConfirmationWindow } from './case-enforcement.service';
import { CaseSigningRepository } from './case-signing.repository';

export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** Agreements after signing: the PDF, joint judicial-confirmation application, performance (履行), ratings and follow-up. */
@Injectable()
export class CaseAgreementService {
  constructor(
    private readonly signing: CaseSigningRepository,
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly agreements: CaseAgreementRepository,
    private readonly runner: CaseTransactionRunner,
    private readonly access: CaseAccessService,
    private readonly transitions: CaseTransitionService,
    private readonly orgs: OrgRepository,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  /** The clause skeletons of a category; an unknown category gets those of 'other'. */
  template(category: string) {
    const known = (DISPUTE_CATEGORIES as readonly string[]).includes(category);
    return agreementTemplate(known ? (category as DisputeCategory) : 'other');
  }

  /** The 调解协议书 as PDF (CJK font embedded), personal data masked, with the signed content hash. */
  async pdf(actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
    const ctx = await this.access.load(actor, id);
    if (ctx.relations.has('former_body') && ctx.relations.size === 1)
      throw DomainError.forbidden('移交后仅保留案件摘要');
    const agreement = await this.signing.currentAgreement(this.db.db, id);
    if (!agreement) throw DomainError.notFound('agreement for case', id);
    const [sigs, body, mediator, agents] = await Promise.all([
      this.signing.signatures(this.db.db, agreement.id),
      ctx.dispute.bodyId ? this.orgs.byId(this.db.db, ctx.dispute.bodyId) : null,
      ctx.dispute.mediatorId ? this.cases.user(this.db.db, ctx.dispute.mediatorId) : null,
      this.cases.agents(this.db.db, id),
    ]);
    const parties: AgreementParty[] = ctx.parties
      .filter((p) => p.role !== 'third_party')
      .map((p) => {
        const agent = agents.find((a) => a.partyId === p.id);
        return {
          id: p.id,
          role: p.role as 'applicant' | 'respondent',
          kind: p.partyType === 'organization' ? 'organisation' : 'person',
          name: p.name,
          idNumber: p.idNumber ?? undefined,
          phone: p.phone ?? undefined,
          legalRepresentative: p.representative ?? undefined,
          agent: agent
            ? {
                kind: agent.agentType as 'entrusted' | 'statutory',
                name: agent.name,
                phone: agent.phone ?? undefined,
              }
            : undefined,
        };
      });
    const pdf = await renderAgreementPdf({
      number: ctx.dispute.number,
      courtCaseNumber: ctx.referral?.courtCaseNumber,
      body: { name: body?.name ?? '人民调解委员会' },
      parties,
      facts: ctx.dispute.description,
      terms: agreement.terms,
      performance: agreement.performanceDueOn
        ? `各方按上述条款于 ${agreement.performanceDueOn} 前履行完毕。`
        : '各方按上述条款约定的期限履行。',
      mediators: mediator ? [mediator.displayName] : [],
      date: agreement.signedAt ?? agreement.createdAt,
      signatures: sigs
        .filter((s) => parties.some((p) => p.id === s.partyId))
        .map((s) => ({ partyId: s.partyId, signedAt: s.signedAt, method: 'electronic' as const })),
      signedContentHash: agreement.contentHash,
    });
    return { number: ctx.dispute.number, pdf };
  }

  /**
   * A party applies for judicial confirmation (人民调解法 art. 33): the request goes to the court once every party has
   * applied, within 30 days of the agreement taking effect.
   */
  async applyForConfirmation(actor: UserActor, id: string, version: number): Promise<DisputeRow> {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      if (!ctx.relations.has('party')) throw DomainError.forbidden('司法确认须由当事人共同申请');
      this.transitions.assertCan(actor, ctx, 'request_confirmation');
      const agreement = await this.signing.currentAgreement(tx, id);
      if (!agreement?.signedAt) throw DomainError.validation('协议尚未生效');
      assertConfirmationWindow(agreement.signedAt, this.clock.now(), ctx.dispute.status);
      if (version !== ctx.dispute.version)
        throw new DomainError(ErrorCode.VERSION_CONFLICT, '案件已被他人更新，请刷新后重试', {
          version: ctx.dispute.version,
          currentStatus: ctx.dispute.status,
        });
      for (const p of ctx.ownParties)
        await this.agreements.applyForConfirmation(tx, {
          disputeId: id,
          partyId: p.id,
          userId: actor.id,
          at: this.clock.now(),
        });
      await this.audit.record(tx, actor, {
        action: 'case.confirmation_applied',
        entityType: 'dispute',
        entityId: id,
        data: { parties: ctx.ownParties.map((p) => p.id) },
      });
      const applied = await this.agreements.confirmationApplications(tx, id);
      const principal = ctx.parties.filter((p) => p.role !== 'third_party');
      if (!principal.every((p) => applied.some((a) => a.partyId === p.id))) return ctx.dispute;
      // the last party to apply completes the joint application
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'request_confirmation',
        { version, reason: '各方当事人已共同申请司法确认', data: { jointApplication: true } },
        events,
      );
    });
  }

  /** Performance items (履行事项) with due dates, set when tracking starts. */
  async startPerformance(
    actor: Actor,
    id: string,
    input: { version: number; items: { description: string; dueOn: string }[] },
  ): Promise<DisputeRow> {
    if (input.items.length === 0) throw DomainError.validation('请至少填写一项履行事项', { field: 'items' });
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      await this.agreements.insertPerformanceItems(
        tx,
        input.items.map((i) => ({ disputeId: id, description: i.description, dueOn: i.dueOn })),
      );
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'start_performance',
        { version: input.version, data: { items: input.items } },
        events,
      );
    });
  }

  /** Marks one item done or breached; when every item is done the case is performed, a breach suggests the next step. */
  async recordPerformance(
    actor: Actor,
    id: string,
    itemId: string,
    input: { version: number; status: 'done' | 'breached'; note?: string },
  ) {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'record_performed');
      const items = await this.agreements.performanceItems(tx, id);
      const item = items.find((i) => i.id === itemId);
      if (!item) throw DomainError.notFound('performance item', itemId);
      await this.agreements.updatePerformanceItem(tx, itemId, {
        status: input.status,
        note: input.note ?? null,
        doneAt: this.clock.now(),
      });
      if (input.status === 'breached') {
        const confirmed = (await this.cases.transitions(tx, id)).some((t) => t.action === 'confirm');
        const suggestion = confirmed
          ? '协议已经司法确认，可向人民法院申请强制执行'
          : '建议当事人申请司法确认后申请强制执行，或就原纠纷向人民法院提起诉讼';
        return this.transitions.fire(
          tx,
          actor,
          ctx,
          'record_breach',
          {
            version: input.version,
            reason: `${item.description}：未履行。${suggestion}`,
            data: { itemId, suggestion },
          },
          events,
        );
      }
      const remaining = items.filter((i) => i.id !== itemId && i.status !== 'done');
      if (remaining.length > 0) return ctx.dispute;
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'record_performed',
        { version: input.version, reason: '全部履行事项已完成', data: { itemId } },
        events,
      );
    });
  }

  async performance(actor: Actor, id: string) {
    await this.access.load(actor, id);
    return this.agreements.performanceItems(this.db.db, id);
  }

  /** A party rates the service (满意/基本满意/不满意) once the case has an outcome. */
  async rate(actor: Actor, id: string, input: { rating: string; comment?: string }) {
    if (!(SATISFACTION as readonly string[]).includes(input.rating))
      throw DomainError.validation('评价须为 满意、基本满意 或 不满意', { field: 'rating' });
    const ctx = await this.access.load(actor, id);
    if (!ctx.relations.has('party')) throw DomainError.forbidden('仅当事人可以评价');
    if (
      [
        'received',
        'routed',
        'returned',
        'district_queue',
        'accepted',
        'in_mediation',
        'agreement_pending',
      ].includes(ctx.dispute.status)
    ) {
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, '调解结束后才能评价', {
        currentStatus: ctx.dispute.status,
      });
    }
    return this.db.transaction(async (tx) => {
      const row = await this.agreements.insertRating(tx, {
        disputeId: id,
        partyId: ctx.ownParties[0].id,
        rating: input.rating,
        comment: input.comment ?? null,
        source: 'party',
        recordedBy: actor.id,
        at: this.clock.now(),
      });
      if (!row)
        throw new DomainError(ErrorCode.CONFLICT, '您已评价过本案', {
          status: 'already_rated',
        });
      await this.audit.record(tx, actor, {
        action: 'case.rated',
        entityType: 'dispute',
        entityId: id,
        data: { rating: input.rating },
      });
      return row;
    });
  }

  /** Follow-up visit (回访) by staff, recording the party's satisfaction. */
  async followUp(actor: Actor, id: string, input: { version: number; rating: string; note?: string }) {
    if (!(SATISFACTION as readonly string[]).includes(input.rating))
      throw DomainError.validation('回访满意度须为 满意、基本满意 或 不满意', { field: 'rating' });
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      await this.agreements.insertFollowUp(tx, {
        disputeId: id,
        rating: input.rating,
        comment: input.note ?? null,
        source: 'follow_up',
        recordedBy: actor.id,
        at: this.clock.now(),
      });
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'follow_up',
        {
          version: input.version,
          reason: input.note ?? `回访：${input.rating}`,
          data: { rating: input.rating },
        },
        events,
      );
    });
  }
}
