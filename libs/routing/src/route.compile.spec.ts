import { compileRouting, route } from './route.engine';
import { ROWS } from './route-rows.fixtures';
import { RULES, dispute, registryWith } from './routing.fixtures';

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
