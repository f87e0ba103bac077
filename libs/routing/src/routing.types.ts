/** Input types of the routing engine: the registry snapshot, the rules, the dispute and options. */
import type { CategoryCode } from './dispute-category.constants';
import type { ReturnReasonCode } from './return-reason.constants';
import type {
  BodyKind,
  BodyLevel,
  ConflictKind,
  DisputeKind,
  IntakeChannel,
  PartyType,
} from './routing.constants';

/** Where a body works. District-level bodies cover the whole district whatever is listed here. */
export interface Jurisdiction {
  readonly streets: readonly string[];
  readonly communities: readonly string[];
}

/** A mediation body (调解组织) as seen in one registry snapshot. */
export interface MediationBody {
  readonly id: string;
  readonly name: string;
  readonly kind: BodyKind;
  readonly level: BodyLevel;
  /** Categories the body accepts (受理范围). */
  readonly categories: readonly CategoryCode[];
  readonly jurisdiction: Jurisdiction;
  /** Maximum number of open cases. A body with openCases >= capacity is over capacity. */
  readonly capacity: number;
  /** Current open-case load. */
  readonly openCases: number;
  readonly active: boolean;
}

/** A declared conflict of interest of a mediator with one party identity. */
export interface ConflictOfInterest {
  readonly kind: ConflictKind;
  /** Party identity (phone, ID number, organisation name); compared after normalisePartyKey. */
  readonly partyKey: string;
  readonly note?: string;
}

export interface Mediator {
  readonly id: string;
  readonly name: string;
  readonly bodyId: string;
  readonly active: boolean;
  readonly specialties: readonly CategoryCode[];
  /** Current open-case load. */
  readonly openCases: number;
  /** Optional personal limit; a mediator with openCases >= maxOpenCases is not proposed. */
  readonly maxOpenCases?: number;
  readonly conflicts: readonly ConflictOfInterest[];
}

/** A street (街道) and its communities (社区), for validation and for inferring a dispute's street. */
export interface StreetArea {
  readonly code: string;
  readonly name?: string;
  readonly communities: readonly string[];
}

/** An in-memory registry snapshot. */
export interface RoutingRegistry {
  readonly bodies: readonly MediationBody[];
  readonly mediators?: readonly Mediator[];
  /** The district's streets and communities; when absent they are derived from body jurisdictions. */
  readonly streets?: readonly StreetArea[];
}

/**
 * Conditions of a rule; every given condition must hold (AND). An absent or empty list imposes nothing
 * (validateRules rejects empty lists). streets and communities together form one location condition
 * that holds when the dispute's street OR community is listed.
 */
export interface RuleConditions {
  readonly categories?: readonly CategoryCode[];
  readonly streets?: readonly string[];
  readonly communities?: readonly string[];
  /** Inclusive, yuan. A dispute without a claim amount fails a claim condition. */
  readonly claimAmountMin?: number;
  /** Inclusive, yuan. */
  readonly claimAmountMax?: number;
  /** Holds when at least one party has one of these types (e.g. 'enterprise' involved). */
  readonly partyTypes?: readonly PartyType[];
  /** Holds when peopleInvolved (or, if absent, the number of parties) is at least this. */
  readonly peopleInvolvedMin?: number;
  readonly channels?: readonly IntakeChannel[];
  /** Holds when the dispute is of one of these kinds (a dispute without a kind counts as 'peoples'). */
  readonly disputeKinds?: readonly DisputeKind[];
}

/** Selects candidate bodies from the registry. Omitted filters select everything. */
export interface BodySelector {
  readonly kinds?: readonly BodyKind[];
  readonly levels?: readonly BodyLevel[];
  /** Only bodies that accept the dispute's category. */
  readonly matchCategory?: boolean;
  /** Only bodies whose jurisdiction covers the dispute's location. */
  readonly inJurisdiction?: boolean;
}

export type RuleTarget =
  | { readonly type: 'bodies'; readonly bodyIds: readonly string[] }
  | { readonly type: 'selector'; readonly selector: BodySelector };

/**
 * A routing rule (data, not code). Ranking of candidates: highest priority of the matched rules that
 * propose the body first, then the sum of those rules' weights, then lower load ratio, then body id.
 */
export interface RoutingRule {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly enabled: boolean;
  readonly conditions: RuleConditions;
  readonly target: RuleTarget;
  /** Score added to every body the rule proposes. */
  readonly weight: number;
}

export interface RoutingParty {
  readonly type: PartyType;
  /** Identities of the party (phone, ID number, organisation name); compared after normalisePartyKey. */
  readonly keys: readonly string[];
  readonly name?: string;
}

/** A return (退单) of this dispute by a body it had been assigned to. */
export interface DisputeReturn {
  readonly bodyId: string;
  readonly reason: ReturnReasonCode;
  readonly note?: string;
}

export interface RoutingDispute {
  readonly id: string;
  readonly category: CategoryCode;
  readonly channel: IntakeChannel;
  /** 人民调解 (default), 行政调解 or 司法调解. */
  readonly kind?: DisputeKind;
  readonly streetCode?: string;
  readonly communityCode?: string;
  /** 标的额, yuan. */
  readonly claimAmount?: number;
  readonly peopleInvolved?: number;
  readonly parties: readonly RoutingParty[];
  /** Repeated dispute flag (重复纠纷/多次反映). */
  readonly repeated?: boolean;
  /** Bodies that already returned this dispute, oldest first. */
  readonly returns?: readonly DisputeReturn[];
}

export interface RouteOptions {
  readonly maxReturns?: number;
  readonly claimAmountThreshold?: number;
  readonly peopleInvolvedThreshold?: number;
  readonly escalateRepeated?: boolean;
}
