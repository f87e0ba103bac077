import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimeEvent,
  Role,
  channels,
  type SessionMode,
} from '@tiaojie/core';
import { Executor, schema } from '@tiaojie/db';
import { AuditService, type AuditEntry } from '@tiaojie/audit';
import { MessageService, RoomRepository } from '@tiaojie/rooms';
import { availableActions, isAllowed, transitionFor } from './case-lifecycle';
import { CASE_STATUSES, CaseStatus, Relation, TransitionDef } from './case-states';
import { CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseNoticePolicy } from './case-notice.policy';
import { CaseDeadlineService } from '@tiaojie/deadlines';

export interface FireOptions {
  /** The version the caller read; required for human actors (optimistic concurrency). */
  version?: number;
  reason?: string | null;
  data?: Record<string, unknown>;
  patch?: Partial<typeof schema.disputes.$inferInsert>;
}

/** What a case's lifecycle check needs of it. */
export interface CaseState {
  dispute: Pick<DisputeRow, 'id' | 'status' | 'version'>;
  relations: ReadonlySet<Relation>;
}

/** A checked transition, before it is written: the change to the dispute, its timeline row and its audit entry. */
export interface TransitionPlan {
  def: TransitionDef;
  to: CaseStatus;
  /** The version the dispute has before the change; it has `expected + 1` after. */
  expected: number;
  patch: Partial<typeof schema.disputes.$inferInsert> & { status: CaseStatus; updatedAt: Date };
  transition: typeof schema.caseTransitions.$inferInsert;
  audit: AuditEntry;
}

/** Applies one lifecycle transition inside a transaction: legality, permission, version check, timeline, audit, events. */
/** The room line for a mode switch says which mode the mediation is now in, not only that it changed. */
function switchModeLine(name: string, mode: string): string {
  return mode === 'caucus'
    ? `${name}已切换为背对背调解（与各方当事人分别单独沟通，联合调解室暂停发言）`
    : `${name}已恢复面对面调解（联合调解室恢复发言）`;
}

@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly rooms: RoomRepository,
    private readonly messages: MessageService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deadlines: CaseDeadlineService,
    private readonly notices: CaseNoticePolicy,
  ) {}

  /** Permission, then (given the version the caller read) staleness, then legality from the current state. */
  assertCan(actor: Actor, ctx: CaseState, action: string, version?: number): TransitionDef {
    const def = transitionFor(action);
    if (!def) throw DomainError.validation(`未知操作 ${action}`);
    if (version !== undefined && version !== ctx.dispute.version && isAllowed(def, actor.role, ctx.relations))
      throw this.conflict(ctx.dispute);
    const status = ctx.dispute.status as CaseStatus;
    if (!isAllowed(def, actor.role, ctx.relations)) {
      throw DomainError.forbidden(`无权执行“${def.label}”`);
    }
    if (!def.from.includes(status)) {
      throw new DomainError(
        ErrorCode.ILLEGAL_TRANSITION,
        `当前状态“${CASE_STATUSES[status].label}”下不能执行“${def.label}”`,
        {
          currentStatus: status,
          version: ctx.dispute.version,
          allowedActions: availableActions(status, actor.role, ctx.relations),
        },
      );
    }
    return def;
  }

  /** Checks a transition and works out what it writes, without writing it (`fire` writes it; intake writes it with the new case). */
  plan(actor: Actor, ctx: CaseState, action: string, opts: FireOptions): TransitionPlan {
    const def = this.assertCan(actor, ctx, action, opts.version);
    if (def.requiresReason && !opts.reason?.trim())
      throw DomainError.validation(`“${def.label}”须说明理由`, { field: 'reason' });
    const current = ctx.dispute;
    if (actor.role !== Role.System && opts.version === undefined)
      throw DomainError.validation('缺少版本号', { field: 'version' });
    const expected = opts.version ?? current.version;
    if (expected !== current.version) throw this.conflict(current);
    const now = this.clock.now();
    const to = (def.to ?? current.status) as CaseStatus;
    return {
      def,
      to,
      expected,
      patch: { ...opts.patch, status: to, updatedAt: now },
      transition: {
        disputeId: current.id,
        action,
        fromStatus: current.status,
        toStatus: to,
        actorId: actor.id,
        actorRole: actor.role,
        reason: opts.reason ?? null,
        data: opts.data ?? null,
        at: now,
      },
      audit: {
        action: `case.${action}`,
        entityType: 'dispute',
        entityId: current.id,
        data: { from: current.status, to, reason: opts.reason ?? null, version: expected + 1, ...opts.data },
      },
    };
  }

  async fire(
    tx: Executor,
    actor: Actor,
    ctx: CaseContext,
    action: string,
    opts: FireOptions,
    events: RealtimeEvent[],
  ): Promise<DisputeRow> {
    const plan = this.plan(actor, ctx, action, opts);
    const { def, to } = plan;
    const current = ctx.dispute;
    const updated = await this.cases.updateIfVersion(tx, current.id, plan.expected, plan.patch);
    if (!updated) {
      const fresh = await this.cases.byId(tx, current.id);
      throw this.conflict(fresh ?? current);
    }
    await this.cases.insertTransition(tx, plan.transition);
    await this.audit.record(tx, actor, plan.audit);
    const joint = (await this.rooms.forDispute(tx, current.id)).filter(
      (r) => r.kind === 'joint' || r.kind === 'staff',
    );
    for (const room of joint) {
      const text =
        action === 'switch_mode'
          ? switchModeLine(actor.name, updated.sessionMode)
          : def.to && def.to !== current.status
            ? `${actor.name}：${def.label}，案件状态变为“${CASE_STATUSES[to].label}”`
            : `${actor.name}：${def.label}`;
      const m = await this.messages.appendSystem(tx, room.id, text);
      events.push({ channel: channels.room(room.id), event: 'message:new', payload: m });
    }
    await this.deadlines.onCaseWritten(tx, current, updated);
    ctx.dispute = updated;
    announce(action, current, updated, events);
    await this.notices.onTransition(tx, actor, action, current, updated, ctx.parties, opts.data, events);
    return updated;
  }

  private conflict(current: Pick<DisputeRow, 'status' | 'version'>): DomainError {
    return new DomainError(ErrorCode.VERSION_CONFLICT, '案件已被他人更新，请刷新后重试', {
      currentStatus: current.status,
      version: current.version,
    });
  }
}

/** The events of a transition: the case's own channel, and the queues of the body it is in and the body it left (`created`: a case created just now, with no rooms). */
export function announce(
  action: string,
  before: Pick<DisputeRow, 'bodyId'>,
  updated: DisputeRow,
  events: RealtimeEvent[],
  opts: { created?: boolean } = {},
): void {
  const payload = {
    id: updated.id,
    number: updated.number,
    status: updated.status,
    statusLabel: CASE_STATUSES[updated.status as CaseStatus].label,
    version: updated.version,
    action,
    sessionMode: updated.sessionMode as SessionMode,
  };
  events.push({
    channel: channels.case(updated.id),
    event: 'case:updated',
    payload,
    ...(opts.created ? { accessUnchanged: true } : {}),
  });
  events.push(caseChanged(updated, action));
  if (updated.bodyId) events.push({ channel: channels.org(updated.bodyId), event: 'queue:updated', payload });
  if (before.bodyId && before.bodyId !== updated.bodyId)
    events.push({ channel: channels.org(before.bodyId), event: 'queue:updated', payload });
}

export const CASE_CHANGED = 'case:changed';

/**
 * "This case changed, refetch it": to the case's channel; the api's publisher addresses it to every audience that
 * lists the case (CaseAudienceService). No personal data: each screen refetches what its reader may see.
 */
export function caseChanged(
  d: Pick<DisputeRow, 'id' | 'number' | 'status' | 'version'>,
  action: string,
): RealtimeEvent {
  return {
    channel: channels.case(d.id),
    event: CASE_CHANGED,
    payload: {
      id: d.id,
      number: d.number,
      status: d.status,
      statusLabel: CASE_STATUSES[d.status as CaseStatus]?.label ?? d.status,
      version: d.version,
      action,
    },
  };
}
