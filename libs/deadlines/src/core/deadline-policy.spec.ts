import { DeadlineRuleError } from './deadline-errors';
import { DEFAULT_POLICIES, type DeadlineRegime, mergePolicies } from './deadline-policy';

describe('DEFAULT_POLICIES (domain reference "Time limits")', () => {
  it.each([
    // regime, unit, N, extension: [max count, max days each, consent, reason required] | null
    ['peoples_mediation', 'calendar_days', 30, null],
    ['court_pre_registration', 'calendar_days', 30, [1, 30, 'court', false]],
    ['court_post_registration_ordinary', 'calendar_days', 15, [1, 30, 'all_parties', false]],
    ['court_post_registration_simple', 'calendar_days', 7, [1, 30, 'all_parties', false]],
    ['petition', 'calendar_days', 60, [1, 30, 'none', true]],
    ['work_order_reply', 'working_days', null, [1, 10, 'none', false]],
    ['work_order_misassigned_return', 'working_days', 2, null],
    ['judicial_confirmation', 'calendar_days', 30, null],
  ] as const)('%s: %s, N=%p', (regime: DeadlineRegime, unit, days, ext) => {
    const p = DEFAULT_POLICIES[regime];
    expect(p.regime).toBe(regime);
    expect(p.unit).toBe(unit);
    expect(p.days).toBe(days);
    // the holiday rule: every calendar-day limit ends on a working day; it binds the court periods
    expect(p.endOnWorkingDay ?? false).toBe(unit === 'calendar_days');
    expect(p.endOnWorkingDayBinding ?? false).toBe(
      regime.startsWith('court_') || regime === 'judicial_confirmation',
    );
    expect(
      p.extension && [
        p.extension.maxCount,
        p.extension.maxDaysEach,
        p.extension.consent,
        p.extension.reasonRequired,
      ],
    ).toEqual(ext);
  });

  it('has exactly the eight regimes', () => {
    expect(Object.keys(DEFAULT_POLICIES).sort()).toHaveLength(8);
  });

  it('tells the petitioner the reason for an extension', () => {
    expect(DEFAULT_POLICIES.petition.extension?.reasonToldTo).toBe('petitioner');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_POLICIES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICIES.petition.extension)).toBe(true);
  });
});

describe('mergePolicies', () => {
  it('changes one regime and keeps the rest', () => {
    const merged = mergePolicies(DEFAULT_POLICIES, { petition: { days: 45 } });
    expect(merged.petition.days).toBe(45);
    expect(merged.petition.extension?.maxDaysEach).toBe(30);
    expect(merged.peoples_mediation).toBe(DEFAULT_POLICIES.peoples_mediation);
    expect(DEFAULT_POLICIES.petition.days).toBe(60);
  });

  it('adds a new regime', () => {
    const merged = mergePolicies(DEFAULT_POLICIES, {
      labour_arbitration: { unit: 'calendar_days', days: 45 },
    });
    expect(merged.labour_arbitration).toMatchObject({
      regime: 'labour_arbitration',
      days: 45,
      extension: null,
    });
  });

  it.each([
    ['zero days', { petition: { days: 0 } }],
    ['fractional days', { petition: { days: 1.5 } }],
    ['unknown unit', { petition: { unit: 'weeks' } }],
    ['new regime without unit', { custom: { days: 5 } }],
    [
      'bad extension',
      { petition: { extension: { maxCount: 1, maxDaysEach: 0, consent: 'none', reasonRequired: false } } },
    ],
    [
      'bad consent',
      { petition: { extension: { maxCount: 1, maxDaysEach: 5, consent: 'mayor', reasonRequired: false } } },
    ],
    [
      'negative count',
      { petition: { extension: { maxCount: -1, maxDaysEach: 5, consent: 'none', reasonRequired: false } } },
    ],
  ])('rejects %s', (_name, overrides) => {
    let code: string | undefined;
    try {
      mergePolicies(DEFAULT_POLICIES, overrides as never);
    } catch (e) {
      code = e instanceof DeadlineRuleError ? e.code : String(e);
    }
    expect(code).toBe('INVALID_POLICY');
  });
});
