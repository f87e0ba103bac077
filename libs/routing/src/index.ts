/**
 * @tiaojie/routing: a pure routing engine (no database, no framework). The registry-backed service and
 * the HTTP API call it with in-memory snapshots. This file is the library's only public entry point.
 */
export { compileRouting, route } from './route.engine';
export type { Router } from './route.engine';
export { proposeMediator } from './mediator.proposer';
export { validateRules } from './rule.validator';
export { normalisePartyKey } from './party-key.util';
export {
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_CODES,
  categoryLabelEn,
  categoryLabelZh,
} from './dispute-category.constants';
export type { CategoryCode, DisputeCategoryCode } from './dispute-category.constants';
export {
  RETURN_REASONS,
  RETURN_REASON_CODES,
  isReturnReasonCode,
  returnReasonLabelZh,
} from './return-reason.constants';
export type { ReturnReasonCode } from './return-reason.constants';
export {
  BODY_KINDS,
  BODY_LEVELS,
  CONFLICT_KINDS,
  DISPUTE_KINDS,
  INTAKE_CHANNELS,
  PARTY_TYPES,
  ROUTING_DEFAULTS,
} from './routing.constants';
export type {
  BodyKind,
  BodyLevel,
  ConflictKind,
  DisputeKind,
  IntakeChannel,
  PartyType,
} from './routing.constants';
export type {
  BodySelector,
  ConflictOfInterest,
  DisputeReturn,
  Jurisdiction,
  MediationBody,
  Mediator,
  RouteOptions,
  RoutingDispute,
  RoutingParty,
  RoutingRegistry,
  RoutingRule,
  RuleConditions,
  RuleTarget,
  StreetArea,
} from './routing.types';
export type {
  Bilingual,
  CandidateEvaluation,
  CandidateExclusion,
  Escalation,
  EscalationTrigger,
  EscalationTriggerCode,
  ExclusionCode,
  MediatorEvaluation,
  MediatorExclusion,
  MediatorExclusionCode,
  MediatorProposal,
  QueueReason,
  QueueReasonCode,
  RoutingDecision,
  RoutingExplanation,
  RoutingOutcome,
  RuleContribution,
  RuleEvaluation,
  RuleMismatch,
  RuleMismatchCode,
  RuleValidationCode,
  RuleValidationError,
} from './decision.types';
