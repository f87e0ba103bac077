import type { DisputeReturn, RoutingDispute } from './routing.types';
import {
  RETURN_REASONS,
  RETURN_REASON_CODES,
  isReturnReasonCode,
  returnReasonLabelZh,
} from './return-reason.constants';
import { compileRouting } from './route.engine';
import { ROUTING_DEFAULTS } from './routing.constants';
import { RULES, dispute, registryWith } from './routing.fixtures';

describe('return reasons (退单原因)', () => {
  it.each([
    ['NOT_IN_JURISDICTION', '不属于本辖区'],
    ['NOT_IN_SCOPE', '不属于受理范围'],
    ['CONFLICT_OF_INTEREST', '存在利害关系'],
    ['OVER_CAPACITY', '超出承办能力'],
    ['ALREADY_IN_LITIGATION', '已进入诉讼程序'],
    ['PARTY_UNREACHABLE', '当事人无法联系'],
    ['OTHER', '其他'],
  ])('%s is labelled %s', (code, zh) => {
    expect(isReturnReasonCode(code)).toBe(true);
    expect(returnReasonLabelZh(code)).toBe(zh);
  });

  it('has exactly the seven codes, each with an English label', () => {
    expect(RETURN_REASON_CODES).toHaveLength(7);
    expect(RETURN_REASONS.every((r) => r.en.length > 0)).toBe(true);
    expect(isReturnReasonCode('LAZY')).toBe(false);
  });
});

describe('returns (退单) during routing', () => {
  const router = compileRouting(registryWith(), RULES);

  /** Routes, lets the winner return the dispute, and repeats until the district admin queue. */
  function bounce(start: RoutingDispute, maxReturns?: number) {
    const decisions = [];
    let d = start;
    for (let i = 0; i < 10; i++) {
      const decision = router.route(d, maxReturns === undefined ? undefined : { maxReturns });
      decisions.push(decision);
      if (decision.outcome !== 'assigned' || decision.bodyId === null) break;
      const ret: DisputeReturn = { bodyId: decision.bodyId, reason: 'NOT_IN_SCOPE' };
      d = { ...d, returns: [...(d.returns ?? []), ret] };
    }
    return decisions;
  }

  it('a dispute returned twice lands with the district admin', () => {
    const decisions = bounce(dispute());
    expect(decisions.map((d) => d.bodyId)).toEqual(['pm-c0101', 'pm-s01', null]);
    const last = decisions[2];
    expect(last.outcome).toBe('district_admin_queue');
    expect(last.queueReason?.code).toBe('RETURN_LIMIT_REACHED');
    expect(last.returnsCount).toBe(2);
    expect(last.maxReturns).toBe(ROUTING_DEFAULTS.maxReturns);
    expect(last.explanation.summary.zh).toContain('已被退回 2 次（上限 2 次）');
    // the district committee was still available: the limit, not a lack of candidates, stopped it
    const district = last.explanation.candidates.find((c) => c.bodyId === 'pm-district');
    expect(district?.exclusions).toEqual([]);
    expect(last.explanation.candidates.every((c) => !c.selected)).toBe(true);
  });

  it('never sends the dispute back to a body that returned it', () => {
    const decisions = bounce(dispute({ category: 'medical' }), 10);
    const winners = decisions.map((d) => d.bodyId).filter((x): x is string => x !== null);
    expect(new Set(winners).size).toBe(winners.length);
    expect(winners).toEqual(['med-district', 'pm-district']);
    expect(decisions.at(-1)?.queueReason?.code).toBe('NO_ELIGIBLE_CANDIDATE');
    const excluded = decisions[1].explanation.candidates.find((c) => c.bodyId === 'med-district');
    expect(excluded?.exclusions.map((e) => e.code)).toEqual(['RETURNED_BEFORE']);
  });

  it('the limit is configurable', () => {
    expect(bounce(dispute(), 1).map((d) => d.bodyId)).toEqual(['pm-c0101', null]);
    expect(bounce(dispute(), 3).map((d) => d.bodyId)).toEqual(['pm-c0101', 'pm-s01', 'pm-district', null]);
  });

  it('counts every return, also two by the same body', () => {
    const twice: DisputeReturn[] = [
      { bodyId: 'pm-c0101', reason: 'PARTY_UNREACHABLE' },
      { bodyId: 'pm-c0101', reason: 'OTHER' },
    ];
    expect(router.route(dispute({ returns: twice })).queueReason?.code).toBe('RETURN_LIMIT_REACHED');
  });
});
