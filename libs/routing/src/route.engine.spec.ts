import type {
  EscalationTriggerCode,
  ExclusionCode,
  QueueReasonCode,
  RoutingOutcome,
  RuleMismatchCode,
} from './decision.types';
import type { MediationBody, RouteOptions, RoutingDispute } from './routing.types';
import { compileRouting, route } from './route.engine';
import { RULES, dispute, registryWith, rulesOnly } from './routing.fixtures';

interface Row {
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

const enterprise = { type: 'enterprise' as const, keys: ['某某科技有限公司'] };
const person = { type: 'individual' as const, keys: ['13800000001'] };

const ROWS: readonly Row[] = [
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
  {
    name: 'labour goes to the administrative labour centre',
    dispute: { category: 'labour', streetCode: 'S02', communityCode: 'C0201' },
    outcome: 'assigned',
    winner: 'labour-admin',
    excluded: { 'labour-admin': [], 'pm-s02': [] },
  },
  {
    name: 'court-referred labour dispute goes to the court centre',
    dispute: { category: 'labour', channel: 'court' },
    outcome: 'assigned',
    winner: 'court-center',
  },
  {
    name: 'enterprise contract dispute goes to the commercial centre',
    dispute: { category: 'contract', claimAmount: 50_000, parties: [enterprise, person] },
    outcome: 'assigned',
    winner: 'commerce-industry',
    mismatches: { 'r-big-contract': ['CLAIM_BELOW_MIN'] },
  },
  {
    name: 'contract between individuals goes to the street',
    dispute: { category: 'contract', claimAmount: 50_000 },
    outcome: 'assigned',
    winner: 'pm-s01',
    mismatches: { 'r-enterprise': ['PARTY_TYPE_ABSENT'] },
  },
  {
    name: 'contract without a claim amount fails the claim rule',
    dispute: { category: 'contract', parties: [enterprise] },
    outcome: 'assigned',
    winner: 'commerce-industry',
    mismatches: { 'r-big-contract': ['CLAIM_AMOUNT_UNKNOWN'] },
  },
  {
    name: 'two-million enterprise contract, threshold at district already',
    dispute: { category: 'contract', claimAmount: 2_000_000, parties: [enterprise] },
    outcome: 'assigned',
    winner: 'commerce-industry',
    says: ['大额合同商事纠纷', 'score 130'],
  },
  {
    name: 'IP tie on tier and score: lower load ratio wins',
    dispute: { category: 'ip', parties: [enterprise] },
    outcome: 'assigned',
    winner: 'ip-industry',
  },
  {
    name: 'IP tie: load ratio flips the winner',
    dispute: { category: 'ip', parties: [enterprise] },
    bodies: { 'ip-industry': { openCases: 5, capacity: 20 } },
    outcome: 'assigned',
    winner: 'commerce-industry',
  },
  {
    name: 'IP tie on load ratio: id decides',
    dispute: { category: 'ip', parties: [enterprise] },
    bodies: { 'ip-industry': { openCases: 5, capacity: 40 } },
    outcome: 'assigned',
    winner: 'commerce-industry',
  },
  {
    name: 'traffic committee full: same-level district committee takes it',
    dispute: { category: 'traffic' },
    bodies: { 'traffic-district': { openCases: 30 } },
    outcome: 'assigned',
    winner: 'pm-district',
    escalation: null,
    excluded: { 'traffic-district': ['OVER_CAPACITY'] },
  },
  {
    name: 'land expropriation to administrative mediation',
    dispute: { category: 'land_expropriation', streetCode: 'S03', communityCode: 'C0301' },
    outcome: 'assigned',
    winner: 'land-admin',
  },
  {
    name: 'consumer dispute to market regulation',
    dispute: { category: 'consumer' },
    outcome: 'assigned',
    winner: 'consumer-admin',
  },
  {
    name: 'group property dispute to the property committee',
    dispute: { category: 'property', peopleInvolved: 6 },
    outcome: 'assigned',
    winner: 'property-industry',
  },
  {
    name: 'property committee and district committee full: falls back to the community',
    dispute: { category: 'property', peopleInvolved: 6 },
    bodies: { 'property-industry': { openCases: 20 }, 'pm-district': { openCases: 100 } },
    outcome: 'assigned',
    winner: 'pm-c0101',
    escalation: null,
    says: ['改派排名其后的候选', 'next-ranked candidate'],
  },
  {
    name: 'petition goes to the street first',
    dispute: { channel: 'petition' },
    outcome: 'assigned',
    winner: 'pm-s01',
    says: ['信访纠纷交街道'],
  },
  {
    name: 'no location: only district-wide bodies',
    dispute: { streetCode: undefined, communityCode: undefined },
    outcome: 'assigned',
    winner: 'pm-district',
    excluded: { 'pm-district': [] },
  },
  {
    name: 'location outside every listed jurisdiction',
    dispute: { streetCode: 'S99', communityCode: 'C9999' },
    outcome: 'assigned',
    winner: 'pm-district',
  },
  {
    name: 'explicit target out of jurisdiction is excluded',
    dispute: { streetCode: 'S02', communityCode: 'C0201' },
    rules: ['r-x'],
    outcome: 'district_admin_queue',
    queue: 'NO_ELIGIBLE_CANDIDATE',
    excluded: { 'pm-c0101': ['OUT_OF_JURISDICTION'] },
  },
  {
    name: 'category nobody accepts',
    dispute: { category: 'astrology' },
    outcome: 'district_admin_queue',
    queue: 'NO_ELIGIBLE_CANDIDATE',
    excluded: { 'pm-district': ['CATEGORY_NOT_HANDLED'] },
    says: ['转区级管理员队列', 'district admin queue'],
  },
  {
    name: 'no rule matches',
    dispute: { category: 'family' },
    rules: ['r-medical', 'r-old'],
    outcome: 'district_admin_queue',
    queue: 'NO_RULE_MATCHED',
    says: ['没有启用的分派规则', 'no enabled routing rule'],
  },
  {
    name: 'everything full up the ladder',
    dispute: { streetCode: 'S02', communityCode: 'C0202' },
    bodies: { 'pm-s02': { openCases: 40 }, 'pm-district': { openCases: 100 } },
    outcome: 'district_admin_queue',
    queue: 'ALL_OVER_CAPACITY',
    escalation: {
      from: 'community',
      to: 'district',
      triggers: ['LEVEL_OVER_CAPACITY', 'LEVEL_OVER_CAPACITY'],
    },
    says: ['均已满负荷'],
  },
  {
    name: 'threshold with community-only rules: street picked from the registry',
    dispute: { claimAmount: 600_000 },
    rules: ['r-community'],
    outcome: 'assigned',
    winner: 'pm-s01',
    viaEscalation: true,
    says: ['升级后按辖区与受理范围'],
  },
  {
    name: 'threshold, street full: district picked from the registry',
    dispute: { claimAmount: 600_000, streetCode: 'S02', communityCode: 'C0201' },
    rules: ['r-community'],
    bodies: { 'pm-s02': { openCases: 40 } },
    outcome: 'assigned',
    winner: 'pm-district',
    viaEscalation: true,
    escalation: { from: 'community', to: 'district', triggers: ['CLAIM_AMOUNT', 'LEVEL_OVER_CAPACITY'] },
  },
  {
    name: 'returned once by the community: street takes it',
    dispute: { returns: [{ bodyId: 'pm-c0101', reason: 'PARTY_UNREACHABLE' }] },
    outcome: 'assigned',
    winner: 'pm-s01',
    excluded: { 'pm-c0101': ['RETURNED_BEFORE'] },
  },
  {
    name: 'returned twice: district admin queue',
    dispute: {
      returns: [
        { bodyId: 'pm-c0101', reason: 'NOT_IN_SCOPE' },
        { bodyId: 'pm-s01', reason: 'OTHER' },
      ],
    },
    outcome: 'district_admin_queue',
    queue: 'RETURN_LIMIT_REACHED',
    says: ['已被退回 2 次', 'returned 2 times'],
  },
  {
    name: 'returned twice with limit 3: next candidate',
    options: { maxReturns: 3 },
    dispute: {
      returns: [
        { bodyId: 'pm-c0101', reason: 'NOT_IN_SCOPE' },
        { bodyId: 'pm-s01', reason: 'OTHER' },
      ],
    },
    outcome: 'assigned',
    winner: 'pm-district',
  },
];

const EXTRA_RULES = [
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

describe('route: table of disputes', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const rules = row.rules
      ? [...rulesOnly(row.rules), ...EXTRA_RULES.filter((r) => row.rules?.includes(r.id))]
      : RULES;
    const decision = route(dispute(row.dispute), registryWith(row.bodies), rules, row.options);
    expect(decision.outcome).toBe(row.outcome);
    expect(decision.bodyId).toBe(row.winner ?? null);
    if (row.queue) expect(decision.queueReason?.code).toBe(row.queue);
    else expect(decision.queueReason).toBeNull();
    if (row.escalation === null) expect(decision.escalation).toBeNull();
    if (row.escalation) {
      expect(decision.escalation).toMatchObject({ from: row.escalation.from, to: row.escalation.to });
      expect(decision.escalation?.triggers.map((t) => t.code)).toEqual(row.escalation.triggers);
    }
    const text = `${decision.explanation.summary.zh}\n${decision.explanation.summary.en}`;
    for (const s of row.says ?? []) expect(text).toContain(s);
    const byId = new Map(decision.explanation.candidates.map((c) => [c.bodyId, c]));
    for (const [id, codes] of Object.entries(row.excluded ?? {})) {
      expect(byId.get(id)?.exclusions.map((e) => e.code)).toEqual(codes);
    }
    const rulesById = new Map(decision.explanation.rules.map((r) => [r.ruleId, r]));
    for (const [id, codes] of Object.entries(row.mismatches ?? {})) {
      expect(rulesById.get(id)?.mismatches.map((m) => m.code)).toEqual(codes);
    }
    const selected = decision.explanation.candidates.filter((c) => c.selected).map((c) => c.bodyId);
    expect(selected).toEqual(row.winner ? [row.winner] : []);
    if (row.viaEscalation !== undefined)
      expect(byId.get(row.winner ?? '')?.viaEscalation).toBe(row.viaEscalation);
  });
});

describe('route: explanation', () => {
  it('lists every rule, highest priority first, with why the others did not match', () => {
    const d = route(dispute({ category: 'medical', channel: 'grid' }), registryWith(), RULES);
    expect(d.explanation.rules.map((r) => r.ruleId)).toEqual([
      'r-old',
      'r-land',
      'r-medical',
      'r-traffic',
      'r-court',
      'r-big-contract',
      'r-enterprise',
      'r-consumer',
      'r-labour',
      'r-property-group',
      'r-petition',
      'r-community',
      'r-street',
      'r-district',
    ]);
    expect(d.explanation.rules.filter((r) => r.matched).map((r) => r.ruleId)).toEqual([
      'r-medical',
      'r-street',
      'r-district',
    ]);
    for (const r of d.explanation.rules)
      expect(r.matched ? r.mismatches.length === 0 : r.mismatches.length > 0).toBe(true);
    const medical = d.explanation.rules.find((r) => r.ruleId === 'r-medical');
    expect(medical?.proposedBodyIds).toEqual(['med-district']);
    expect(d.explanation.rules.find((r) => r.ruleId === 'r-court')?.mismatches[0].zh).toContain('网格上报');
  });

  it('ranks candidates with scores, tiers and 1-based ranks', () => {
    const d = route(dispute({ category: 'medical' }), registryWith(), RULES);
    const [first, second] = d.explanation.candidates;
    expect(first).toMatchObject({ bodyId: 'med-district', rank: 1, score: 100, tier: 100, selected: true });
    expect(second).toMatchObject({ bodyId: 'pm-district', rank: 2, score: 1, tier: 0, selected: false });
    expect(first.proposedBy).toEqual([{ ruleId: 'r-medical', weight: 100 }]);
  });

  it('accumulates weights of several matched rules', () => {
    const d = route(
      dispute({ category: 'contract', claimAmount: 2_000_000, parties: [enterprise] }),
      registryWith(),
      RULES,
    );
    const c = d.explanation.candidates.find((x) => x.bodyId === 'commerce-industry');
    expect(c).toMatchObject({ score: 130, tier: 85 });
  });

  it('reports explicit target ids missing from the registry', () => {
    const rules = [
      { ...EXTRA_RULES[0], target: { type: 'bodies' as const, bodyIds: ['ghost', 'pm-c0101'] } },
    ];
    const d = route(dispute(), registryWith(), rules);
    expect(d.explanation.rules[0].unknownBodyIds).toEqual(['ghost']);
    expect(d.bodyId).toBe('pm-c0101');
  });
});

describe('route: dispute kind condition', () => {
  const adminRule = {
    id: 'r-admin-labour',
    name: '行政调解交主管部门',
    priority: 200,
    weight: 10,
    enabled: true,
    conditions: { disputeKinds: ['administrative' as const] },
    target: {
      type: 'selector' as const,
      selector: { kinds: ['administrative' as const], matchCategory: true },
    },
  };

  it('sends an administrative dispute to the administrative body and leaves the others alone', () => {
    const rules = [...RULES, adminRule];
    const admin = route(dispute({ category: 'labour', kind: 'administrative' }), registryWith(), rules);
    expect(admin.bodyId).toBe('labour-admin');
    expect(admin.explanation.rules.find((r) => r.ruleId === 'r-admin-labour')?.matched).toBe(true);
    for (const kind of [undefined, 'peoples', 'judicial'] as const) {
      const other = route(dispute({ category: 'labour', kind }), registryWith(), rules);
      expect(other.bodyId).toBe(route(dispute({ category: 'labour' }), registryWith(), RULES).bodyId);
      const evaluation = other.explanation.rules.find((r) => r.ruleId === 'r-admin-labour');
      expect(evaluation?.mismatches.map((m) => m.code)).toEqual(['KIND_NOT_LISTED']);
      expect(evaluation?.mismatches[0].zh).toContain(kind === 'judicial' ? '司法调解' : '人民调解');
    }
  });
});

describe('compileRouting', () => {
  it('gives the same decisions as route() and can be reused', () => {
    const router = compileRouting(registryWith(), RULES);
    for (const row of ROWS.filter((r) => !r.rules && !r.bodies && !r.options)) {
      const d = dispute(row.dispute);
      expect(router.route(d)).toEqual(route(d, registryWith(), RULES));
      expect(router.route(d)).toEqual(router.route(d));
    }
    expect(router.bodyCount).toBe(18);
    expect(router.ruleCount).toBe(RULES.length);
  });

  it('does not depend on the order of rules or bodies in the snapshot', () => {
    const reversed = { ...registryWith(), bodies: [...registryWith().bodies].reverse() };
    for (const row of ROWS.filter((r) => !r.rules && !r.bodies)) {
      const a = route(dispute(row.dispute), registryWith(), RULES, row.options);
      const b = route(dispute(row.dispute), reversed, [...RULES].reverse(), row.options);
      expect(b.bodyId).toBe(a.bodyId);
      expect(b.explanation.candidates.map((c) => c.bodyId)).toEqual(
        a.explanation.candidates.map((c) => c.bodyId),
      );
    }
  });

  it('applies compile-time defaults, overridable per call', () => {
    const router = compileRouting(registryWith(), RULES, { claimAmountThreshold: 100_000 });
    expect(router.route(dispute({ claimAmount: 200_000 })).bodyId).toBe('pm-s01');
    expect(router.route(dispute({ claimAmount: 200_000 }), { claimAmountThreshold: 300_000 }).bodyId).toBe(
      'pm-c0101',
    );
  });
});
