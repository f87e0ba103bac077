import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class QueueReason {
  @ApiProperty({
    enum: ['RETURN_LIMIT_REACHED', 'NO_RULE_MATCHED', 'NO_ELIGIBLE_CANDIDATE', 'ALL_OVER_CAPACITY'],
    enumName: 'QueueReasonCode',
  })
  code: 'RETURN_LIMIT_REACHED' | 'NO_RULE_MATCHED' | 'NO_ELIGIBLE_CANDIDATE' | 'ALL_OVER_CAPACITY';
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class EscalationTrigger {
  @ApiProperty({
    enum: ['CLAIM_AMOUNT', 'PEOPLE_INVOLVED', 'REPEATED_DISPUTE', 'LEVEL_OVER_CAPACITY', 'NO_BODY_AT_LEVEL'],
    enumName: 'EscalationTriggerCode',
  })
  code: 'CLAIM_AMOUNT' | 'PEOPLE_INVOLVED' | 'REPEATED_DISPUTE' | 'LEVEL_OVER_CAPACITY' | 'NO_BODY_AT_LEVEL';
  @ApiPropertyOptional({
    enum: ['district', 'street', 'community'],
    enumName: 'OrgLevel',
    description: 'For LEVEL_OVER_CAPACITY / NO_BODY_AT_LEVEL: the level that could not take the dispute.',
  })
  level?: 'district' | 'street' | 'community';
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class Escalation {
  @ApiProperty({ enum: ['district', 'street', 'community'], enumName: 'OrgLevel' })
  from: 'district' | 'street' | 'community';
  @ApiProperty({ enum: ['district', 'street', 'community'], enumName: 'OrgLevel' })
  to: 'district' | 'street' | 'community';
  @ApiProperty({ type: () => [EscalationTrigger] })
  triggers: EscalationTrigger[];
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class Bilingual {
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class RuleMismatch {
  @ApiProperty({
    enum: [
      'RULE_DISABLED',
      'CATEGORY_NOT_LISTED',
      'LOCATION_NOT_LISTED',
      'CLAIM_AMOUNT_UNKNOWN',
      'CLAIM_BELOW_MIN',
      'CLAIM_ABOVE_MAX',
      'PARTY_TYPE_ABSENT',
      'PEOPLE_BELOW_MIN',
      'CHANNEL_NOT_LISTED',
      'KIND_NOT_LISTED',
    ],
    enumName: 'RuleMismatchCode',
  })
  code:
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
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class RuleEvaluation {
  @ApiProperty({ type: String })
  ruleId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  priority: number;
  @ApiProperty({ type: Number })
  weight: number;
  @ApiProperty({ type: Boolean })
  matched: boolean;
  @ApiProperty({
    type: () => [RuleMismatch],
    description: 'Every condition that failed (empty when matched).',
  })
  mismatches: RuleMismatch[];
  @ApiProperty({ type: [String], description: 'Bodies the rule proposed (only when matched).' })
  proposedBodyIds: string[];
  @ApiProperty({
    type: [String],
    description: 'Explicit target ids that are not in the registry (only when matched).',
  })
  unknownBodyIds: string[];
}

export class RuleContribution {
  @ApiProperty({ type: String })
  ruleId: string;
  @ApiProperty({ type: Number })
  weight: number;
}

export class CandidateExclusion {
  @ApiProperty({
    enum: [
      'OVER_CAPACITY',
      'INACTIVE',
      'OUT_OF_JURISDICTION',
      'CATEGORY_NOT_HANDLED',
      'RETURNED_BEFORE',
      'BELOW_REQUIRED_LEVEL',
    ],
    enumName: 'ExclusionCode',
  })
  code:
    | 'OVER_CAPACITY'
    | 'INACTIVE'
    | 'OUT_OF_JURISDICTION'
    | 'CATEGORY_NOT_HANDLED'
    | 'RETURNED_BEFORE'
    | 'BELOW_REQUIRED_LEVEL';
  @ApiProperty({ type: String })
  zh: string;
  @ApiProperty({ type: String })
  en: string;
}

export class CandidateEvaluation {
  @ApiProperty({ type: String })
  bodyId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({
    enum: ['peoples', 'administrative', 'judicial', 'industry'],
    enumName: 'BodyKind',
  })
  kind: 'peoples' | 'administrative' | 'judicial' | 'industry';
  @ApiProperty({ enum: ['district', 'street', 'community'], enumName: 'OrgLevel' })
  level: 'district' | 'street' | 'community';
  @ApiProperty({
    type: Number,
    description: '1-based position in the ranking (rule candidates first, escalation-only candidates after).',
  })
  rank: number;
  @ApiProperty({
    type: Number,
    description: 'Sum of the weights of the matched rules that proposed the body (0 for escalation-only).',
  })
  score: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Highest priority among those rules, null for a body added only by escalation.',
  })
  tier: number | null;
  @ApiProperty({ type: Number })
  openCases: number;
  @ApiProperty({ type: Number })
  capacity: number;
  @ApiProperty({ type: Number })
  loadRatio: number;
  @ApiProperty({ type: () => [RuleContribution] })
  proposedBy: RuleContribution[];
  @ApiProperty({
    type: Boolean,
    description: "Added from the registry when the dispute escalated to the body's level.",
  })
  viaEscalation: boolean;
  @ApiProperty({ type: () => [CandidateExclusion] })
  exclusions: CandidateExclusion[];
  @ApiProperty({ type: Boolean })
  selected: boolean;
}

export class RoutingExplanation {
  @ApiProperty({
    type: () => Bilingual,
    description: 'One sentence in Chinese and in English saying what was decided and why.',
  })
  summary: Bilingual;
  @ApiProperty({
    type: () => [RuleEvaluation],
    description: 'Every rule, by priority (highest first) then id.',
  })
  rules: RuleEvaluation[];
  @ApiProperty({ type: () => [CandidateEvaluation], description: 'Every candidate body, ranked.' })
  candidates: CandidateEvaluation[];
}

export class RoutingDecision {
  @ApiProperty({ type: String })
  disputeId: string;
  @ApiProperty({ enum: ['assigned', 'district_admin_queue'], enumName: 'RoutingOutcome' })
  outcome: 'assigned' | 'district_admin_queue';
  @ApiProperty({ type: String, nullable: true })
  bodyId: string | null;
  @ApiProperty({ type: String, enum: ['district', 'street', 'community'], nullable: true })
  bodyLevel: 'district' | 'street' | 'community' | null;
  @ApiProperty({ type: () => QueueReason, nullable: true })
  queueReason: QueueReason | null;
  @ApiProperty({ type: () => Escalation, nullable: true })
  escalation: Escalation | null;
  @ApiProperty({ type: Number })
  returnsCount: number;
  @ApiProperty({ type: Number })
  maxReturns: number;
  @ApiProperty({ type: () => RoutingExplanation })
  explanation: RoutingExplanation;
}
