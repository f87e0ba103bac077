import { route } from './route.engine';
import { EXTRA_RULES } from './route-rows.fixtures';
import { enterprise } from './route-target-rows.fixtures';
import { RULES, dispute, registryWith } from './routing.fixtures';

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
