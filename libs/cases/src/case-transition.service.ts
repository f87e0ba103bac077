import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimeEvent, Role } from '@tiaojie/core';
import { Executor, schema } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { MessageService, RoomRepository } from '@tiaojie/rooms';
import { CASE_STATUSES, CaseStatus, TransitionDef, availableActions, isAllowed, transitionFor } from './case-lifecycle';
import { CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseDeadlineService } from './case-deadline.service';

export interface FireOptions {
  /** The version the caller read; required for human actors (optimistic concurrency). */
  version?: number;
  reason?: string | null;
  data?: Record<string, unknown>;
  patch?: Partial<typeof schema.disputes.$inferInsert>;
  /** The case has no rooms yet (it was created in this transaction): no system messages to write, nothing to read. */
  noRooms?: boolean;
}

/** Applies one lifecycle transition inside a transaction: legality, permission, version check, timeline, audit, events. */
@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly rooms: RoomRepository,
    private readonly messages: MessageService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deadlines: CaseDeadlineService,
  ) {}

  /** Permission, then (given the version the caller read) staleness, then legality from the current state. */
  assertCan(actor: Actor, ctx: CaseContext, action: string, version?: number): TransitionDef {
    const def = transitionFor(action);
    if (!def) throw DomainError.validation(`未知操作 ${action} (unknown action)`);
    if (version !== undefined && version !== ctx.dispute.version && isAllowed(def, actor.role, ctx.relations)) throw this.conflict(ctx.dispute);
    const status = ctx.dispute.status as CaseStatus;
    if (!isAllowed(def, actor.role, ctx.relations)) {
      throw DomainError.forbidden(`无权执行“${def.label}” (not allowed to ${action} this case)`);
    }
    if (!def.from.includes(status)) {
      throw new DomainError(ErrorCode.ILLEGAL_TRANSITION, `当前状态“${CASE_STATUSES[status].label}”下不能执行“${def.label}” (cannot ${action} from ${status})`, {
        currentStatus: status, version: ctx.dispute.version, allowedActions: availableActions(status, actor.role, ctx.relations),
      });
    }
    return def;
  }

  async fire(tx: Executor, actor: Actor, ctx: CaseContext, action: string, opts: FireOptions, events: RealtimeEvent[]): Promise<DisputeRow> {
    const def = this.assertCan(actor, ctx, action, opts.version);
    if (def.requiresReason && !opts.reason?.trim()) throw DomainError.validation(`“${def.label}”须说明理由 (a reason is required)`, { field: 'reason' });
    const current = ctx.dispute;
    if (actor.role !== Role.System && opts.version === undefined) throw DomainError.validation('缺少版本号 (version is required)', { field: 'version' });
    const expected = opts.version ?? current.version;
    if (expected !== current.version) throw this.conflict(current);
    const now = this.clock.now();
    const to = (def.to ?? current.status) as CaseStatus;
    const updated = await this.cases.updateIfVersion(tx, current.id, expected, { ...opts.patch, status: to, updatedAt: now });
    if (!updated) {
      const fresh = await this.cases.byId(tx, current.id);
      throw this.conflict(fresh ?? current);
    }
    await this.cases.insertTransition(tx, {
      disputeId: current.id, action, fromStatus: current.status, toStatus: to, actorId: actor.id, actorRole: actor.role,
      reason: opts.reason ?? null, data: opts.data ?? null, at: now,
    });
    await this.audit.record(tx, actor, {
      action: `case.${action}`, entityType: 'dispute', entityId: current.id,
      data: { from: current.status, to, reason: opts.reason ?? null, version: updated.version, ...opts.data },
    });
    const joint = opts.noRooms ? [] : (await this.rooms.forDispute(tx, current.id)).filter((r) => r.kind === 'joint' || r.kind === 'staff');
    for (const room of joint) {
      const text = def.to && def.to !== current.status ? `${actor.name}：${def.label}，案件状态变为“${CASE_STATUSES[to].label}”` : `${actor.name}：${def.label}`;
      const m = await this.messages.appendSystem(tx, room.id, text);
      events.push({ channel: `room:${room.id}`, event: 'message:new', payload: m });
    }
    if (updated.dueAt && updated.dueAt.getTime() !== current.dueAt?.getTime()) await this.deadlines.schedule(tx, updated);
    ctx.dispute = updated;
    const payload = { id: updated.id, number: updated.number, status: updated.status, statusLabel: CASE_STATUSES[to].label, version: updated.version, action, sessionMode: updated.sessionMode };
    events.push({ channel: `case:${updated.id}`, event: 'case:updated', payload });
    if (updated.bodyId) events.push({ channel: `org:${updated.bodyId}`, event: 'queue:updated', payload });
    if (current.bodyId && current.bodyId !== updated.bodyId) events.push({ channel: `org:${current.bodyId}`, event: 'queue:updated', payload });
    return updated;
  }

  private conflict(current: DisputeRow): DomainError {
    return new DomainError(ErrorCode.VERSION_CONFLICT, '案件已被他人更新，请刷新后重试 (the case changed since you read it)', {
      currentStatus: current.status, version: current.version,
    });
  }
}
