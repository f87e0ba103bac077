import { Injectable } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { Actor, Clock, DomainError, Role, STAFF_ROLES } from '@tiaojie/core';
import { Executor } from '@tiaojie/db';
import {
  type AdjustedDeadline,
  type AdjustmentKind,
  applyAdjustments,
  type DeadlineAdjustment,
  validateAdjustment,
} from './core/deadline-adjustments';
import { type DeadlinePolicies, DEFAULT_POLICIES } from './core/deadline-policy';
import { CalendarService } from './calendar.service';
import { DeadlineAdjustmentRepository, DeadlineAdjustmentRow } from './deadline-adjustment.repository';
import { toDomainError } from './deadline-rule.errors';

/** What the case needs to replay its time limit. */
export interface CaseClock {
  /** The instant the count started (acceptance, referral, agreement taking effect). */
  start: Date;
  /** Party ids of the case (checked against `consentBy` when every party must consent). */
  parties?: readonly string[];
  /** Per-case N when the regime has none (12345 orders). */
  days?: number;
  policies?: DeadlinePolicies;
}

export interface NewAdjustment {
  kind: AdjustmentKind;
  /** Extension days (in the regime's unit); ignored for pause and resume. */
  days?: number | null;
  reason?: string | null;
  consentBy?: readonly string[];
}

export interface RecordedAdjustment {
  adjustment: DeadlineAdjustmentRow;
  /** The time limit after the adjustment: set `dueAt` to `deadline.result.dueAt` (or clear it while paused). */
  deadline: AdjustedDeadline;
  /** Whom the reason must be told to (petitions: 'petitioner'), or null. */
  tellReasonTo: string | null;
}

const ADJUSTING_ROLES: readonly Role[] = [...STAFF_ROLES, Role.System];

function toEngine(row: DeadlineAdjustmentRow): DeadlineAdjustment {
  return {
    kind: row.kind as AdjustmentKind,
    days: row.days,
    reason: row.reason,
    consentBy: row.consentBy,
    at: row.at,
  };
}

/**
 * Extensions and pauses of a case's time limit (deadline_adjustments), checked by the deadline engine's
 * rules: 委派 needs the court's consent, 委托 every party's, a petition extension a reason told to the
 * petitioner; pauses need a reason. The case flow decides who may ask (role and relation to the case).
 */
@Injectable()
export class DeadlineAdjustmentService {
  constructor(
    private readonly repo: DeadlineAdjustmentRepository,
    private readonly calendars: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks one new adjustment against the history (no writes); throws DomainError with details.rule.
   * Pass the open transaction as `db` when inside one.
   */
  async validate(
    regime: string,
    existing: readonly DeadlineAdjustment[],
    next: DeadlineAdjustment,
    clock: CaseClock,
    db?: Executor,
  ): Promise<{ adjustment: DeadlineAdjustment; deadline: AdjustedDeadline }> {
    const calendar = await this.calendars.calendar(db);
    try {
      const out = validateAdjustment(regime, existing, next, {
        ...clock,
        calendar,
        policies: clock.policies ?? DEFAULT_POLICIES,
      });
      this.calendars.noteWarnings(out.deadline.result.warnings);
      return out;
    } catch (err) {
      throw toDomainError(err);
    }
  }

  history(db: Executor, disputeId: string, regime: string): Promise<DeadlineAdjustmentRow[]> {
    return this.repo.history(db, disputeId, regime);
  }

  /** The time limit of a case with its stored adjustments. */
  async current(
    db: Executor,
    disputeId: string,
    regime: string,
    clock: CaseClock,
  ): Promise<AdjustedDeadline> {
    const calendar = await this.calendars.calendar(db);
    const rows = await this.repo.history(db, disputeId, regime);
    try {
      return applyAdjustments(regime, rows.map(toEngine), {
        ...clock,
        calendar,
        policies: clock.policies ?? DEFAULT_POLICIES,
      });
    } catch (err) {
      throw toDomainError(err);
    }
  }

  /**
   * Validates and stores one adjustment inside the caller's transaction (the case transition's), audited,
   * serialised per dispute. The caller checks the actor's relation to the case and then updates the
   * case's dueAt and timers from the returned deadline.
   */
  async record(
    tx: Executor,
    actor: Actor,
    disputeId: string,
    regime: string,
    next: NewAdjustment,
    clock: CaseClock,
  ): Promise<RecordedAdjustment> {
    if (!ADJUSTING_ROLES.includes(actor.role)) throw DomainError.forbidden('当事人不能变更办理期限');
    if (next.kind === 'extension' && (typeof next.days !== 'number' || !Number.isInteger(next.days))) {
      throw DomainError.validation('延长天数须为整数', {
        field: 'days',
        rule: 'INVALID_EXTENSION_DAYS',
      });
    }
    await this.repo.lockDispute(tx, disputeId);
    const existing = (await this.repo.history(tx, disputeId, regime)).map(toEngine);
    const at = this.clock.now();
    const { adjustment, deadline } = await this.validate(regime, existing, { ...next, at }, clock, tx);
    const row = await this.repo.insert(tx, {
      disputeId,
      regime,
      kind: adjustment.kind,
      days: adjustment.days ?? null,
      reason: adjustment.reason ?? null,
      consentBy: [...(adjustment.consentBy ?? [])],
      actorId: actor.id,
      actorRole: actor.role,
      at,
    });
    const policy = (clock.policies ?? DEFAULT_POLICIES)[regime];
    const tellReasonTo = adjustment.kind === 'extension' ? (policy?.extension?.reasonToldTo ?? null) : null;
    await this.audit.record(tx, actor, {
      action: `deadline.${adjustment.kind}`,
      entityType: 'dispute',
      entityId: disputeId,
      data: {
        regime,
        adjustmentId: row.id,
        days: row.days,
        reason: row.reason,
        consentBy: row.consentBy,
        dueAt: deadline.result.dueAt.toISOString(),
        paused: deadline.paused,
        tellReasonTo,
      },
    });
    return { adjustment: row, deadline, tellReasonTo };
  }
}
