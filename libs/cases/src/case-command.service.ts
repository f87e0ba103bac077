import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  Actor,
  Clock,
  DomainError,
  RealtimeEvent,
  RealtimePublisher,
  Role,
  SYSTEM_ACTOR,
} from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { AuthService, UserRepository } from '@tiaojie/auth';
import { OrgRepository } from '@tiaojie/org';
import { DispatchService } from '@tiaojie/dispatch';
import { RoomRepository } from '@tiaojie/rooms';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService } from './case-transition.service';
import { CaseIntakeService } from './case-intake.service';
import {
  type CaseRegime,
  type DeadlineExtension as Extension,
  caseDue,
  dueKeptOnMove,
  CaseDeadlineService,
} from '@tiaojie/deadlines';
import { RETURN_REASONS, ReturnReason, TransitionInput } from './case.types';
import { assertConfirmationWindow } from './case-enforcement.service';

/** Every command on a dispute: validated, authorised, versioned, audited, and announced after commit. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly intake: CaseIntakeService,
    private readonly deadlines: CaseDeadlineService,
    private readonly orgs: OrgRepository,
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  /** District admin's manual override, with a reason; stored as a routing decision and audited. */
  async manualRoute(
    actor: Actor,
    id: string,
    input: TransitionInput & { bodyId: string },
  ): Promise<DisputeRow> {
    if (!input.reason?.trim()) throw DomainError.validation('人工分派须说明理由', { field: 'reason' });
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'manual_route');
      await this.dispatch.recordManual(tx, actor, id, input.bodyId, input.reason!);
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'manual_route',
        {
          version: input.version,
          reason: input.reason,
          data: { bodyId: input.bodyId, previousBodyId: ctx.dispute.bodyId },
          patch: {
            bodyId: input.bodyId,
            mediatorId: null,
            acceptedAt: null,
            dueAt: dueKeptOnMove(ctx.dispute),
            routing: { why: `人工分派：${input.reason}`, manual: true, bodyId: input.bodyId },
          },
        },
        events,
      );
    });
  }

  async accept(actor: Actor, id: string, input: TransitionInput): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      const now = this.clock.now();
      // Court referrals and petitions keep the due date their regime set at intake; a 12345 order's N working days
      // start at sign-off; people's mediation starts its 30 days now.
      const order = ctx.dispute.deadlineRegime === 'work_order_reply';
      const dueAt =
        ctx.dispute.deadlineRegime && ctx.dispute.dueAt
          ? ctx.dispute.dueAt
          : order
            ? (
                await this.deadlines.dueAt(
                  'work_order_reply',
                  now,
                  { days: await this.replyDays(tx, id) },
                  tx,
                )
              ).dueAt
            : (await this.deadlines.dueAt('peoples_mediation', now, undefined, tx)).dueAt;
      const updated = await this.transitions.fire(
        tx,
        actor,
        ctx,
        'accept',
        {
          version: input.version,
          reason: input.reason,
          patch: {
            acceptedAt: now,
            dueAt,
            deadlineRegime: ctx.dispute.deadlineRegime ?? 'peoples_mediation',
            mediatorId: [Role.Mediator, Role.Judge, Role.Official].includes(actor.role) ? actor.id : null,
          },
        },
        events,
      );
      await this.ensureRooms(tx, updated.id, ctx);
      return updated;
    });
  }

  async returnCase(
    actor: Actor,
    id: string,
    input: TransitionInput & { reasonCode: string },
  ): Promise<DisputeRow> {
    if (!(input.reasonCode in RETURN_REASONS))
      throw DomainError.validation(`退回原因代码无效`, { field: 'reasonCode' });
    return this.run(actor, id, async (tx, ctx, events) => {
      const label = RETURN_REASONS[input.reasonCode as ReturnReason];
      const returned = await this.transitions.fire(
        tx,
        actor,
        ctx,
        'return',
        {
          version: input.version,
          reason: `${label}${input.reason ? `：${input.reason}` : ''}`,
          data: { reasonCode: input.reasonCode, bodyId: ctx.dispute.bodyId },
          patch: { acceptedAt: null, dueAt: dueKeptOnMove(ctx.dispute), mediatorId: null },
        },
        events,
      );
      return this.intake.routeInTx(tx, returned, events);
    });
  }

  async assignMediator(
    actor: Actor,
    id: string,
    input: TransitionInput & { mediatorId: string },
  ): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      const m = await this.users.byId(tx, input.mediatorId);
      if (!m || m.role !== Role.Mediator || m.orgId !== ctx.dispute.bodyId || !m.active) {
        throw DomainError.validation('调解员不属于承办组织或已停用', { field: 'mediatorId' });
      }
      if (actor.role === Role.Mediator && input.mediatorId !== actor.id)
        throw DomainError.forbidden('调解员只能指派自己');
      await this.dispatch.assertNoConflict(tx, ctx.dispute, ctx.parties, m.id);
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'assign_mediator',
        {
          version: input.version,
          reason: input.reason,
          data: { mediatorId: m.id, mediatorName: m.displayName },
          patch: { mediatorId: m.id },
        },
        events,
      );
    });
  }

  async switchMode(
    actor: Actor,
    id: string,
    input: TransitionInput & { mode: 'joint' | 'caucus' },
  ): Promise<DisputeRow> {
    return this.run(actor, id, (tx, ctx, events) =>
      this.transitions.fire(
        tx,
        actor,
        ctx,
        'switch_mode',
        {
          version: input.version,
          data: { mode: input.mode },
          reason: input.mode === 'joint' ? '切换为面对面调解' : '切换为背对背调解',
          patch: { sessionMode: input.mode },
        },
        events,
      ),
    );
  }

  /**
   * Transfer to another body (and kind), keeping one dispute identity. Without a target the router re-routes,
   * excluding the current body. The former body keeps a masked summary only.
   */
  async transfer(
    actor: Actor,
    id: string,
    input: TransitionInput & { targetBodyId?: string; kind?: 'peoples' | 'administrative' | 'judicial' },
  ): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'transfer');
      const from = ctx.dispute.bodyId;
      const former =
        from && !ctx.dispute.formerBodyIds.includes(from)
          ? [...ctx.dispute.formerBodyIds, from]
          : ctx.dispute.formerBodyIds;
      if (!input.targetBodyId) {
        const moved = await this.transitions.fire(
          tx,
          actor,
          ctx,
          'transfer',
          {
            version: input.version,
            reason: input.reason,
            data: { fromBodyId: from, bodyId: from, reasonCode: 'OTHER', rerouted: true },
            patch: {
              formerBodyIds: former,
              acceptedAt: null,
              dueAt: dueKeptOnMove(ctx.dispute),
              mediatorId: null,
              sessionMode: 'joint',
            },
          },
          events,
        );
        // the router treats this like a return: the current body is excluded
        return this.intake.routeInTx(tx, { ...moved, status: 'received' }, events);
      }
      const target = await this.orgs.byId(tx, input.targetBodyId);
      if (!target || !target.active || ['district', 'hotline', 'grid'].includes(target.kind))
        throw DomainError.validation('移交目标须为在册的调解组织、行政机关或法院', {
          field: 'targetBodyId',
        });
      if (target.id === from)
        throw DomainError.validation('不能移交给当前承办组织', {
          field: 'targetBodyId',
        });
      const kind =
        input.kind ??
        (target.kind === 'judicial'
          ? 'judicial'
          : target.kind === 'administrative'
            ? 'administrative'
            : ctx.dispute.kind);
      await this.dispatch.recordManual(tx, actor, id, target.id, `移交：${input.reason}`);
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'transfer',
        {
          version: input.version,
          reason: input.reason,
          data: { fromBodyId: from, toBodyId: target.id, kind },
          patch: {
            bodyId: target.id,
            kind,
            formerBodyIds: former,
            acceptedAt: null,
            mediatorId: null,
            sessionMode: 'joint',
            dueAt: dueKeptOnMove(ctx.dispute),
          },
        },
        events,
      );
    });
  }

  /** 诉调对接: a failed people's mediation goes to the court with its mediation record. */
  async referToCourt(actor: Actor, id: string, input: TransitionInput): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'refer_to_court');
      const court = (await this.orgs.listActive(tx)).find((o) => o.kind === 'judicial');
      if (!court) throw DomainError.validation('辖区内没有在册的人民法院');
      const timeline = await this.cases.transitions(tx, id);
      const record = timeline.map((t) => ({
        at: t.at.toISOString(),
        action: t.action,
        status: t.toStatus,
        reason: t.reason,
      }));
      const from = ctx.dispute.bodyId;
      await this.dispatch.recordManual(tx, actor, id, court.id, `诉调对接：${input.reason}`);
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'refer_to_court',
        {
          version: input.version,
          reason: input.reason,
          data: {
            fromBodyId: from,
            toBodyId: court.id,
            mediationRecord: record,
            outcome: ctx.dispute.outcome,
          },
          patch: {
            bodyId: court.id,
            kind: 'judicial',
            formerBodyIds: from ? [...ctx.dispute.formerBodyIds, from] : ctx.dispute.formerBodyIds,
            mediatorId: null,
            acceptedAt: null,
            dueAt: null,
            sessionMode: 'joint',
          },
        },
        events,
      );
    });
  }

  /** Extends the mediation deadline within the regime's rules (court consent for 委派, every party's for 委托, a reason for petitions). */
  async extendDeadline(
    actor: Actor,
    id: string,
    input: TransitionInput & { days: number; consentBy?: string[] },
  ): Promise<DisputeRow> {
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'extend_deadline');
      const regime = (ctx.dispute.deadlineRegime ?? 'peoples_mediation') as CaseRegime;
      const previous: Extension[] = (await this.cases.transitions(tx, id))
        .filter((t) => t.action === 'extend_deadline')
        .map((t) => (t.data as any).extension);
      const extension: Extension = {
        days: input.days,
        consentBy: input.consentBy ?? [],
        reason: input.reason,
      };
      const referral = await this.cases.referral(tx, id);
      const start = referral
        ? new Date(`${referral.referredOn}T00:00:00+08:00`)
        : regime === 'petition'
          ? ctx.dispute.createdAt
          : (ctx.dispute.acceptedAt ?? this.clock.now());
      let dueAt: Date;
      try {
        dueAt = caseDue(
          regime,
          start,
          [...previous, extension],
          ctx.parties.map((p) => p.id),
          regime === 'work_order_reply' ? await this.replyDays(tx, id) : undefined,
        );
      } catch (err) {
        const e = err as { code?: string; message?: string };
        if (e.code)
          throw DomainError.validation('期限规则不允许此次延长', { rule: e.code, problem: e.message });
        throw err;
      }
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'extend_deadline',
        {
          version: input.version,
          reason: input.reason,
          data: {
            extension,
            previousDueAt: ctx.dispute.dueAt?.toISOString() ?? null,
            dueAt: dueAt.toISOString(),
          },
          patch: { dueAt },
        },
        events,
      );
    });
  }

  /** Simple transitions with only a version and maybe a reason. */
  async fire(actor: Actor, id: string, action: string, input: TransitionInput): Promise<DisputeRow> {
    const simple = [
      'start_mediation',
      'record_failure',
      'withdraw',
      'terminate',
      'close',
      'reopen',
      'request_confirmation',
      'confirm',
      'reject_confirmation',
      'start_performance',
      'record_performed',
      'record_breach',
      'receive_enforcement',
    ];
    if (!simple.includes(action)) throw DomainError.validation(`该操作需使用专门接口`);
    return this.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, action, input.version);
      if (action === 'start_mediation' && !ctx.dispute.mediatorId)
        throw DomainError.validation('请先指派调解员');
      if (action === 'request_confirmation')
        assertConfirmationWindow(
          (await this.cases.currentAgreement(tx, id))?.signedAt,
          this.clock.now(),
          ctx.dispute.status,
        );
      const outcome = (
        { record_failure: 'no_agreement', withdraw: 'withdrawn', terminate: 'terminated' } as Record<
          string,
          string
        >
      )[action];
      const patch = {
        ...(outcome ? { outcome } : {}),
        ...(action === 'close' ? { closedAt: this.clock.now() } : {}),
        ...(action === 'reopen' ? { closedAt: null, outcome: null } : {}),
      };
      // reopening starts the mediation clock again; another regime's period keeps its date
      const regime = ctx.dispute.deadlineRegime;
      if (action === 'reopen' && (!regime || regime === 'peoples_mediation')) {
        const now = this.clock.now();
        const due = await this.deadlines.dueAt('peoples_mediation', now, undefined, tx);
        Object.assign(patch, { dueAt: due.dueAt, deadlineRegime: 'peoples_mediation', acceptedAt: now });
      }
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        action,
        { version: input.version, reason: input.reason, patch },
        events,
      );
    });
  }

  async draftAgreement(
    actor: Actor,
    id: string,
    input: TransitionInput & { terms: string[]; performanceDueOn?: string },
  ): Promise<DisputeRow> {
    const terms = input.terms.map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0) throw DomainError.validation('协议条款不能为空', { field: 'terms' });
    return this.run(actor, id, async (tx, ctx, events) => {
      await this.cases.supersedeAgreements(tx, id);
      const contentHash = createHash('sha256')
        .update(
          JSON.stringify({
            number: ctx.dispute.number,
            parties: ctx.parties.map((p) => [p.id, p.name, p.role]),
            terms,
            performanceDueOn: input.performanceDueOn ?? null,
          }),
        )
        .digest('hex');
      const agreement = await this.cases.insertAgreement(tx, {
        disputeId: id,
        terms,
        performanceDueOn: input.performanceDueOn ?? null,
        contentHash,
        draftedBy: actor.id!,
        createdAt: this.clock.now(),
      });
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'draft_agreement',
        {
          version: input.version,
          data: { agreementId: agreement.id, contentHash },
          patch: { outcome: null },
        },
        events,
      );
    });
  }

  /** Sends the signing party a one-time code to re-confirm identity before signing. */
  async requestSignCode(actor: Actor, id: string): Promise<{ sent: true }> {
    const ctx = await this.access.load(actor, id);
    this.transitions.assertCan(actor, ctx, 'sign');
    const phone = await this.cases.userPhone(this.db.db, actor.id!);
    if (!phone) throw DomainError.validation('账号未绑定手机号');
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
      if (!agreement || agreement.status !== 'signing') throw DomainError.validation('没有待签署的协议');
      for (const party of ctx.ownParties) {
        await this.cases.insertSignature(tx, {
          agreementId: agreement.id,
          partyId: party.id,
          userId: actor.id!,
          method: 'sms_code',
          ip: actor.ip ?? null,
          signedAt: this.clock.now(),
        });
      }
      let updated = await this.transitions.fire(
        tx,
        actor,
        ctx,
        'sign',
        {
          version: input.version,
          data: {
            agreementId: agreement.id,
            contentHash: agreement.contentHash,
            parties: ctx.ownParties.map((p) => p.id),
          },
        },
        events,
      );
      const signed = new Set((await this.cases.signatures(tx, agreement.id)).map((s) => s.partyId));
      if (ctx.parties.every((p) => signed.has(p.id))) {
        await this.cases.markAgreementSigned(tx, agreement.id, this.clock.now());
        updated = await this.transitions.fire(
          tx,
          SYSTEM_ACTOR,
          { ...ctx, dispute: updated },
          'agreement_signed',
          {
            reason: '各方当事人均已签名，调解协议生效',
            data: { agreementId: agreement.id, contentHash: agreement.contentHash },
            patch: { outcome: 'agreement' },
          },
          events,
        );
      }
      return updated;
    });
  }

  /** A 12345 order's 办理时限 (working days), as registered with it. */
  private async replyDays(tx: Executor, id: string): Promise<number> {
    const receive = (await this.cases.transitions(tx, id)).find((t) => t.action === 'receive');
    const days = (receive?.data as { replyWorkingDays?: unknown } | null)?.replyWorkingDays;
    if (typeof days !== 'number')
      throw DomainError.validation('该 12345 工单未登记办理时限', { field: 'replyWorkingDays' });
    return days;
  }

  private async run(
    actor: Actor,
    id: string,
    fn: (tx: Executor, ctx: CaseContext, events: RealtimeEvent[]) => Promise<DisputeRow>,
  ): Promise<DisputeRow> {
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
      ...ctx.parties.map((p) => ({
        disputeId,
        kind: 'caucus',
        partyId: p.id,
        title: `背对背调解室 · ${p.name}`,
      })),
      { disputeId, kind: 'staff', title: '工作人员室' },
    ]);
  }
}
