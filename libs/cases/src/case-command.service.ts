import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role } from '@tiaojie/core';
import { Executor } from '@tiaojie/db';
import { UserRepository } from '@tiaojie/auth';
import { DispatchService } from '@tiaojie/dispatch';
import { RoomRepository } from '@tiaojie/rooms';
import { CaseContext } from './case-access.service';
import { CaseTransactionRunner } from './case-transaction.runner';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService } from './case-transition.service';
import {
  type CaseRegime,
  type DeadlineExtension as Extension,
  caseDue,
  CaseDeadlineService,
} from '@tiaojie/deadlines';
import { TransitionInput } from './case.types';
import { assertConfirmationWindow } from './case-enforcement.service';
import { CaseSigningRepository } from './case-signing.repository';

/** Commands on a dispute in its body (moves to another body: CaseMoveService): versioned, audited, announced. */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly signing: CaseSigningRepository,
    private readonly runner: CaseTransactionRunner,
    private readonly cases: CaseRepository,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly deadlines: CaseDeadlineService,
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async accept(actor: Actor, id: string, input: TransitionInput): Promise<DisputeRow> {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
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

  async assignMediator(
    actor: Actor,
    id: string,
    input: TransitionInput & { mediatorId: string },
  ): Promise<DisputeRow> {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
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
    return this.runner.run(actor, id, (tx, ctx, events) =>
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

  /** Extends the mediation deadline within the regime's rules (court consent for 委派, every party's for 委托, a reason for petitions). */
  async extendDeadline(
    actor: Actor,
    id: string,
    input: TransitionInput & { days: number; consentBy?: string[] },
  ): Promise<DisputeRow> {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'extend_deadline');
      const regime = (ctx.dispute.deadlineRegime ?? 'peoples_mediation') as CaseRegime;
      const previous: Extension[] = (await this.cases.transitions(tx, id))
        .filter((t) => t.action === 'extend_deadline')
        .map((t) => (t.data as { extension: Extension }).extension);
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
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, action, input.version);
      if (action === 'start_mediation' && !ctx.dispute.mediatorId)
        throw DomainError.validation('请先指派调解员');
      if (action === 'request_confirmation')
        assertConfirmationWindow(
          (await this.signing.currentAgreement(tx, id))?.signedAt,
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

  /** A 12345 order's 办理时限 (working days), as registered with it. */
  private async replyDays(tx: Executor, id: string): Promise<number> {
    const receive = (await this.cases.transitions(tx, id)).find((t) => t.action === 'receive');
    const days = (receive?.data as { replyWorkingDays?: unknown } | null)?.replyWorkingDays;
    if (typeof days !== 'number')
      throw DomainError.validation('该 12345 工单未登记办理时限', { field: 'replyWorkingDays' });
    return days;
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
