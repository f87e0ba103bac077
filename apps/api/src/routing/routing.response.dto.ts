import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Bilingual,
  CandidateEvaluation,
  Escalation,
  QueueReason,
  RuleEvaluation,
} from './routing-decision.response.dto';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class RuleConditions {
  @ApiPropertyOptional({ type: [String] })
  categories?: string[];
  @ApiPropertyOptional({ type: [String] })
  streets?: string[];
  @ApiPropertyOptional({ type: [String] })
  communities?: string[];
  @ApiPropertyOptional({
    type: Number,
    description: 'Inclusive, yuan. A dispute without a claim amount fails a claim condition.',
  })
  claimAmountMin?: number;
  @ApiPropertyOptional({ type: Number, description: 'Inclusive, yuan.' })
  claimAmountMax?: number;
  @ApiPropertyOptional({
    enum: ['enterprise', 'individual', 'organisation', 'government'],
    enumName: 'RuleConditionsPartyTypes',
    isArray: true,
    description: "Holds when at least one party has one of these types (e.g. 'enterprise' involved).",
  })
  partyTypes?: ('enterprise' | 'individual' | 'organisation' | 'government')[];
  @ApiPropertyOptional({
    type: Number,
    description: 'Holds when peopleInvolved (or, if absent, the number of parties) is at least this.',
  })
  peopleInvolvedMin?: number;
  @ApiPropertyOptional({
    enum: ['online', 'court', 'window', 'petition', 'grid', 'hotline_12345', 'enterprise'],
    enumName: 'RuleConditionsChannels',
    isArray: true,
  })
  channels?: ('online' | 'court' | 'window' | 'petition' | 'grid' | 'hotline_12345' | 'enterprise')[];
  @ApiPropertyOptional({
    enum: ['peoples', 'administrative', 'judicial'],
    enumName: 'DisputeKind',
    isArray: true,
    description: 'Holds when the dispute is of one of these kinds.',
  })
  disputeKinds?: ('peoples' | 'administrative' | 'judicial')[];
}

export class BodySelector {
  @ApiPropertyOptional({
    enum: ['peoples', 'administrative', 'judicial', 'industry'],
    enumName: 'BodyKind',
    isArray: true,
  })
  kinds?: ('peoples' | 'administrative' | 'judicial' | 'industry')[];
  @ApiPropertyOptional({
    enum: ['district', 'street', 'community'],
    enumName: 'OrgLevel',
    isArray: true,
  })
  levels?: ('district' | 'street' | 'community')[];
  @ApiPropertyOptional({ type: Boolean, description: "Only bodies that accept the dispute's category." })
  matchCategory?: boolean;
  @ApiPropertyOptional({
    type: Boolean,
    description: "Only bodies whose jurisdiction covers the dispute's location.",
  })
  inJurisdiction?: boolean;
}

export class RuleTarget {
  @ApiProperty({ enum: ['bodies', 'selector'], enumName: 'RuleTargetType' })
  type: 'bodies' | 'selector';
  @ApiPropertyOptional({ type: [String] })
  bodyIds?: string[];
  @ApiPropertyOptional({ type: () => BodySelector })
  selector?: BodySelector;
}

export class RoutingRule {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  priority: number;
  @ApiProperty({ type: Boolean })
  enabled: boolean;
  @ApiProperty({ type: () => RuleConditions })
  conditions: RuleConditions;
  @ApiProperty({ type: () => RuleTarget })
  target: RuleTarget;
  @ApiProperty({ type: Number, description: 'Score added to every body the rule proposes.' })
  weight: number;
}

export class ReturnCount {
  @ApiProperty({ type: String })
  bodyId: string;
  @ApiProperty({ type: String })
  reasonCode: string;
  @ApiProperty({ type: Number })
  count: number;
}

export class BodyMediator {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: [String] })
  specialties: string[];
  @ApiProperty({ type: Boolean })
  active: boolean;
  @ApiProperty({ type: Number })
  openCases: number;
}

export class BodyEntry {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String })
  level: string;
  @ApiProperty({ type: [String] })
  categories: string[];
  @ApiProperty({ type: [String] })
  streetCodes: string[];
  @ApiProperty({ type: [String] })
  communityCodes: string[];
  @ApiProperty({ type: Number })
  capacity: number;
  @ApiProperty({ type: Boolean })
  active: boolean;
  @ApiProperty({ type: Number })
  openCases: number;
  @ApiProperty({ type: Number })
  returns: number;
  @ApiProperty({ type: () => [BodyMediator] })
  mediators: BodyMediator[];
}

export class BodyRecord {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({
    type: String,
    description: 'peoples | administrative | judicial | industry | district | hotline | grid',
  })
  kind: string;
  @ApiProperty({ type: String, description: 'community | street | district' })
  level: string;
  @ApiProperty({ type: [String] })
  categories: string[];
  @ApiProperty({ type: [String] })
  streetCodes: string[];
  @ApiProperty({ type: [String] })
  communityCodes: string[];
  @ApiProperty({ type: Number })
  capacity: number;
  @ApiProperty({ type: Boolean })
  active: boolean;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class ConflictDeclaration {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String })
  mediatorId: string;
  @ApiProperty({ type: String, nullable: true })
  createdBy: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String })
  partyKey: string;
}

/** The explanation stored with a decision: the engine's full one, or only the summary of a manual assignment. */
export class StoredExplanation {
  @ApiProperty({ type: () => Bilingual })
  summary: Bilingual;
  @ApiPropertyOptional({ type: () => [RuleEvaluation] })
  rules?: RuleEvaluation[];
  @ApiPropertyOptional({ type: () => [CandidateEvaluation] })
  candidates?: CandidateEvaluation[];
}

/** The decision as stored (the engine's RoutingDecision, or a manual assignment with `manual: true`). */
export class StoredRoutingDecision {
  @ApiProperty({ enum: ['assigned', 'district_admin_queue'], enumName: 'RoutingOutcome' })
  outcome: 'assigned' | 'district_admin_queue';
  @ApiProperty({ type: String, nullable: true })
  bodyId: string | null;
  @ApiPropertyOptional({ type: Boolean })
  manual?: boolean;
  @ApiPropertyOptional({ type: String, description: 'Engine decisions only' })
  disputeId?: string;
  @ApiPropertyOptional({ type: String, enum: ['district', 'street', 'community'], nullable: true })
  bodyLevel?: 'district' | 'street' | 'community' | null;
  @ApiPropertyOptional({ type: () => QueueReason, nullable: true })
  queueReason?: QueueReason | null;
  @ApiPropertyOptional({ type: () => Escalation, nullable: true })
  escalation?: Escalation | null;
  @ApiPropertyOptional({ type: Number })
  returnsCount?: number;
  @ApiPropertyOptional({ type: Number })
  maxReturns?: number;
  @ApiProperty({ type: () => StoredExplanation })
  explanation: StoredExplanation;
}

export class RoutingHistoryEntry {
  @ApiProperty({ type: Number })
  id: number;
  @ApiProperty({ type: String })
  outcome: string;
  @ApiProperty({ type: String, nullable: true })
  bodyId: string | null;
  @ApiProperty({ type: Boolean })
  manual: boolean;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @ApiProperty({ type: String })
  decidedAt: string;
  @ApiProperty({ type: () => StoredRoutingDecision })
  explanation: StoredRoutingDecision;
}

export class MediatorExclusion {
  @ApiProperty({
    enum: ['CONFLICT_OF_INTEREST', 'INACTIVE', 'AT_PERSONAL_LIMIT'],
    enumName: 'MediatorExclusionCode',
  })
  code: 'CONFLICT_OF_INTEREST' | 'INACTIVE' | 'AT_PERSONAL_LIMIT';
  @ApiPropertyOptional({
    enum: ['relative', 'employer', 'prior_involvement'],
    enumName: 'MediatorExclusionConflictKind',
    description: 'For CONFLICT_OF_INTEREST: the declared conflict kind.',
  })
  conflictKind?: 'relative' | 'employer' | 'prior_involvement';
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class MediatorEvaluation {
  @ApiProperty({ type: String })
  mediatorId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  rank: number;
  @ApiProperty({ type: Boolean })
  specialtyMatch: boolean;
  @ApiProperty({ type: Number })
  openCases: number;
  @ApiProperty({ type: () => [MediatorExclusion] })
  exclusions: MediatorExclusion[];
  @ApiProperty({ type: Boolean })
  selected: boolean;
}

export class MediatorProposal {
  @ApiProperty({ type: String })
  disputeId: string;
  @ApiProperty({ type: String })
  bodyId: string;
  @ApiProperty({ enum: ['proposed', 'none_available'], enumName: 'MediatorProposalOutcome' })
  outcome: 'proposed' | 'none_available';
  @ApiProperty({ type: String, nullable: true })
  mediatorId: string | null;
  @ApiProperty({
    type: () => [MediatorEvaluation],
    description: 'Mediators of the body, ranked; mediators of other bodies are ignored and counted here.',
  })
  candidates: MediatorEvaluation[];
  @ApiProperty({ type: Number })
  ignoredOtherBody: number;
  @ApiProperty({ type: () => Bilingual })
  explanation: Bilingual;
}
