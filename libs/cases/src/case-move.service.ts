import { Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@tiaojie/core';
import { OrgRepository } from '@tiaojie/org';
import { DispatchService } from '@tiaojie/dispatch';
import { dueKeptOnMove } from '@tiaojie/deadlines';
import { CaseTransactionRunner } from './case-transaction.runner';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService, FireOptions } from './case-transition.service';
import { CaseCreationService } from './case-creation.service';
import { RETURN_REASONS, ReturnReason, TransitionInput } from './case.types';

/** Commands that move a case to another body: manual routing, return, transfer, referral to the court. */
@Injectable()
export class CaseMoveService {
  constructor(
    private readonly runner: CaseTransactionRunner,
    private readonly cases: CaseRepository,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly creation: CaseCreationService,
    private readonly orgs: OrgRepository,
  ) {}

  /** District admin's manual override, with a reason; stored as a routing decision and audited. */
  async manualRoute(
    actor: Actor,
    id: string,
    input: TransitionInput & { bodyId: string },
  ): Promise<DisputeRow> {
    if (!input.reason?.trim()) throw DomainError.validation('人工分派须说明理由', { field: 'reason' });
    return this.runner.run(actor, id, async (tx, ctx, events) => {
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

  async returnCase(
    actor: Actor,
    id: string,
    input: TransitionInput & { reasonCode: string },
  ): Promise<DisputeRow> {
    if (!(input.reasonCode in RETURN_REASONS))
      throw DomainError.validation(`退回原因代码无效`, { field: 'reasonCode' });
    return this.runner.run(actor, id, async (tx, ctx, events) => {
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
      return this.creation.routeInTx(tx, returned, events);
    });
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
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      this.transitions.assertCan(actor, ctx, 'transfer');
      const from = ctx.dispute.bodyId;
      const former =
        from && !ctx.dispute.formerBodyIds.includes(from)
          ? [...ctx.dispute.formerBodyIds, from]
          : ctx.dispute.formerBodyIds;
      // what a case leaves behind in any transfer: its mediator, its acceptance, its session mode
      const leaving = {
        formerBodyIds: former,
        acceptedAt: null,
        dueAt: dueKeptOnMove(ctx.dispute),
        mediatorId: null,
        sessionMode: 'joint',
      };
      const fire = (data: Record<string, unknown>, patch: FireOptions['patch']) =>
        this.transitions.fire(
          tx,
          actor,
          ctx,
          'transfer',
          { version: input.version, reason: input.reason, data, patch },
          events,
        );
      if (!input.targetBodyId) {
        const moved = await fire(
          { fromBodyId: from, bodyId: from, reasonCode: 'OTHER', rerouted: true },
          leaving,
        );
        // the router treats this like a return: the current body is excluded
        return this.creation.routeInTx(tx, { ...moved, status: 'received' }, events);
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
      return fire({ fromBodyId: from, toBodyId: target.id, kind }, { ...leaving, bodyId: target.id, kind });
    });
  }

  /** 诉调对接: a failed people's mediation goes to the court with its mediation record. */
  async referToCourt(actor: Actor, id: string, input: TransitionInput): Promise<DisputeRow> {
    return this.runner.run(actor, id, async (tx, ctx, events) => {
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
}
