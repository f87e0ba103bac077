import { Injectable } from '@nestjs/common';
import { Actor, DomainError, Role, isUuid } from '@tiaojie/core';
import { maskIdNumber, maskName, maskPhone } from '@tiaojie/personal-data';
import { DbService, Executor } from '@tiaojie/db';
import { Relation } from './case-states';
import { CaseRepository, DisputeRow, PartyRow } from './case.repository';
import type { CourtReferralRow } from './court-referral-view';

export interface CaseContext {
  dispute: DisputeRow;
  parties: PartyRow[];
  relations: Set<Relation>;
  /** The actor's own party record(s) on this case. */
  ownParties: PartyRow[];
  /** The court's referral of this case (委派/委托), when a court referred it. */
  referral?: CourtReferralRow | null;
}

/** Works out how an actor relates to a case, and what of it they may see. */
/** States in which the court with jurisdiction works on a case it did not refer: confirmation and enforcement. */
export const COURT_STATES: readonly string[] = [
  'confirmation_requested',
  'confirmed',
  'confirmation_rejected',
  'enforcement_requested',
  'enforcement_received',
];

@Injectable()
export class CaseAccessService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly db: DbService,
  ) {}

  relationsOf(
    actor: Actor,
    dispute: Pick<
      DisputeRow,
      'bodyId' | 'createdBy' | 'formerBodyIds' | 'mediatorId' | 'status' | 'streetCode'
    >,
    parties: PartyRow[],
    extra: {
      referringCourtId?: string | null;
      agentFor?: string[];
      courtStreets?: string[];
      registrants?: string[];
    } = {},
  ): { relations: Set<Relation>; ownParties: PartyRow[] } {
    const relations = new Set<Relation>();
    const referringCourtId = extra.referringCourtId ?? null;
    const ownParties =
      actor.role === Role.Party
        ? parties.filter((p) => p.userId === actor.id || (extra.agentFor ?? []).includes(p.id))
        : [];
    if (ownParties.length > 0) relations.add('party');
    if (ownParties.some((p) => p.role === 'applicant')) relations.add('applicant');
    const staffOfBody = [Role.Mediator, Role.BodyAdmin, Role.Judge, Role.CourtClerk, Role.Official].includes(
      actor.role,
    );
    if (staffOfBody && actor.orgId && dispute.bodyId === actor.orgId) relations.add('handling_body');
    if (staffOfBody && dispute.mediatorId === actor.id && dispute.bodyId === actor.orgId)
      relations.add('assigned_mediator');
    if (actor.role === Role.DistrictAdmin) relations.add('district');
    const courtStaff = actor.role === Role.Judge || actor.role === Role.CourtClerk;
    if (courtStaff && actor.orgId && referringCourtId === actor.orgId) relations.add('court');
    // Judicial confirmation belongs to the referring court, or else to the court whose jurisdiction covers the dispute.
    const confirming = referringCourtId
      ? referringCourtId === actor.orgId
      : !!dispute.streetCode && (extra.courtStreets ?? []).includes(dispute.streetCode);
    if (courtStaff && confirming && COURT_STATES.includes(dispute.status)) relations.add('court');
    if (
      staffOfBody &&
      actor.orgId &&
      dispute.formerBodyIds.includes(actor.orgId) &&
      !relations.has('handling_body')
    )
      relations.add('former_body');
    if (
      actor.id &&
      actor.role !== Role.Party &&
      (dispute.createdBy === actor.id || (extra.registrants ?? []).includes(actor.id))
    )
      relations.add('creator');
    return { relations, ownParties };
  }

  /** Loads a case the actor may see; anyone else gets NOT_FOUND (no existence oracle). */
  async load(actor: Actor, id: string, db: Executor = this.db.db): Promise<CaseContext> {
    if (!isUuid(id)) throw DomainError.notFound('case', id);
    let read = await this.cases.accessReads(db, id, actor.orgId ?? null);
    if (!read.dispute) throw DomainError.notFound('case', id);
    if (actor.role === Role.Party && actor.id && !read.parties.some((p) => p.userId === actor.id)) {
      // a party's first visit: link the party records (and agents) bearing the account's phone, then read once more
      const phone = await this.cases.userPhone(db, actor.id);
      if (phone) {
        await this.cases.linkPartiesByPhone(db, phone, actor.id);
        await this.cases.linkAgentsByPhone(db, phone, actor.id);
        read = await this.cases.accessReads(db, id, actor.orgId ?? null);
        if (!read.dispute) throw DomainError.notFound('case', id);
      }
    }
    const { dispute, parties } = read;
    const agentFor =
      actor.role === Role.Party ? read.agents.filter((a) => a.userId === actor.id).map((a) => a.partyId) : [];
    const courtStaff = actor.role === Role.Judge || actor.role === Role.CourtClerk;
    const courtStreets = courtStaff ? read.orgStreets : [];
    const referral = read.referral;
    const { relations, ownParties } = this.relationsOf(actor, dispute, parties, {
      referringCourtId: referral?.courtId ?? null,
      agentFor,
      courtStreets,
      registrants: read.registrants,
    });
    if (relations.size === 0 && actor.role !== 'system') throw DomainError.notFound('case', id);
    return { dispute, parties, relations, ownParties, referral };
  }

  /** Full personal data of one party for staff of the handling body; every such read is audited. */
  async revealParty(actor: Actor, id: string, partyId: string, audit: (tx: Executor) => Promise<void>) {
    const ctx = await this.load(actor, id);
    if (
      !ctx.relations.has('handling_body') &&
      !ctx.relations.has('district') &&
      !ctx.relations.has('court')
    ) {
      throw DomainError.forbidden('仅承办组织可查看完整个人信息');
    }
    const p = ctx.parties.find((x) => x.id === partyId);
    if (!p) throw DomainError.notFound('party', partyId);
    await this.db.transaction(audit);
    return { id: p.id, name: p.name, phone: p.phone, idNumber: p.idNumber, masked: false };
  }

  /**
   * Party data as this reader may see it: phone and ID masked unless it is their own record; the name masked too
   * for a body that no longer handles the case (`maskNames`).
   */
  partyView(p: PartyRow, ctx: CaseContext, opts: { maskNames?: boolean } = {}) {
    const own = ctx.ownParties.some((o) => o.id === p.id);
    return {
      id: p.id,
      role: p.role,
      partyType: p.partyType,
      name: opts.maskNames && !own ? maskName(p.name, p.partyType) : p.name,
      phone: own ? p.phone : maskPhone(p.phone),
      idNumber: own ? p.idNumber : maskIdNumber(p.idNumber),
      linked: p.userId !== null,
      masked: !own,
    };
  }
}
