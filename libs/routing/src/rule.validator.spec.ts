import type { RuleValidationCode } from './decision.types';
import type { RoutingRule } from './routing.types';
import { DISPUTE_CATEGORY_CODES } from './dispute-category.constants';
import { RULES, registryWith } from './routing.fixtures';
import { validateRules } from './rule.validator';

const CATS = DISPUTE_CATEGORY_CODES;

function rule(id: string, over: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    name: `rule ${id}`,
    priority: 10,
    weight: 10,
    enabled: true,
    conditions: { categories: ['neighbour'] },
    target: { type: 'bodies', bodyIds: ['pm-c0101'] },
    ...over,
  };
}
const validate = (rules: RoutingRule[]) => validateRules(rules, CATS, registryWith());

describe('validateRules', () => {
  it('accepts the fixture rule set and a plain rule', () => {
    expect(validate([...RULES])).toEqual([]);
    expect(validate([rule('a')])).toEqual([]);
  });

  const cases: [RuleValidationCode, RoutingRule[], string][] = [
    ['DUPLICATE_RULE_ID', [rule('a'), rule('a', { priority: 1 })], '重复'],
    ['INVALID_NUMBER', [rule('a', { weight: Number.NaN })], 'weight'],
    ['INVALID_NUMBER', [rule('a', { priority: Number.POSITIVE_INFINITY })], 'priority'],
    ['INVALID_NUMBER', [rule('a', { conditions: { claimAmountMin: -1 } })], 'claimAmountMin'],
    ['INVALID_NUMBER', [rule('a', { conditions: { peopleInvolvedMin: 2.5 } })], 'peopleInvolvedMin'],
    [
      'CLAIM_RANGE_CONTRADICTORY',
      [rule('a', { conditions: { claimAmountMin: 100_000, claimAmountMax: 50_000 } })],
      '下限 100000 大于上限 50000',
    ],
    [
      'EMPTY_CONDITION_LIST',
      [rule('a', { conditions: { categories: ['neighbour'], channels: [] } })],
      'channels',
    ],
    [
      'UNKNOWN_CATEGORY',
      [rule('a', { conditions: { categories: ['neighbour', 'astrology'] } })],
      'astrology',
    ],
    ['UNKNOWN_STREET', [rule('a', { conditions: { streets: ['S01', 'S99'] } })], 'S99'],
    ['UNKNOWN_COMMUNITY', [rule('a', { conditions: { communities: ['C0101', 'C9999'] } })], 'C9999'],
    ['UNKNOWN_CHANNEL', [rule('a', { conditions: { channels: ['fax' as never] } })], 'fax'],
    ['UNKNOWN_DISPUTE_KIND', [rule('a', { conditions: { disputeKinds: ['martial' as never] } })], 'martial'],
    ['UNKNOWN_PARTY_TYPE', [rule('a', { conditions: { partyTypes: ['alien' as never] } })], 'alien'],
    ['UNKNOWN_BODY', [rule('a', { target: { type: 'bodies', bodyIds: ['pm-c0101', 'ghost'] } })], 'ghost'],
    [
      'UNKNOWN_SELECTOR_VALUE',
      [rule('a', { target: { type: 'selector', selector: { kinds: ['peoples', 'church' as never] } } })],
      'church',
    ],
    [
      'EMPTY_CANDIDATE_SET',
      [rule('a', { target: { type: 'bodies', bodyIds: ['pm-c0301'] } })],
      'selects no active body',
    ],
    ['EMPTY_CANDIDATE_SET', [rule('a', { target: { type: 'bodies', bodyIds: [] } })], '启用调解组织'],
    [
      'EMPTY_CANDIDATE_SET',
      [
        rule('a', {
          conditions: { categories: ['medical'] },
          target: { type: 'selector', selector: { levels: ['community'] } },
        }),
      ],
      'category not accepted',
    ],
    [
      'EMPTY_CANDIDATE_SET',
      [rule('a', { conditions: { streets: ['S02'] }, target: { type: 'bodies', bodyIds: ['pm-c0101'] } })],
      'outside the listed area',
    ],
    [
      'CONFLICTING_RULES',
      [rule('a'), rule('b', { target: { type: 'bodies', bodyIds: ['pm-s01'] } })],
      '优先级相同、条件相同但目标不同',
    ],
  ];

  it.each(cases)('%s', (code, rules, fragment) => {
    const errors = validate(rules);
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining([code]));
    const e = errors.find((x) => x.code === code);
    expect(rules.map((r) => r.id)).toContain(e?.ruleId);
    expect(e?.message).toBe(`${e?.zh} / ${e?.en}`);
    expect(e?.message).toContain(fragment);
    expect(e?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e?.en).toMatch(/[a-z]/);
  });

  it('every code is covered by a case above', () => {
    const all: RuleValidationCode[] = [
      'DUPLICATE_RULE_ID',
      'INVALID_NUMBER',
      'CLAIM_RANGE_CONTRADICTORY',
      'EMPTY_CONDITION_LIST',
      'UNKNOWN_CATEGORY',
      'UNKNOWN_STREET',
      'UNKNOWN_COMMUNITY',
      'UNKNOWN_CHANNEL',
      'UNKNOWN_DISPUTE_KIND',
      'UNKNOWN_PARTY_TYPE',
      'UNKNOWN_BODY',
      'UNKNOWN_SELECTOR_VALUE',
      'EMPTY_CANDIDATE_SET',
      'CONFLICTING_RULES',
    ];
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(all));
  });

  it('reports a conflict on both rules, ignoring list order, and not for disabled or equal-target rules', () => {
    const a = rule('a', {
      conditions: { categories: ['neighbour', 'family'], channels: ['online', 'grid'] },
    });
    const b = rule('b', {
      conditions: { channels: ['grid', 'online'], categories: ['family', 'neighbour'] },
      target: { type: 'bodies', bodyIds: ['pm-s01'] },
    });
    expect(validate([a, b]).map((e) => [e.ruleId, e.code])).toEqual([
      ['a', 'CONFLICTING_RULES'],
      ['b', 'CONFLICTING_RULES'],
    ]);
    expect(validate([a, { ...b, enabled: false }])).toEqual([]);
    expect(validate([a, { ...b, priority: 11 }])).toEqual([]);
    expect(validate([a, { ...b, target: a.target, weight: 3 }])).toEqual([]);
    expect(validate([a, { ...b, conditions: { ...b.conditions, claimAmountMax: 10 } }])).toEqual([]);
  });

  it('knows which communities lie in which street', () => {
    const street = rule('a', {
      conditions: { communities: ['C0102'] },
      target: { type: 'bodies', bodyIds: ['pm-s01'] },
    });
    const community = rule('a', {
      conditions: { streets: ['S01'] },
      target: { type: 'bodies', bodyIds: ['pm-c0101'] },
    });
    expect(validate([street])).toEqual([]);
    expect(validate([community])).toEqual([]);
    expect(validate([{ ...community, conditions: { streets: ['S02'] } }]).map((e) => e.code)).toEqual([
      'EMPTY_CANDIDATE_SET',
    ]);
  });

  it('derives known streets from body jurisdictions when the registry has no street list', () => {
    const { streets: _omit, ...noStreets } = registryWith();
    expect(validateRules([rule('a', { conditions: { streets: ['S01'] } })], CATS, noStreets)).toEqual([]);
    expect(
      validateRules([rule('a', { conditions: { streets: ['S77'] } })], CATS, noStreets).map((e) => e.code),
    ).toContain('UNKNOWN_STREET');
  });

  it('checks categories against the list it is given', () => {
    expect(validateRules([rule('a')], ['family'], registryWith()).map((e) => e.code)).toEqual([
      'UNKNOWN_CATEGORY',
    ]);
  });
});
