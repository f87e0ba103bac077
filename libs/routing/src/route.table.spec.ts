import { route } from './route.engine';
import { EXTRA_RULES, ROWS } from './route-rows.fixtures';
import { RULES, dispute, registryWith, rulesOnly } from './routing.fixtures';

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
