import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Actor, Clock, DomainError, RealtimeEvent, RealtimePublisher, Role, SYSTEM_ACTOR, isMobilePhone, isValidChineseId, shanghaiYear } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { AuthService, UserRepository } from '@tiaojie/auth';
import { OrgRepository, CATEGORY_CODES } from '@tiaojie/org';
import { DispatchService } from '@tiaojie/dispatch';
import { RoutingDecision } from '@tiaojie/routing';
import { RoomRepository } from '@tiaojie/rooms';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService } from './case-transition.service';
import { ApplyInput, RETURN_REASONS, ReturnReason, TransitionInput } from './case.types';
import { mediationDueAt } from './case-deadline';

/** What staff see of a routing decision: the sentence, the escalation, the ranked candidates. */
export function routingSummary(d: RoutingDecision) {
  return {
    why: d.explanation.summary.zh, whyEn: d.explanation.summary.en, outcome: d.outcome, bodyId: d.bodyId,
    queueReason: d.queueReason?.code ?? null, escalation: d.escalation ?? null, returnsCount: d.returnsCount,
    rulesMatched: d.explanation.rules.filter((r) => r.matched).map((r) => r.ruleId),
    candidates: d.explanation.candidates.slice(0, 8),
  };
}

/** Every command on a dispute: validated, authorised, versioned, audited, and announced after commit. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly orgs: OrgRepository,
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  /** A party's online application: creates the dispute, its parties, and routes it, in one transaction. */
  async apply(actor: Actor, input: ApplyInput): Promise<DisputeRow> {
    if (actor.role !== Role.Party) throw DomainError.forbidden('只有当事人可以在线申请调解 (only parties apply online)');
    const phone = await this.cases.userPhone(this.db.db, actor.id!);
    await this.validateApplication(input);
    const events: RealtimeEvent[] = [];
    const dispute = await this.db.transaction(async (tx) => {
      const now = this.clock.now();
      const number = await this.cases.nextNumber(tx, shanghaiYear(now));
      const d = await this.cases.insert(tx, {
        number, category: input.category, kind: 'peoples', channel: 'online', title: input.title?.trim() || `${input.applicant.name}与${input.respondents[0].name}纠纷`,
        description: input.description, streetCode: input.streetCode, communityCode: input.communityCode ?? null, address: input.address ?? null,
        claimAmount: input.claimAmount !== undefined ? String(input.claimAmount) : null, peopleInvolved: input.peopleInvolved ?? 1 + input.respondents.length,
        status: 'received', createdBy: actor.id, createdAt: now, updatedAt: now,
      });
      const respondentUsers = await Promise.all(input.respondents.map((r) => (r.phone ? this.users.byPhone(tx, r.phone) : null)));
      await this.cases.insertParties(tx, [
        { disputeId: d.id, role: 'applicant', partyType: input.applicant.partyType ?? 'person', name: input.applicant.name, phone, idNumber: input.applicant.idNumber ?? null, userId: actor.id, createdAt: now },
        ...input.respondents.map((r, i) => ({
          disputeId: d.id, role: 'respondent', partyType: r.partyType ?? 'person', name: r.name, phone: r.phone ?? null, idNumber: r.idNumber ?? null,
          userId: respondentUsers[i]?.role === Role.Party ? respondentUsers[i]!.id : null, createdAt: new Date(now.getTime() + 1 + i),
        })),
      ]);
      await this.cases.insertTransition(tx, { disputeId: d.id, action: 'receive', fromStatus: null, toStatus: 'received', actorId: actor.id, actorRole: actor.role, reason: null, at: now, data: { channel: 'online' } });
      await this.audit.record(tx, actor, { action: 'case.receive', entityType: 'dispute', entityId: d.id, data: { number, channel: 'online', category: input.category } });
      return this.routeInTx(tx, d, events);
    });
    this.publisher.publish(events);
    return dispute;
  }

  /** Routes a received or returned case through the rule engine; no candidate (or too many returns) → district queue. */
  async routeInTx(tx: Executor, dispute: DisputeRow, events: RealtimeEvent[]): Promise<DisputeRow> {
    const parties = await this.cases.parties(tx, dispute.id);
    const ctx: CaseContext = { dispute, parties, relations: new Set(['any' as const]), ownParties: [] };
    const decision = await this.dispatch.decide(tx, dispute, parties);
    const routing = routingSummary(decision);
    if (decision.outcome !== 'assigned' || !decision.bodyId) {
      return this.transitions.fire(tx, SYSTEM_ACTOR, ctx, 'send_to_district', { reason: routing.why, data: { queueReason: decision.queueReason?.code ?? null }, patch: { routing, bodyId: null, mediatorId: null } }, events);
    }
    return this.transitions.fire(tx, SYSTEM_ACTOR, ctx, 'route', {
      reason: routing.why, data: { bodyId: decision.bodyId, escalation: decision.escalation?.to ?? null }, patch: { bodyId: decision.bodyId, mediatorId: null, routing },
    }, events);
  }

  /** District admin's manual override, with a reason; stored as a routing decision and audited. */
  async manualRoute(actor: Actor, id: string, input: TransitionInput & { bodyId: string }): Promise<DisputeRow> {
    if (!input.reason?.trim()) throw DomainError.validation('人工分派须说明理由 (a reason is required)', { field: 'reason' });
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'manual_route');
      await this.dispatch.recordManual(tx, actor, id, input.bodyId, input.reason!);
      return this.transitions.fire(tx, actor, ctx, 'manual_route', {
        version: input.version, reason: input.reason, data: { bodyId: input.bodyId, previousBodyId: ctx.dispute.bodyId },
        patch: { bodyId: input.bodyId, mediatorId: null, acceptedAt: null, dueAt: null, routing: { why: `人工分派：${input.reason}`, manual: true, bodyId: input.bodyId } },
      }, events);
    });
  }

  async accept(actor: Actor, id: string, input: TransitionInput): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      const now = this.clock.now();
      const updated = await this.transitions.fire(tx, actor, ctx, 'accept', {
        version: input.version, reason: input.reason, patch: { acceptedAt: now, dueAt: mediationDueAt(now), mediatorId: actor.role === Role.Mediator ? actor.id : null },
      }, events);
      await this.ensureRooms(tx, updated.id, ctx);
      return updated;
    });
  }

  async returnCase(actor: Actor, id: string, input: TransitionInput & { reasonCode: string }): Promise<DisputeRow> {
    if (!(input.reasonCode in RETURN_REASONS)) throw DomainError.validation(`退回原因代码无效 (unknown reasonCode; one of ${Object.keys(RETURN_REASONS).join(', ')})`, { field: 'reasonCode' });
    return this.run(actor, id, async (tx, ctx, events) => {
      const label = RETURN_REASONS[input.reasonCode as ReturnReason];
      const returned = await this.transitions.fire(tx, actor, ctx, 'return', {
        version: input.version, reason: `${label}${input.reason ? `：${input.reason}` : ''}`, data: { reasonCode: input.reasonCode, bodyId: ctx.dispute.bodyId },
        patch: { acceptedAt: null, dueAt: null, mediatorId: null },
      }, events);
      return this.routeInTx(tx, returned, events);
    });
  }

  async assignMediator(actor: Actor, id: string, input: TransitionInput & { mediatorId: string }): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      const m = await this.users.byId(tx, input.mediatorId);
      if (!m || m.role !== Role.Mediator || m.orgId !== ctx.dispute.bodyId || !m.active) {
        throw DomainError.validation('调解员不属于承办组织或已停用 (mediator must be an active member of the handling body)', { field: 'mediatorId' });
      }
      if (actor.role === Role.Mediator && input.mediatorId !== actor.id) throw DomainError.forbidden('调解员只能指派自己 (a mediator may only assign themself)');
      await this.dispatch.assertNoConflict(tx, ctx.dispute, ctx.parties, m.id);
      return this.transitions.fire(tx, actor, ctx, 'assign_mediator', { version: input.version, reason: input.reason, data: { mediatorId: m.id, mediatorName: m.displayName }, patch: { mediatorId: m.id } }, events);
    });
  }

  async switchMode(actor: Actor, id: string, input: TransitionInput & { mode: 'joint' | 'caucus' }): Promise<DisputeRow> {
    return this.run(actor, id, (tx, ctx, events) =>
      this.transitions.fire(tx, actor, ctx, 'switch_mode', { version: input.version, data: { mode: input.mode }, reason: input.mode === 'joint' ? '切换为面对面调解' : '切换为背对背调解', patch: { sessionMode: input.mode } }, events));
  }

  /** Simple transitions with only a version and maybe a reason. */
  async fire(actor: Actor, id: string, action: string, input: TransitionInput): Promise<DisputeRow> {
    const simple = ['start_mediation', 'record_failure', 'withdraw', 'terminate', 'close', 'reopen', 'request_confirmation', 'confirm', 'reject_confirmation', 'start_performance', 'record_performed', 'record_breach'];
    if (!simple.includes(action)) throw DomainError.validation(`该操作需使用专门接口 (use the dedicated endpoint for ${action})`);
    return this.run(actor, id, async (tx, ctx, events) => {
      if (action === 'start_mediation' && !ctx.dispute.mediatorId) throw DomainError.validation('请先指派调解员 (assign a mediator first)');
      const outcome = ({ record_failure: 'no_agreement', withdraw: 'withdrawn', terminate: 'terminated' } as Record<string, string>)[action];
      const patch = { ...(outcome ? { outcome } : {}), ...(action === 'close' ? { closedAt: this.clock.now() } : {}), ...(action === 'reopen' ? { closedAt: null, outcome: null } : {}) };
      return this.transitions.fire(tx, actor, ctx, action, { version: input.version, reason: input.reason, patch }, events);
    });
  }

  async draftAgreement(actor: Actor, id: string, input: TransitionInput & { terms: string[]; performanceDueOn?: string }): Promise<DisputeRow> {
    const terms = input.terms.map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0) throw DomainError.validation('协议条款不能为空 (terms are required)', { field: 'terms' });
    return this.run(actor, id, async (tx, ctx, events) => {
      await this.cases.supersedeAgreements(tx, id);
      const contentHash = createHash('sha256').update(JSON.stringify({ number: ctx.dispute.number, parties: ctx.parties.map((p) => [p.id, p.name, p.role]), terms, performanceDueOn: input.performanceDueOn ?? null })).digest('hex');
      const agreement = await this.cases.insertAgreement(tx, { disputeId: id, terms, performanceDueOn: input.performanceDueOn ?? null, contentHash, draftedBy: actor.id!, createdAt: this.clock.now() });
      return this.transitions.fire(tx, actor, ctx, 'draft_agreement', { version: input.version, data: { agreementId: agreement.id, contentHash }, patch: { outcome: null } }, events);
    });
  }

  /** Sends the signing party a one-time code to re-confirm identity before signing. */
  async requestSignCode(actor: Actor, id: string): Promise<{ sent: true }> {
    const ctx = await this.access.load(actor, id);
    this.transitions.assertCan(actor, ctx, 'sign');
    const phone = await this.cases.userPhone(this.db.db, actor.id!);
    if (!phone) throw DomainError.validation('账号未绑定手机号 (no phone on the account)');
    await this.auth.requestCode(phone, 'sign');
    return { sent: true };
  }

  async sign(actor: Actor, id: string, input: { version: number; code: string }): Promise<DisputeRow> {
    const phone = await this.cases.userPhone(this.db.db, actor.id!);
    const pre = await this.access.load(actor, id);
    this.transitions.assertCan(actor, pre, 'sign');
    await this.auth.verifyCode(phone ?? '', input.code, 'sign');
    return this.run(actor, id, async (tx, ctx, events) => {
      const agreement = await this.cases.currentAgreement(tx, id);
      if (!agreement || agreement.status !== 'signing') throw DomainError.validation('没有待签署的协议 (no agreement awaiting signature)');
      for (const party of ctx.ownParties) {
        await this.cases.insertSignature(tx, { agreementId: agreement.id, partyId: party.id, userId: actor.id!, method: 'sms_code', ip: actor.ip ?? null, signedAt: this.clock.now() });
      }
      let updated = await this.transitions.fire(tx, actor, ctx, 'sign', { version: input.version, data: { agreementId: agreement.id, contentHash: agreement.contentHash, parties: ctx.ownParties.map((p) => p.id) } }, events);
      const signed = new Set((await this.cases.signatures(tx, agreement.id)).map((s) => s.partyId));
      if (ctx.parties.every((p) => signed.has(p.id))) {
        await this.cases.markAgreementSigned(tx, agreement.id, this.clock.now());
        updated = await this.transitions.fire(tx, SYSTEM_ACTOR, { ...ctx, dispute: updated }, 'agreement_signed', {
          reason: '各方当事人均已签名，调解协议生效', data: { agreementId: agreement.id, contentHash: agreement.contentHash }, patch: { outcome: 'agreement' },
        }, events);
      }
      return updated;
    });
  }

  private async run(actor: Actor, id: string, fn: (tx: Executor, ctx: CaseContext, events: RealtimeEvent[]) => Promise<DisputeRow>): Promise<DisputeRow> {
    const events: RealtimeEvent[] = [];
    const result = await this.db.transaction(async (tx) => {
      const ctx = await this.access.load(actor, id, tx);
      return fn(tx, ctx, events);
    });
    this.publisher.publish(events);
    return result;
  }

  private async ensureRooms(tx: Executor, disputeId: string, ctx: CaseContext): Promise<void> {
    if ((await this.rooms.forDispute(tx, disputeId)).length > 0) return;
    await this.rooms.insertRooms(tx, [
      { disputeId, kind: 'joint', title: '联合调解室（面对面）' },
      ...ctx.parties.map((p) => ({ disputeId, kind: 'caucus', partyId: p.id, title: `背对背调解室 · ${p.name}` })),
      { disputeId, kind: 'staff', title: '工作人员室' },
    ]);
  }

  private async validateApplication(input: ApplyInput): Promise<void> {
    if (!(CATEGORY_CODES as string[]).includes(input.category)) throw DomainError.validation(`纠纷类别无效 (unknown category; one of ${CATEGORY_CODES.join(', ')})`, { field: 'category' });
    if (!(await this.orgs.street(this.db.db, input.streetCode))) throw DomainError.validation('所属街道无效 (unknown streetCode)', { field: 'streetCode' });
    if (input.communityCode && !(await this.orgs.community(this.db.db, input.communityCode, input.streetCode))) throw DomainError.validation('所属社区无效 (unknown communityCode for the street)', { field: 'communityCode' });
    for (const p of [input.applicant, ...input.respondents]) {
      if (p.idNumber && !isValidChineseId(p.idNumber)) throw DomainError.validation(`身份证号码校验失败：${p.name} (invalid ID number)`, { field: 'idNumber' });
      if (p.phone && !isMobilePhone(p.phone)) throw DomainError.validation(`手机号格式不正确：${p.name} (invalid phone)`, { field: 'phone' });
    }
  }
}
