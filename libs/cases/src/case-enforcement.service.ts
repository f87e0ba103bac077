import { Injectable } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimeEvent,
  RealtimePublisher,
  channels,
} from '@tiaojie/core';
import { formatShanghai } from '@tiaojie/business-time';
import { DbService, Executor } from '@tiaojie/db';
import { OrgRepository } from '@tiaojie/org';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService } from './case-transition.service';
import { CASE_STATUSES, type CaseStatus } from './case-states';
import { confirmationDueAt } from '@tiaojie/deadlines';

/**
 * Judicial confirmation may be applied for within 30 days after the agreement took effect (人民调解法 art. 33),
 * from an agreement or a breached one alike; afterwards only a lawsuit remains.
 */
export function assertConfirmationWindow(signedAt: Date | null | undefined, now: Date, status: string): void {
  if (!signedAt)
    throw DomainError.validation('调解协议尚未生效，不能申请司法确认', { currentStatus: status });
  const due = confirmationDueAt(signedAt);
  if (now.getTime() > due.getTime())
    throw new DomainError(
      ErrorCode.CONFIRMATION_WINDOW_CLOSED,
      `已超过司法确认申请期限（调解协议生效后 30 日内，至 ${formatShanghai(due, false)}）；可就协议履行向人民法院提起诉讼`,
      { dueAt: due.toISOString(), currentStatus: status },
    );
}

/**
 * 申请强制执行: a party (or the mediator for them) applies to enforce a judicially confirmed agreement that was not
 * performed; the application is recorded on the case (who, when, which court, note), handed to the court with
 * jurisdiction, and that court records its receipt (`receive_enforcement`).
 */
@Injectable()
export class CaseEnforcementService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly transitions: CaseTransitionService,
    private readonly orgs: OrgRepository,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  async apply(actor: Actor, id: string, input: { version: number; note?: string }): Promise<DisputeRow> {
    const events: RealtimeEvent[] = [];
    const result = await this.db.transaction(async (tx) => {
      const ctx = await this.access.load(actor, id, tx);
      this.transitions.assertCan(actor, ctx, 'apply_enforcement', input.version);
      await this.assertConfirmed(tx, ctx);
      const court = await this.courtFor(tx, ctx);
      const note = input.note?.trim() || null;
      const updated = await this.transitions.fire(
        tx,
        actor,
        ctx,
        'apply_enforcement',
        {
          version: input.version,
          // the timeline says which court the application went to
          reason: `移送${court.name}${note ? `：${note}` : ''}`,
          data: {
            courtId: court.id,
            courtName: court.name,
            applicantPartyIds: ctx.ownParties.map((p) => p.id),
            appliedAt: this.clock.now().toISOString(),
            note,
          },
        },
        events,
      );
      // handed to the court: its console lists the case from now on
      events.push({
        channel: channels.org(court.id),
        event: 'queue:updated',
        payload: {
          id: updated.id,
          number: updated.number,
          status: updated.status,
          statusLabel: CASE_STATUSES[updated.status as CaseStatus].label,
          version: updated.version,
          action: 'apply_enforcement',
        },
      });
      return updated;
    });
    this.publisher.publish(events);
    return result;
  }

  /** The agreement in force must have been confirmed by the court after it took effect. */
  private async assertConfirmed(tx: Executor, ctx: CaseContext): Promise<void> {
    const timeline = await this.cases.transitions(tx, ctx.dispute.id);
    const last = (action: string) => timeline.map((t) => t.action).lastIndexOf(action);
    const signed = last('agreement_signed');
    const confirmed = last('confirm');
    if (confirmed < 0 || confirmed < signed)
      throw new DomainError(
        ErrorCode.CONFIRMATION_REQUIRED,
        '调解协议未经人民法院司法确认，不能申请强制执行；可在协议生效后 30 日内申请司法确认，或向人民法院提起诉讼',
        { currentStatus: ctx.dispute.status },
      );
  }

  /** The court that confirmed: the referring court, else the court whose jurisdiction covers the dispute's street. */
  private async courtFor(tx: Executor, ctx: CaseContext): Promise<{ id: string; name: string }> {
    const referral = await this.cases.referral(tx, ctx.dispute.id);
    const courts = (await this.orgs.listActive(tx)).filter((o) => o.kind === 'judicial');
    const court =
      courts.find((c) => c.id === referral?.courtId) ??
      courts.find((c) => !!ctx.dispute.streetCode && (c.streetCodes ?? []).includes(ctx.dispute.streetCode));
    if (!court) throw DomainError.validation('辖区内没有在册的人民法院，无法移送执行申请');
    return { id: court.id, name: court.name };
  }
}
