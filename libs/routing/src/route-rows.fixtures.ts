/** Spec fixtures: the table of disputes and expected decisions shared by the route specs. */
import type {
  EscalationTriggerCode,
  ExclusionCode,
  QueueReasonCode,
  RoutingOutcome,
  RuleMismatchCode,
} from './decision.types';
import type { MediationBody, RouteOptions, RoutingDispute } from './routing.types';
import { TARGET_ROWS } from './route-target-rows.fixtures';

export interface RouteRow {
  readonly name: string;
  readonly dispute?: Partial<RoutingDispute>;
  readonly bodies?: Readonly<Record<string, Partial<MediationBody>>>;
  readonly rules?: readonly string[];
  readonly options?: RouteOptions;
  readonly outcome: RoutingOutcome;
  readonly winner?: string;
  readonly queue?: QueueReasonCode;
  /** null: no escalation expected. */
  readonly escalation?: { from: string; to: string; triggers: EscalationTriggerCode[] } | null;
  /** Substrings of the Chinese and English summary (each must be in one of them). */
  readonly says?: readonly string[];
  /** Exact exclusion codes of listed candidates. */
  readonly excluded?: Readonly<Record<string, ExclusionCode[]>>;
  readonly mismatches?: Readonly<Record<string, RuleMismatchCode[]>>;
  readonly viaEscalation?: boolean;
}

/** Rule ids a row can name besides the fixture rule set. */
export const EXTRA_RULES = [
  {
    id: 'r-x',
    name: '指定城东一社区',
    priority: 1,
    weight: 1,
    enabled: true,
    conditions: {},
    target: { type: 'bodies' as const, bodyIds: ['pm-c0101'] },
  },
];

/** Where a dispute lands by location, load and escalation triggers. */
const LOCALITY_ROWS: readonly RouteRow[] = [
  {
    name: 'neighbour dispute stays in its community',
    outcome: 'assigned',
    winner: 'pm-c0101',
    escalation: null,
    says: [
      '分派至「城东一社区人民调解委员会」',
      '基层纠纷就地化解',
      'Assigned to "城东一社区人民调解委员会" (community level',
    ],
    mismatches: {
      'r-medical': ['CATEGORY_NOT_LISTED'],
      'r-old': ['RULE_DISABLED'],
      'r-court': ['CHANNEL_NOT_LISTED'],
    },
  },
  {
    name: 'community at 19/20 still takes it',
    dispute: { communityCode: 'C0102' },
    outcome: 'assigned',
    winner: 'pm-c0102',
    escalation: null,
  },
  {
    name: 'community full (20/20) escalates to the street',
    dispute: { category: 'family', streetCode: 'S02', communityCode: 'C0202' },
    outcome: 'assigned',
    winner: 'pm-s02',
    escalation: { from: 'community', to: 'street', triggers: ['LEVEL_OVER_CAPACITY'] },
    says: ['由社区级升级至街道级', 'escalated from community level to street level', 'over capacity'],
    excluded: { 'pm-c0202': ['OVER_CAPACITY'], 'pm-s02': [] },
  },
  {
    name: 'inactive community body is skipped, street takes it',
    dispute: { streetCode: 'S03', communityCode: 'C0301' },
    outcome: 'assigned',
    winner: 'pm-s03',
    escalation: null,
    excluded: { 'pm-c0301': ['INACTIVE'] },
  },
  {
    name: 'medical dispute goes to the medical committee',
    dispute: { category: 'medical' },
    outcome: 'assigned',
    winner: 'med-district',
    says: ['医疗纠纷交医调委', 'score 100'],
    mismatches: { 'r-community': ['CATEGORY_NOT_LISTED'] },
  },
  {
    name: 'large medical claim: already at district level',
    dispute: { category: 'medical', claimAmount: 800_000 },
    outcome: 'assigned',
    winner: 'med-district',
    escalation: { from: 'district', to: 'district', triggers: ['CLAIM_AMOUNT'] },
    says: ['已是区级', '800,000 yuan'],
  },
  {
    name: 'claim of 600,000 yuan escalates a neighbour dispute to the street',
    dispute: { claimAmount: 600_000 },
    outcome: 'assigned',
    winner: 'pm-s01',
    escalation: { from: 'community', to: 'street', triggers: ['CLAIM_AMOUNT'] },
    says: ['标的额 600,000 元达到 500,000 元的升级标准', 'reaches the 500,000 yuan threshold'],
    excluded: { 'pm-c0101': ['BELOW_REQUIRED_LEVEL'] },
  },
  {
    name: 'claim just below the threshold stays local',
    dispute: { claimAmount: 499_999 },
    outcome: 'assigned',
    winner: 'pm-c0101',
    escalation: null,
  },
  {
    name: 'claim exactly at the threshold escalates',
    dispute: { claimAmount: 500_000 },
    outcome: 'assigned',
    winner: 'pm-s01',
  },
  {
    name: '12 people involved escalates',
    dispute: { peopleInvolved: 12 },
    outcome: 'assigned',
    winner: 'pm-s01',
    escalation: { from: 'community', to: 'street', triggers: ['PEOPLE_INVOLVED'] },
    says: ['涉及 12 人'],
  },
  {
    name: '9 people involved does not escalate',
    dispute: { peopleInvolved: 9 },
    outcome: 'assigned',
    winner: 'pm-c0101',
    escalation: null,
  },
  {
    name: 'repeated dispute escalates',
    dispute: { category: 'family', repeated: true },
    outcome: 'assigned',
    winner: 'pm-s01',
    escalation: { from: 'community', to: 'street', triggers: ['REPEATED_DISPUTE'] },
    says: ['属于重复纠纷', 'repeated dispute'],
  },
  {
    name: 'repeated escalation can be switched off',
    dispute: { repeated: true },
    options: { escalateRepeated: false },
    outcome: 'assigned',
    winner: 'pm-c0101',
  },
  {
    name: 'claim threshold is configurable',
    dispute: { claimAmount: 200_000 },
    options: { claimAmountThreshold: 100_000 },
    outcome: 'assigned',
    winner: 'pm-s01',
  },
  {
    name: 'community code alone locates the dispute (street inferred)',
    dispute: { streetCode: undefined, claimAmount: 600_000 },
    outcome: 'assigned',
    winner: 'pm-s01',
  },
];

/** Every row, in table order: locality first, then targets by category, fallbacks and returns. */
export const ROWS: readonly RouteRow[] = [...LOCALITY_ROWS, ...TARGET_ROWS];
