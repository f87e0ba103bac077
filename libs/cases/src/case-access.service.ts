import { Injectable } from '@nestjs/common';
import { Actor, DomainError, Role, maskIdNumber, maskPhone } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { Relation } from './case-lifecycle';
import { CaseRepository, DisputeRow, PartyRow } from './case.repository';

export interface CaseContext {
  dispute: DisputeRow;
  parties: PartyRow[];
  relations: Set<Relation>;
  /** The actor's own party record(s) on this case. */
  ownParties: PartyRow[];
}

/** Works out how an actor relates to a case, and what of it they may see. */
@Injectable()
export class CaseAccessService {
  constructor(private readonly cases: CaseRepository, private readonly db: DbService) {}

  relationsOf(actor: Actor, dispute: DisputeRow, parties: PartyRow[]): { relations: Set<Relation>; ownParties: PartyRow[] } {
    const relations = new Set<Relation>();
    const ownParties = actor.role === Role.Party ? parties.filter((p) => p.userId === actor.id) : [];
    if (ownParties.length > 0) relations.add('party');
    if (ownParties.some((p) => p.role === 'applicant')) relations.add('applicant');
    const staffOfBody = actor.role === Role.Mediator || actor.role === Role.BodyAdmin;
    if (staffOfBody && actor.orgId && dispute.bodyId === actor.orgId) relations.add('handling_body');
    if (actor.role === Role.Mediator && dispute.mediatorId === actor.id && dispute.bodyId === actor.orgId) relations.add('assigned_mediator');
    if (actor.role === Role.DistrictAdmin) relations.add('district');
    if ((actor.role === Role.Judge || actor.role === Role.CourtClerk) && dispute.kind === 'judicial') relations.add('court');
    if ((actor.role === Role.Judge || actor.role === Role.CourtClerk) && ['confirmation_requested', 'confirmed', 'confirmation_rejected'].includes(dispute.status)) relations.add('court');
    if (actor.id && dispute.createdBy === actor.id && actor.role !== Role.Party) relations.add('creator');
    return { relations, ownParties };
  }

  /** Loads a case the actor may see; anyone else gets NOT_FOUND (no existence oracle). */
  async load(actor: Actor, id: string, db: Executor = this.db.db): Promise<CaseContext> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw DomainError.notFound('case', id);
    const dispute = await this.cases.byId(db, id);
    if (!dispute) throw DomainError.notFound('case', id);
    let parties = await this.cases.parties(db, id);
    if (actor.role === Role.Party && actor.id && !parties.some((p) => p.userId === actor.id)) {
      const phone = await this.cases.userPhone(db, actor.id);
      if (phone && parties.some((p) => p.phone === phone && !p.userId)) {
        await this.cases.linkPartiesByPhone(this.db.db, phone, actor.id);
        parties = await this.cases.parties(db, id);
      }
    }
    const { relations, ownParties } = this.relationsOf(actor, dispute, parties);
    if (relations.size === 0 && actor.role !== 'system') throw DomainError.notFound('case', id);
    return { dispute, parties, relations, ownParties };
  }

  /** Party data as this reader may see it: masked unless it is their own record. */
  partyView(p: PartyRow, ctx: CaseContext) {
    const own = ctx.ownParties.some((o) => o.id === p.id);
    return {
      id: p.id, role: p.role, partyType: p.partyType, name: p.name,
      phone: own ? p.phone : maskPhone(p.phone), idNumber: own ? p.idNumber : maskIdNumber(p.idNumber),
      linked: p.userId !== null, masked: !own,
    };
  }
}
