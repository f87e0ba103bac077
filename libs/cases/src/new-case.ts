/**
 * What every new dispute is made of, whichever way it enters (an application, a registration, a court referral, an
 * import): its row with its defaults, its parties and agents, its 'receive' timeline row and its search document.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '@tiaojie/core';
import type { schema } from '@tiaojie/db';
import type { SearchDocument } from '@tiaojie/search';
import type { AgentInput } from './case.types';

export interface NewCaseParty {
  role: string;
  partyType?: 'person' | 'organization';
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  representative?: string | null;
  userId?: string | null;
  agent?: AgentInput;
}

export interface NewCase {
  id: string;
  number: string;
  channel: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  streetCode: string | null;
  communityCode?: string | null;
  address?: string | null;
  claimAmount?: number | string | null;
  peopleInvolved?: number;
  parties: NewCaseParty[];
  deadlineRegime?: string | null;
  dueAt?: Date | null;
  createdBy: string | null;
  /** When the dispute was received (an imported one: when its source record was). */
  createdAt: Date;
  /** When it is written. */
  updatedAt: Date;
  /** The 'receive' row's reason and data beyond the channel. */
  receiveReason?: string | null;
  receiveData?: Record<string, unknown>;
}

export type DisputeValues = ReturnType<typeof newDisputeValues>;
export type PartyValues = ReturnType<typeof newPartyValues>[number];
export type AgentValues = typeof schema.disputeAgents.$inferInsert;
export type TransitionValues = typeof schema.caseTransitions.$inferInsert;

/** The dispute's row as received: status 'received', version 1, 涉企 when the channel or a party is an enterprise. */
export function newDisputeValues(c: NewCase) {
  return {
    id: c.id,
    number: c.number,
    category: c.category,
    kind: c.kind,
    channel: c.channel,
    title: c.title,
    description: c.description,
    streetCode: c.streetCode,
    communityCode: c.communityCode ?? null,
    address: c.address ?? null,
    claimAmount: c.claimAmount === undefined || c.claimAmount === null ? null : String(c.claimAmount),
    peopleInvolved: c.peopleInvolved ?? c.parties.length,
    status: 'received',
    version: 1,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    enterpriseRelated: c.channel === 'enterprise' || c.parties.some((p) => p.partyType === 'organization'),
    deadlineRegime: c.deadlineRegime ?? null,
    dueAt: c.dueAt ?? null,
  };
}

/** The parties in their given order (a millisecond apart: lists order them by creation). */
export function newPartyValues(c: NewCase) {
  return c.parties.map((p, i) => ({
    id: randomUUID(),
    disputeId: c.id,
    role: p.role,
    partyType: p.partyType ?? 'person',
    name: p.name,
    phone: p.phone ?? null,
    idNumber: p.idNumber ?? null,
    representative: p.representative ?? null,
    userId: p.userId ?? null,
    createdAt: new Date(c.updatedAt.getTime() + i),
  }));
}

/** The agents of the parties `parties` (from newPartyValues of the same case). */
export function newAgentValues(c: NewCase, parties: PartyValues[]): AgentValues[] {
  return c.parties.flatMap((p, i) =>
    p.agent
      ? [
          {
            disputeId: c.id,
            partyId: parties[i].id,
            name: p.agent.name,
            phone: p.agent.phone ?? null,
            agentType: p.agent.agentType ?? 'entrusted',
            powerOfAttorney: p.agent.powerOfAttorney,
            createdAt: c.updatedAt,
          },
        ]
      : [],
  );
}

export function receiveTransition(c: NewCase, actor: Actor): TransitionValues {
  return {
    disputeId: c.id,
    action: 'receive',
    fromStatus: null,
    toStatus: 'received',
    actorId: actor.id,
    actorRole: actor.role,
    reason: c.receiveReason ?? null,
    at: c.createdAt,
    data: { channel: c.channel, ...c.receiveData },
  };
}

/** What the search index knows of a new case; intake ids and court numbers are the caller's. */
export function newCaseDocument(c: NewCase, intakeIds: string[] = []): SearchDocument {
  return {
    number: c.number,
    title: c.title,
    description: c.description,
    address: c.address ?? null,
    names: c.parties.flatMap((p) => [p.name, p.representative ?? '', p.agent?.name ?? ''].filter(Boolean)),
    phones: c.parties.flatMap((p) => [p.phone ?? '', p.agent?.phone ?? ''].filter(Boolean)),
    idNumbers: c.parties.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
    intakeIds,
    courtCaseNumbers: [],
  };
}
