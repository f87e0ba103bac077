/** Pure mappings between stored rows and the routing engine's types (@tiaojie/routing). */
import type { Actor } from '@tiaojie/core';
import { schema } from '@tiaojie/db';
import {
  BodyKind,
  BodyLevel,
  DisputeKind,
  IntakeChannel,
  RoutingDispute,
  RoutingRegistry,
  RoutingRule,
} from '@tiaojie/routing';
import type { BodyWithLoad, RuleRow } from './dispatch.repository';

export type DisputeRow = typeof schema.disputes.$inferSelect;
/** What a return transition records about where the case came from. */
export type ReturnData = { bodyId?: string; reasonCode?: string } | null;
export type PartyRow = typeof schema.disputeParties.$inferSelect;
/** What routing reads of a dispute (a stored row, or one about to be written). */
export type DisputeFacts = Pick<
  DisputeRow,
  'id' | 'category' | 'kind' | 'channel' | 'streetCode' | 'communityCode' | 'claimAmount' | 'peopleInvolved'
>;
export type PartyFacts = Pick<PartyRow, 'partyType' | 'name' | 'phone' | 'idNumber'>;

export const phonesOf = (parties: PartyFacts[]) =>
  parties.map((p) => p.phone).filter((p): p is string => !!p);

export function registryBodies(bodies: BodyWithLoad[]): RoutingRegistry['bodies'] {
  return bodies.map((b) => ({
    id: b.id,
    name: b.name,
    kind: b.kind as BodyKind,
    level: b.level as BodyLevel,
    categories: b.categories,
    capacity: b.capacity,
    openCases: b.openCases,
    active: b.active,
    jurisdiction: { streets: b.streetCodes, communities: b.communityCodes },
  }));
}

/** The registry routing to a body needs: the bodies with their loads, the streets; no mediators (proposed later). */
export function routingRegistryOf(
  bodies: BodyWithLoad[],
  streets: RoutingRegistry['streets'],
): RoutingRegistry {
  return { bodies: registryBodies(bodies), mediators: [], streets };
}

/** The engine's view of a dispute, its parties' identities, the repeated-dispute flag and earlier returns. */
export function routingFacts(
  d: DisputeFacts,
  parties: PartyFacts[],
  repeated: boolean,
  returns: RoutingDispute['returns'],
): RoutingDispute {
  return {
    id: d.id,
    category: d.category,
    channel: d.channel as IntakeChannel,
    kind: d.kind as DisputeKind,
    streetCode: d.streetCode ?? undefined,
    communityCode: d.communityCode ?? undefined,
    claimAmount: d.claimAmount !== null ? Number(d.claimAmount) : undefined,
    peopleInvolved: d.peopleInvolved,
    parties: parties.map((p) => ({
      type: p.partyType === 'organization' ? 'enterprise' : 'individual',
      name: p.name,
      keys: [p.phone, p.idNumber, p.partyType === 'organization' ? p.name : null].filter(
        (k): k is string => !!k,
      ),
    })),
    repeated,
    returns,
  };
}

export function toRule(r: RuleRow): RoutingRule {
  return {
    id: r.id,
    name: r.name,
    priority: r.priority,
    weight: r.weight,
    enabled: r.enabled,
    conditions: r.conditions as RoutingRule['conditions'],
    target: r.target as RoutingRule['target'],
  };
}

/** A rule as stored, saved by `actorId` (null: the defaults installed at boot) at `at`. */
export function ruleRow(r: RoutingRule, actorId: string | null, at: Date) {
  return {
    id: r.id,
    name: r.name,
    priority: r.priority,
    weight: r.weight,
    enabled: r.enabled,
    conditions: r.conditions,
    target: r.target,
    updatedBy: actorId,
    updatedAt: at,
  };
}

/** A manual assignment as a stored decision, its explanation in the engine's shape. */
export function manualDecisionRow(
  actor: Actor,
  disputeId: string,
  body: { id: string; name: string },
  reason: string,
  at: Date,
) {
  return {
    disputeId,
    outcome: 'assigned',
    bodyId: body.id,
    manual: true,
    actorId: actor.id,
    reason,
    decidedAt: at,
    explanation: {
      outcome: 'assigned',
      bodyId: body.id,
      manual: true,
      explanation: {
        summary: {
          zh: `人工分派至${body.name}：${reason}`,
          en: `manually assigned to ${body.name}: ${reason}`,
        },
      },
    },
  };
}
