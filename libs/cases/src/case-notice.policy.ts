import { Injectable } from '@nestjs/common';
import { addCalendarDays, isBusinessDate, shanghaiInstant, startOfBusinessDay } from '@tiaojie/business-time';
import { Actor, Clock, RealtimeEvent, Role } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import {
  type CaseNoticeKind,
  caseNoticeText,
  type NoticeFacts,
  NotificationService,
} from '@tiaojie/notifications';
import { OrgRepository } from '@tiaojie/org';
import { CaseRepository, DisputeRow, PartyRow } from './case.repository';
import { CaseNoticeRepository } from './case-notice.repository';
import { CaseSigningRepository } from './case-signing.repository';

export const PERFORMANCE_REMIND_JOB = 'case.performance_remind';
export interface PerformanceReminderJob {
  disputeId: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
}

const STAFF_OF_BODY = [Role.BodyAdmin, Role.Mediator, Role.Judge, Role.CourtClerk, Role.Official];

/** What a notice needs of a party: who they are, their account, their phone. */
type NoticeParty = Pick<PartyRow, 'id' | 'userId' | 'phone'>;

/** Who is told of a step: the case's parties (or some of them), and which staff. */
interface Audience {
  parties?: NoticeParty[] | 'all';
  staff?: 'body' | 'case' | 'district' | string[];
  /** A to-do rather than news: staff are told even of their own step. */
  todo?: boolean;
}

export interface SessionFacts {
  id: string;
  scheduledAt: Date;
  online: boolean;
  place: string | null;
  participants: string[];
}

/**
 * The one map from case events (transitions, sessions, performance dates) to notices: in-app inbox rows, pushed
 * live to `user:<id>`, and SMS through the outbox, all written in the caller's transaction so a rolled-back change
 * tells nobody. Parties with an account get both; parties known only by phone get the SMS. The actor is not told
 * of their own step.
 */
@Injectable()
export class CaseNoticePolicy {
  constructor(
    private readonly signing: CaseSigningRepository,
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly notices: CaseNoticeRepository,
    private readonly notifications: NotificationService,
    private readonly orgs: OrgRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  publish(events: RealtimeEvent[]): void {
    this.notifications.publish(events);
  }

  /** After a lifecycle transition, inside its transaction; live events go into `events` (published after commit). */
  async onTransition(
    tx: Executor,
    actor: Actor,
    action: string,
    before: DisputeRow,
    after: DisputeRow,
    parties: PartyRow[],
    data: Record<string, unknown> | undefined,
    events: RealtimeEvent[],
  ): Promise<void> {
    const tell = (kind: CaseNoticeKind, who: Audience, bodyId: string | null = after.bodyId) =>
      this.tell(tx, actor, kind, after, parties, who, bodyId, events);
    switch (action) {
      case 'route':
      case 'manual_route':
        return tell('case.routed', { parties: 'all', staff: 'body' });
      case 'send_to_district':
        return tell('case.district_queue', { parties: 'all', staff: 'district' });
      case 'accept':
        return tell('case.accepted', { parties: 'all' });
      case 'return':
        return tell('case.returned', { parties: 'all' }, before.bodyId);
      case 'transfer':
        // a transfer without a target is re-routed at once: the route that follows tells everyone
        if (after.bodyId === before.bodyId) return;
        return tell('case.transferred', { parties: 'all', staff: 'body' });
      case 'refer_to_court':
        return tell('case.referred_to_court', { parties: 'all', staff: 'body' });
      case 'assign_mediator':
        if (after.mediatorId === before.mediatorId || !after.mediatorId) return;
        return tell('case.mediator_assigned', { staff: [after.mediatorId] });
      case 'draft_agreement':
        return tell('agreement.to_sign', { parties: 'all' });
      case 'sign':
        return this.onSigned(tx, tell, after.id, parties);
      case 'agreement_signed':
        return tell('agreement.in_force', { parties: 'all', staff: 'case' });
      case 'confirm':
        return tell('confirmation.confirmed', { parties: 'all', staff: 'case' });
      case 'reject_confirmation':
        return tell('confirmation.rejected', { parties: 'all', staff: 'case' });
      case 'start_performance':
        return this.schedulePerformance(tx, after.id, (data?.items ?? []) as { dueOn: string }[]);
      case 'record_performed':
        return tell('follow_up.due', { parties: 'all', staff: 'case', todo: true });
      case 'close':
        return tell('case.closed', { parties: 'all' });
      case 'record_failure':
        return tell('case.no_agreement', { parties: 'all' });
      case 'withdraw':
        return tell('case.withdrawn', { parties: 'all', staff: after.bodyId ? 'case' : undefined });
      case 'terminate':
        return tell('case.terminated', { parties: 'all' });
      default:
        return;
    }
  }

  /**
   * A new dispute's routing, told after its one-statement write has committed (that path holds no transaction
   * open); the dedupe key makes a repeat harmless. The applicant is told too: they learn which body has it.
   */
  async onCreated(dispute: DisputeRow, parties: NoticeParty[]): Promise<void> {
    const kind: CaseNoticeKind | null =
      dispute.status === 'routed'
        ? 'case.routed'
        : dispute.status === 'district_queue'
          ? 'case.district_queue'
          : null;
    if (!kind) return;
    const events: RealtimeEvent[] = [];
    await this.db.transaction(async (tx) => {
      const staff = kind === 'case.routed' ? 'body' : 'district';
      await this.tell(tx, null, kind, dispute, parties, { parties: 'all', staff }, dispute.bodyId, events);
    });
    this.notifications.publish(events);
  }

  /** A session scheduled, moved or cancelled: its participants are told (the other parties are not involved). */
  async onSession(
    tx: Executor,
    actor: Actor,
    kind: 'session.scheduled' | 'session.changed' | 'session.cancelled',
    dispute: DisputeRow,
    parties: PartyRow[],
    session: SessionFacts,
    events: RealtimeEvent[],
  ): Promise<void> {
    const invited = parties.filter((p) => session.participants.includes(p.id));
    const facts = { at: session.scheduledAt, online: session.online, place: session.place };
    await this.tell(
      tx,
      actor,
      kind,
      dispute,
      parties,
      { parties: invited },
      dispute.bodyId,
      events,
      { session: facts },
      `session:${session.id}:${kind}:${session.scheduledAt.toISOString()}`,
    );
  }

  /** The reminder a day before a performance date: only while the case is performing and the item is open. */
  async handlePerformanceReminder(job: PerformanceReminderJob): Promise<boolean> {
    const events = await this.db.transaction(async (tx) => {
      const d = await this.cases.byId(tx, job.disputeId);
      if (!d || d.status !== 'performing') return [];
      if ((await this.notices.pendingItemsDueOn(tx, d.id, job.dueOn)) === 0) return [];
      const parties = await this.cases.parties(tx, d.id);
      const out: RealtimeEvent[] = [];
      await this.tell(
        tx,
        null,
        'performance.reminder',
        d,
        parties,
        { parties: 'all', staff: 'case' },
        d.bodyId,
        out,
        { dueOn: job.dueOn },
        `performance:${job.dueOn}`,
      );
      return out;
    });
    this.notifications.publish(events);
    return events.length > 0;
  }

  /** 09:00 Asia/Shanghai the day before each performance date (at once when that is past but the day is not). */
  private async schedulePerformance(tx: Executor, disputeId: string, items: { dueOn: string }[]) {
    const now = this.clock.now().getTime();
    for (const dueOn of new Set(items.map((i) => i.dueOn))) {
      if (!isBusinessDate(dueOn)) continue;
      const dayEnd = startOfBusinessDay(addCalendarDays(dueOn, 1)).getTime();
      if (dayEnd <= now) continue;
      const at = shanghaiInstant(addCalendarDays(dueOn, -1), 9).getTime();
      await this.queue.send(PERFORMANCE_REMIND_JOB, { disputeId, dueOn } satisfies PerformanceReminderJob, {
        tx,
        startAfter: at > now ? new Date(at) : undefined,
        singletonKey: `perf:${disputeId}:${dueOn}`,
      });
    }
  }

  /** One party signed: the others are asked to sign, the mediator told; when all have signed, 协议生效 tells everyone. */
  private async onSigned(
    tx: Executor,
    tell: (kind: CaseNoticeKind, who: Audience) => Promise<void>,
    disputeId: string,
    parties: PartyRow[],
  ): Promise<void> {
    const agreement = await this.signing.currentAgreement(tx, disputeId);
    if (!agreement) return;
    const signed = new Set((await this.signing.signatures(tx, agreement.id)).map((s) => s.partyId));
    const unsigned = parties.filter((p) => !signed.has(p.id));
    if (unsigned.length === 0) return;
    await tell('agreement.other_signed', { parties: unsigned });
    await tell('agreement.party_signed', { staff: 'case' });
  }

  private async tell(
    tx: Executor,
    actor: Actor | null,
    kind: CaseNoticeKind,
    dispute: DisputeRow,
    parties: NoticeParty[],
    who: Audience,
    bodyId: string | null,
    events: RealtimeEvent[],
    extra: Partial<NoticeFacts> = {},
    key = `v${dispute.version}`,
  ): Promise<void> {
    const bodyName = bodyId ? ((await this.orgs.byId(tx, bodyId))?.name ?? null) : null;
    const facts: NoticeFacts = { number: dispute.number, bodyName, ...extra };
    const notMe = (id: string | null): id is string => !!id && id !== actor?.id;
    const dedupe = (audience: string) => `case:${dispute.id}:${key}:${kind}:${audience}`;

    const partyText = who.parties ? caseNoticeText(kind, 'party', facts) : null;
    if (partyText) {
      const told = who.parties === 'all' ? parties : who.parties!;
      const userIds = told.map((p) => p.userId).filter(notMe);
      const phones = told.filter((p) => !p.userId && p.phone).map((p) => p.phone!);
      events.push(
        ...(await this.notifications.notify(tx, {
          userIds,
          phones,
          kind,
          disputeId: dispute.id,
          sms: true,
          dedupeKey: dedupe('party'),
          ...partyText,
        })),
      );
    }
    const staffText = who.staff ? caseNoticeText(kind, 'staff', facts) : null;
    if (staffText) {
      const staff = (await this.staffIds(tx, who.staff!, dispute, bodyId)).filter(
        (id) => who.todo || notMe(id),
      );
      events.push(
        ...(await this.notifications.notify(tx, {
          userIds: staff,
          kind,
          disputeId: dispute.id,
          sms: true,
          dedupeKey: dedupe('staff'),
          ...staffText,
        })),
      );
    }
  }

  private async staffIds(
    tx: Executor,
    staff: NonNullable<Audience['staff']>,
    d: DisputeRow,
    bodyId: string | null,
  ): Promise<string[]> {
    if (Array.isArray(staff)) return staff;
    if (staff === 'district')
      return (await this.notifications.usersWithRole(tx, Role.DistrictAdmin)).map((u) => u.id);
    if (staff === 'case' && d.mediatorId) return [d.mediatorId];
    if (!bodyId) return [];
    const roles = staff === 'body' ? STAFF_OF_BODY : [Role.BodyAdmin];
    return (await this.notifications.staffOf(tx, bodyId, roles)).map((u) => u.id);
  }
}
