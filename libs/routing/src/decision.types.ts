/** Output types: routing decisions with their explanation, mediator proposals, validation errors. */
import type { BodyKind, BodyLevel, ConflictKind } from './routing.constants';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Why an enabled or disabled rule did not match the dispute. */
export type RuleMismatchCode =
  | 'RULE_DISABLED'
  | 'CATEGORY_NOT_LISTED'
  | 'LOCATION_NOT_LISTED'
  | 'CLAIM_AMOUNT_UNKNOWN'
  | 'CLAIM_BELOW_MIN'
  | 'CLAIM_ABOVE_MAX'
  | 'PARTY_TYPE_ABSENT'
  | 'PEOPLE_BELOW_MIN'
  | 'CHANNEL_NOT_LISTED'
  | 'KIND_NOT_LISTED';

export interface RuleMismatch extends Bilingual {
  readonly code: RuleMismatchCode;
}

export interface RuleEvaluation {
  readonly ruleId: string;
  readonly name: string;
  readonly priority: number;
  readonly weight: number;
  readonly matched: boolean;
  /** Every condition that failed (empty when matched). */
  readonly mismatches: readonly RuleMismatch[];
  /** Bodies the rule proposed (only when matched). */
  readonly proposedBodyIds: readonly string[];
  /** Explicit target ids that are not in the registry (only when matched). */
  readonly unknownBodyIds: readonly string[];
}

export type ExclusionCode =
  | 'INACTIVE'
  | 'OUT_OF_JURISDICTION'
  | 'CATEGORY_NOT_HANDLED'
  | 'RETURNED_BEFORE'
  | 'OVER_CAPACITY'
  | 'BELOW_REQUIRED_LEVEL';

export interface CandidateExclusion extends Bilingual {
  readonly code: ExclusionCode;
}

export interface RuleContribution {
  readonly ruleId: string;
  readonly weight: number;
}

export interface CandidateEvaluation {
  readonly bodyId: string;
  readonly name: string;
  readonly kind: BodyKind;
  readonly level: BodyLevel;
  /** 1-based position in the ranking (rule candidates first, escalation-only candidates after). */
  readonly rank: number;
  /** Sum of the weights of the matched rules that proposed the body (0 for escalation-only). */
  readonly score: number;
  /** Highest priority among those rules, null for a body added only by escalation. */
  readonly tier: number | null;
  readonly openCases: number;
  readonly capacity: number;
  readonly loadRatio: number;
  readonly proposedBy: readonly RuleContribution[];
  /** Added from the registry when the dispute escalated to the body's level. */
  readonly viaEscalation: boolean;
  readonly exclusions: readonly CandidateExclusion[];
  readonly selected: boolean;
}

export type EscalationTriggerCode =
  'CLAIM_AMOUNT' | 'PEOPLE_INVOLVED' | 'REPEATED_DISPUTE' | 'LEVEL_OVER_CAPACITY' | 'NO_BODY_AT_LEVEL';

export interface EscalationTrigger extends Bilingual {
  readonly code: EscalationTriggerCode;
  /** For LEVEL_OVER_CAPACITY / NO_BODY_AT_LEVEL: the level that could not take the dispute. */
  readonly level?: BodyLevel;
}

/** Escalation along community → street → district; from = level the rules pointed at. */
export interface Escalation extends Bilingual {
  readonly from: BodyLevel;
  readonly to: BodyLevel;
  readonly triggers: readonly EscalationTrigger[];
}

export type QueueReasonCode =
  'RETURN_LIMIT_REACHED' | 'NO_RULE_MATCHED' | 'NO_ELIGIBLE_CANDIDATE' | 'ALL_OVER_CAPACITY';

export interface QueueReason extends Bilingual {
  readonly code: QueueReasonCode;
}

export interface RoutingExplanation {
  /** One sentence in Chinese and in English saying what was decided and why. */
  readonly summary: Bilingual;
  /** Every rule, by priority (highest first) then id. */
  readonly rules: readonly RuleEvaluation[];
  /** Every candidate body, ranked. */
  readonly candidates: readonly CandidateEvaluation[];
}

export type RoutingOutcome = 'assigned' | 'district_admin_queue';

export interface RoutingDecision {
  readonly disputeId: string;
  readonly outcome: RoutingOutcome;
  readonly bodyId: string | null;
  readonly bodyLevel: BodyLevel | null;
  readonly queueReason: QueueReason | null;
  readonly escalation: Escalation | null;
  readonly returnsCount: number;
  readonly maxReturns: number;
  readonly explanation: RoutingExplanation;
}

export type MediatorExclusionCode = 'INACTIVE' | 'CONFLICT_OF_INTEREST' | 'AT_PERSONAL_LIMIT';

export interface MediatorExclusion extends Bilingual {
  readonly code: MediatorExclusionCode;
  /** For CONFLICT_OF_INTEREST: the declared conflict kind. */
  readonly conflictKind?: ConflictKind;
}

export interface MediatorEvaluation {
  readonly mediatorId: string;
  readonly name: string;
  readonly rank: number;
  readonly specialtyMatch: boolean;
  readonly openCases: number;
  readonly exclusions: readonly MediatorExclusion[];
  readonly selected: boolean;
}

export interface MediatorProposal {
  readonly disputeId: string;
  readonly bodyId: string;
  readonly outcome: 'proposed' | 'none_available';
  readonly mediatorId: string | null;
  /** Mediators of the body, ranked; mediators of other bodies are ignored and counted here. */
  readonly candidates: readonly MediatorEvaluation[];
  readonly ignoredOtherBody: number;
  readonly explanation: Bilingual;
}

export type RuleValidationCode =
  | 'DUPLICATE_RULE_ID'
  | 'INVALID_NUMBER'
  | 'CLAIM_RANGE_CONTRADICTORY'
  | 'EMPTY_CONDITION_LIST'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_STREET'
  | 'UNKNOWN_COMMUNITY'
  | 'UNKNOWN_CHANNEL'
  | 'UNKNOWN_DISPUTE_KIND'
  | 'UNKNOWN_PARTY_TYPE'
  | 'UNKNOWN_BODY'
  | 'UNKNOWN_SELECTOR_VALUE'
  | 'EMPTY_CANDIDATE_SET'
  | 'CONFLICTING_RULES';

export interface RuleValidationError {
  readonly ruleId: string;
  readonly code: RuleValidationCode;
  /** "中文 / English". */
  readonly message: string;
  readonly zh: string;
  readonly en: string;
}
