import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role, UserActor, orgOf } from '@tiaojie/core';
import { formatShanghai } from '@tiaojie/business-time';
import { maskNamesIn } from '@tiaojie/personal-data';
import { DbService } from '@tiaojie/db';
import { remaining, confirmationDueAt, urgencyAt } from '@tiaojie/deadlines';
import { RoomRepository } from '@tiaojie/rooms';
import { DispatchService } from '@tiaojie/dispatch';
import { availableActions, transitionFor } from './case-lifecycle';
import { CASE_STATUSES, CaseStatus } from './case-states';
import { CaseAccessService, CaseContext } from './case-access.service';
import { CaseRepository, DisputeSummaryRow } from './case.repository';
import { CaseQueueRepository, QueueRead } from './case-queue.repository';
import { CaseListItem, listItem } from './case-list-item';
import { CaseRegistrationService } from './case-registration.service';
import { courtReferralView } from './court-referral-view';
import { CaseSigningRepository } from './case-signing.repository';

const queueLimit = (opts: { limit?: number }) => Math.min(opts.limit ?? 100, 500);

/**
 * Whose cases a role's work queue lists: one queue read (a body's staff and officials: their body's; the district:
 * every case), 'court' (court staff: referred by their court or handled by it), or 'own' (intake staff: their own
 * registrations). Parties are refused: theirs is "my disputes".
 */
function queueSource(role: Role, open: boolean): QueueRead | 'court' | 'own' {
  switch (role) {
    case Role.Mediator:
    case Role.BodyAdmin:
    case Role.Official:
      return open ? 'openForBody' : 'forBody';
    case Role.DistrictAdmin:
      return open ? 'openForDistrict' : 'forDistrict';
    case Role.CourtClerk:
    case Role.Judge:
      return 'court';
    case Role.Party:
      throw DomainError.forbidden('当事人请使用“我的纠纷”');
    default:
      return 'own';
  }
}

interface SignatureState {
  status: string;
  signatures: { partyId: string; name: string; signed: boolean }[];
}

/** For a reader whose own party records have all signed the agreement being signed: whom it still waits for. */
function waitingForOthers(ctx: CaseContext, agreement: SignatureState | null): string | null {
  if (!agreement || agreement.status !== 'signing' || ctx.ownParties.length === 0) return null;
  const signed = (partyId: string) => agreement.signatures.some((s) => s.partyId === partyId && s.signed);
  if (!ctx.ownParties.every((p) => signed(p.id))) return null;
  const others = agreement.signatures.filter((s) => !s.signed).map((s) => s.name);
  return others.length > 0 ? `您已签名，等待${others.join('、')}签名` : '您已签名，协议即将生效';
}

/** A party who has signed has nothing left to sign (the lifecycle alone would still offer 'sign'). */
function afterOwnSignature(ctx: CaseContext, agreement: SignatureState | null, actions: string[]): string[] {
  return waitingForOthers(ctx, agreement) ? actions.filter((a) => a !== 'sign') : actions;
}

export const TRACKER_STAGES = ['受理', '分派', '签收', '调解', '结果', '司法确认', '履行', '回访', '结案'];

/** Read side: case detail, the party's status page, and the queues. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly signing: CaseSigningRepository,
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly queues: CaseQueueRepository,
    private readonly access: CaseAccessService,
    private readonly rooms: RoomRepository,
    private readonly clock: Clock,
    private readonly dispatch: DispatchService,
    private readonly registrations: CaseRegistrationService,
  ) {}

  /** A case as lists show it (case-list-item.ts); commands answer with it too. */
  summary(d: DisputeSummaryRow): CaseListItem {
    return listItem(d);
  }

  async detail(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    if (ctx.relations.size === 1 && ctx.relations.has('former_body')) {
      // A body that transferred the case away keeps a masked summary only: no names, phones or ID numbers.
      return {
        ...this.summary(ctx.dispute),
        title: maskNamesIn(ctx.dispute.title, ctx.parties),
        formerHandler: true,
        parties: ctx.parties.map((p) => this.access.partyView(p, ctx, { maskNames: true })),
        relations: ['former_body'],
        availableActions: [],
        timeline: [],
        agreement: null,
        rooms: [],
      };
    }
    const [timeline, agreement, rooms, intakes, accounts] = await Promise.all([
      this.timeline(ctx),
      this.agreementView(ctx),
      this.roomsFor(actor, ctx),
      // how the case was received (channels, source ids, registrants): staff only
      actor.role === Role.Party ? Promise.resolve(null) : this.registrations.intakesOf(ctx.dispute),
      this.partyAccounts(actor, ctx),
    ]);
    return {
      ...this.summary(ctx.dispute),
      description: ctx.dispute.description,
      address: ctx.dispute.address,
      claimAmount: ctx.dispute.claimAmount !== null ? Number(ctx.dispute.claimAmount) : null,
      peopleInvolved: ctx.dispute.peopleInvolved,
      outcome: ctx.dispute.outcome,
      referral: ctx.referral ? courtReferralView(ctx.referral) : null,
      routing: actor.role === Role.Party ? null : ctx.dispute.routing,
      parties: ctx.parties.map((p) => ({ ...this.access.partyView(p, ctx), ...accounts(p.userId) })),
      relations: [...ctx.relations],
      availableActions: afterOwnSignature(
        ctx,
        agreement,
        availableActions(ctx.dispute.status as CaseStatus, actor.role, ctx.relations),
      ),
      timeline,
      agreement,
      rooms,
      intakes,
    };
  }

  /**
   * Staff see whether each party can use the platform: no account (未开通), an account never signed in (已开通), or
   * when it last signed in. Parties do not see each other's sign-ins.
   */
  private async partyAccounts(actor: Actor, ctx: CaseContext) {
    if (actor.role === Role.Party) return () => ({});
    const ids = ctx.parties.map((p) => p.userId).filter((u): u is string => u !== null);
    const signIns = await this.cases.lastSignIns(this.db.db, [...new Set(ids)]);
    return (userId: string | null) => {
      const at = userId ? signIns.get(userId) : undefined;
      return {
        account: !userId ? 'none' : at ? 'signed_in' : 'opened',
        lastSignInAt: at ? at.toISOString() : null,
      };
    };
  }

  /** The party's status page: stage, timeline and next step in plain Chinese. */
  async status(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    const d = ctx.dispute;
    const status = d.status as CaseStatus;
    const def = CASE_STATUSES[status];
    const now = this.clock.now();
    const agreement = await this.agreementView(ctx);
    const agreedAt = status === 'agreement' && agreement?.signedAt ? new Date(agreement.signedAt) : null;
    const confirmationDue = agreedAt ? confirmationDueAt(agreedAt) : null;
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      status,
      statusLabel: def.label,
      stage: def.stage,
      stages: TRACKER_STAGES,
      nextStep: waitingForOthers(ctx, agreement) ?? def.next,
      sessionMode: d.sessionMode,
      deadline:
        d.dueAt && ['accepted', 'in_mediation', 'agreement_pending'].includes(status)
          ? {
              dueAt: d.dueAt.toISOString(),
              text: `调解期限至 ${formatShanghai(d.dueAt, false)}`,
              remaining: remaining(d.dueAt, now).label,
              urgency: urgencyAt(d.dueAt, now),
            }
          : null,
      judicialConfirmation: confirmationDue
        ? {
            dueAt: confirmationDue.toISOString(),
            text: `可在 ${formatShanghai(confirmationDue, false)} 前共同申请司法确认`,
            remaining: remaining(confirmationDue, now).label,
          }
        : null,
      timeline: await this.timeline(ctx),
      agreement,
      availableActions: afterOwnSignature(
        ctx,
        agreement,
        availableActions(status, actor.role, ctx.relations),
      ),
    };
  }

  async mine(actor: UserActor) {
    if (actor.role !== Role.Party) throw DomainError.forbidden('仅当事人可查看“我的纠纷”');
    const phone = await this.cases.userPhone(this.db.db, actor.id);
    if (phone) {
      await this.cases.linkPartiesByPhone(this.db.db, phone, actor.id);
      await this.cases.linkAgentsByPhone(this.db.db, phone, actor.id);
    }
    return (await this.cases.forParty(this.db.db, actor.id)).map((d) => this.summary(d));
  }

  /** The work queue: a body's cases for its staff, every case for the district, own registrations for intake staff. */
  async queue(actor: UserActor, opts: { open?: boolean; limit?: number }) {
    const limit = queueLimit(opts);
    const open = opts.open !== false;
    const source = queueSource(actor.role, open);
    let rows: DisputeSummaryRow[];
    if (source === 'court') {
      // court staff: the cases their court referred, and those it handles as a body (a court's mediation room)
      const court = orgOf(actor);
      const referred = await this.cases.forCourt(this.db.db, court, limit);
      const handled = await this.queues.rows(this.db.db, open ? 'openForBody' : 'forBody', {
        org: court,
        limit,
      });
      rows = [...new Map([...referred, ...handled].map((d) => [d.id, d])).values()];
    } else if (source === 'own') rows = await this.cases.forCreator(this.db.db, actor.id, limit);
    else rows = await this.queues.rows(this.db.db, source, { org: actor.orgId ?? undefined, limit });
    const now = this.clock.now();
    return rows.map((d) => ({ ...listItem(d), urgency: urgencyAt(d.dueAt, now) }));
  }

  /**
   * The same queue as `queue`, as its JSON text built by PostgreSQL, for the roles whose queue is one read (a
   * body's staff and officials, the district); null for the others (court staff merge two reads, intake staff
   * list their own registrations), whose queue `queue` answers. Parties are refused as in `queue`.
   */
  async queueJson(actor: Actor, opts: { open?: boolean; limit?: number }): Promise<string | null> {
    const source = queueSource(actor.role, opts.open !== false);
    if (source === 'court' || source === 'own') return null;
    return this.queues.json(
      this.db.db,
      source,
      { org: actor.orgId ?? undefined, limit: queueLimit(opts) },
      this.clock.now(),
    );
  }

  /** Every routing decision of a case with its explanation (staff of the handling body and the district). */
  async routingHistory(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    if (!ctx.relations.has('handling_body') && !ctx.relations.has('district'))
      throw DomainError.notFound('case', id);
    return (await this.dispatch.decisions(id)).map((d) => ({
      id: d.id,
      outcome: d.outcome,
      bodyId: d.bodyId,
      manual: d.manual,
      reason: d.reason,
      decidedAt: d.decidedAt.toISOString(),
      explanation: d.explanation,
    }));
  }

  /** A mediator of the handling body proposed by specialty and load, never one with a declared conflict. */
  async mediatorProposal(actor: Actor, id: string) {
    const ctx = await this.access.load(actor, id);
    if (!ctx.relations.has('handling_body') || !ctx.dispute.bodyId)
      throw DomainError.forbidden('仅承办组织可查看调解员推荐');
    return this.dispatch.proposeMediator(this.db.db, ctx.dispute, ctx.parties, ctx.dispute.bodyId);
  }

  private async timeline(ctx: CaseContext) {
    const rows = await this.cases.transitions(this.db.db, ctx.dispute.id);
    return rows.map((t) => ({
      at: t.at.toISOString(),
      atText: formatShanghai(t.at),
      action: t.action,
      label: transitionFor(t.action)?.label ?? (t.action === 'receive' ? '受理' : t.action),
      status: t.toStatus,
      statusLabel: CASE_STATUSES[t.toStatus as CaseStatus]?.label ?? t.toStatus,
      actorRole: t.actorRole,
      reason: t.reason,
    }));
  }

  private async agreementView(ctx: CaseContext) {
    const a = await this.signing.currentAgreement(this.db.db, ctx.dispute.id);
    if (!a) return null;
    const sigs = await this.signing.signatures(this.db.db, a.id);
    return {
      id: a.id,
      terms: a.terms,
      performanceDueOn: a.performanceDueOn,
      status: a.status,
      contentHash: a.contentHash,
      signedAt: a.signedAt?.toISOString() ?? null,
      signatures: ctx.parties.map((p) => {
        const s = sigs.find((x) => x.partyId === p.id);
        return {
          partyId: p.id,
          name: p.name,
          role: p.role,
          signed: !!s,
          signedAt: s?.signedAt.toISOString() ?? null,
        };
      }),
    };
  }

  private async roomsFor(actor: Actor, ctx: CaseContext) {
    const rooms = await this.rooms.forDispute(this.db.db, ctx.dispute.id);
    return rooms
      .filter((r) => canUseRoom(actor, ctx, r))
      .map((r) => ({ id: r.id, kind: r.kind, title: r.title, partyId: r.partyId, lastSeq: r.lastSeq }));
  }
}

/**
 * Room access. Staff of a case room = its assigned mediator, the handling body's admins, the district admin
 * (another mediator of the body, or a mediator replaced on the case, is not). joint = staff + every party;
 * caucus (背对背) = staff + that party only; staff = staff only. Linkage rooms are decided by membership elsewhere.
 */
export function canUseRoom(
  actor: Actor,
  ctx: Pick<CaseContext, 'relations' | 'ownParties'>,
  room: { kind: string; partyId: string | null },
): boolean {
  const staff =
    ctx.relations.has('assigned_mediator') ||
    (ctx.relations.has('handling_body') && actor.role === Role.BodyAdmin) ||
    ctx.relations.has('district');
  if (room.kind === 'joint') return staff || ctx.relations.has('party');
  if (room.kind === 'caucus') return staff || ctx.ownParties.some((p) => p.id === room.partyId);
  if (room.kind === 'staff') return staff;
  return false;
}
