import type { RoutingDecision } from '@tiaojie/routing';
import type { FireOptions } from './case-transition.service';

/** What staff see of a routing decision: the sentence, the escalation, the ranked candidates. */
export function routingSummary(d: RoutingDecision) {
  return {
    why: d.explanation.summary.zh,
    whyEn: d.explanation.summary.en,
    outcome: d.outcome,
    bodyId: d.bodyId,
    queueReason: d.queueReason?.code ?? null,
    escalation: d.escalation ?? null,
    returnsCount: d.returnsCount,
    rulesMatched: d.explanation.rules.filter((r) => r.matched).map((r) => r.ruleId),
    candidates: d.explanation.candidates.slice(0, 8),
  };
}

/** The lifecycle action a routing decision calls for: to the chosen body, or to the district's queue. */
export function routingTransition(decision: RoutingDecision): [string, FireOptions] {
  const routing = routingSummary(decision);
  if (decision.outcome !== 'assigned' || !decision.bodyId) {
    return [
      'send_to_district',
      {
        reason: routing.why,
        data: { queueReason: decision.queueReason?.code ?? null },
        patch: { routing, bodyId: null, mediatorId: null },
      },
    ];
  }
  return [
    'route',
    {
      reason: routing.why,
      data: { bodyId: decision.bodyId, escalation: decision.escalation?.to ?? null },
      patch: { bodyId: decision.bodyId, mediatorId: null, routing },
    },
  ];
}
