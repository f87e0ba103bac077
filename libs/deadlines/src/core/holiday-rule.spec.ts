import { addCalendarDays, shanghaiWallClockToInstant } from '@tiaojie/business-time';
import { computeDeadline } from './compute-deadline';
import { DeadlineRuleError } from './deadline-errors';
import { DEFAULT_POLICIES, mergePolicies } from './deadline-policy';
import { WorkdayCalendar } from './workday-calendar';

/**
 * 民事诉讼法 art. 85 as the domain reference applies it: a calendar-day period whose last day is a rest day (a
 * weekend day that is not a 调休 workday, or a statutory holiday) ends on the first working day after it.
 * Holidays inside the period are counted. Dates from the State Council notices for 2024–2026.
 */
const cal = WorkdayCalendar.builtIn();

/** A start instant (10:00 Shanghai) whose period of `days` calendar days has `lastDay` as its plain last day. */
function startFor(lastDay: string, days: number): Date {
  return shanghaiWallClockToInstant(`${addCalendarDays(lastDay, -days)} 10:00`)!;
}

function dueOf(regime: string, lastDay: string, days: number, policies = DEFAULT_POLICIES) {
  return computeDeadline({ regime, start: startFor(lastDay, days) }, cal, policies);
}

describe('holiday rule: a period ending on a rest day ends on the first working day after it', () => {
  it.each([
    // regime, N, plain last day, day kind, due date
    ['peoples_mediation', 30, '2024-02-14', 'holiday', '2024-02-18'], // Spring Festival 2024 → 调休 Sunday
    ['court_pre_registration', 30, '2024-04-05', 'holiday', '2024-04-07'], // Qingming 2024 → 调休 Sunday
    ['court_post_registration_simple', 7, '2024-05-03', 'holiday', '2024-05-06'], // Labour Day 2024
    ['court_post_registration_ordinary', 15, '2024-06-10', 'holiday', '2024-06-11'], // Dragon Boat 2024
    ['petition', 60, '2024-09-16', 'holiday', '2024-09-18'], // Mid-Autumn 2024
    ['judicial_confirmation', 30, '2024-10-01', 'holiday', '2024-10-08'], // National Day 2024
    ['court_pre_registration', 30, '2025-02-01', 'holiday', '2025-02-05'], // Spring Festival 2025
    ['peoples_mediation', 30, '2025-04-05', 'holiday', '2025-04-07'], // Qingming 2025
    ['court_post_registration_simple', 7, '2025-05-01', 'holiday', '2025-05-06'], // Labour Day 2025
    ['petition', 60, '2025-05-31', 'holiday', '2025-06-03'], // Dragon Boat 2025
    ['judicial_confirmation', 30, '2025-10-06', 'holiday', '2025-10-09'], // National Day + Mid-Autumn 2025
    ['peoples_mediation', 30, '2025-03-15', 'weekend', '2025-03-17'], // a plain Saturday
    ['court_pre_registration', 30, '2026-01-02', 'holiday', '2026-01-04'], // New Year 2026 → 调休 Sunday
    ['court_post_registration_simple', 7, '2026-02-17', 'holiday', '2026-02-24'], // Spring Festival 2026
    ['peoples_mediation', 30, '2026-04-04', 'holiday', '2026-04-07'], // Qingming 2026
    ['court_post_registration_ordinary', 15, '2026-05-02', 'holiday', '2026-05-06'], // Labour Day 2026
    ['petition', 60, '2026-06-19', 'holiday', '2026-06-22'], // Dragon Boat 2026
    ['judicial_confirmation', 30, '2026-09-26', 'holiday', '2026-09-28'], // Mid-Autumn 2026
    ['court_pre_registration', 30, '2026-03-08', 'weekend', '2026-03-09'], // a plain Sunday
  ] as const)('%s, %i days ending %s (%s) → %s', (regime, days, lastDay, kind, dueDate) => {
    expect(cal.dayKind(lastDay)).toBe(kind);
    const r = dueOf(regime, lastDay, days);
    expect(r.dueDate).toBe(dueDate);
    expect(r.dueAt.toISOString()).toBe(`${dueDate}T15:59:59.000Z`); // 23:59:59 Asia/Shanghai
    expect(r.warnings).toEqual([]);
  });

  it('30 days from 2026-09-01 would end on National Day; it ends on 2026-10-08', () => {
    const start = shanghaiWallClockToInstant('2026-09-01 09:30')!;
    for (const regime of ['peoples_mediation', 'court_pre_registration', 'judicial_confirmation'])
      expect(computeDeadline({ regime, start }, cal).dueDate).toBe('2026-10-08');
  });

  it.each([['2024-09-14'], ['2025-02-08'], ['2025-10-11'], ['2026-02-28'], ['2026-10-10']])(
    'does not move a period ending on the 调休 workday Saturday %s',
    (lastDay) => {
      expect(cal.dayKind(lastDay)).toBe('makeup_workday');
      expect(dueOf('court_pre_registration', lastDay, 30).dueDate).toBe(lastDay);
      expect(dueOf('peoples_mediation', lastDay, 30).dueDate).toBe(lastDay);
    },
  );

  it('does not skip holidays inside the period', () => {
    // 2026-09-20 + 30 = Tue 10-20: National Day lies inside and changes nothing
    const r = computeDeadline(
      { regime: 'court_pre_registration', start: shanghaiWallClockToInstant('2026-09-20 10:00')! },
      cal,
    );
    expect(r.dueDate).toBe('2026-10-20');
  });

  it('moves a period extended onto a rest day too', () => {
    // 2025-01-10 + 30 + 21 = Sun 03-02 → Mon 03-03
    const start = shanghaiWallClockToInstant('2025-01-10 09:00')!;
    const ext = (days: number) => [{ days, consentBy: ['court'] }];
    expect(
      computeDeadline({ regime: 'court_pre_registration', start, extensions: ext(21) }, cal).dueDate,
    ).toBe('2025-03-03');
  });

  it('is the default for other calendar-day regimes, which may turn it off; working-day limits are unaffected', () => {
    const off = mergePolicies(DEFAULT_POLICIES, { peoples_mediation: { endOnWorkingDay: false } });
    expect(dueOf('peoples_mediation', '2026-10-01', 30, off).dueDate).toBe('2026-10-01');
    expect(dueOf('petition', '2026-10-01', 60, off).dueDate).toBe('2026-10-08');
    const added = mergePolicies(DEFAULT_POLICIES, {
      labour_arbitration: { unit: 'calendar_days', days: 45 },
    });
    expect(dueOf('labour_arbitration', '2026-10-03', 45, added).dueDate).toBe('2026-10-08');
    const custom = mergePolicies(DEFAULT_POLICIES, {
      local_limit: { unit: 'calendar_days', days: 10, endOnWorkingDay: false },
    });
    expect(dueOf('local_limit', '2026-10-03', 10, custom).dueDate).toBe('2026-10-03');
  });

  it('binds court periods: a policy that turns it off for 委派, 委托 or judicial confirmation is refused', () => {
    for (const regime of [
      'court_pre_registration',
      'court_post_registration_ordinary',
      'court_post_registration_simple',
      'judicial_confirmation',
    ]) {
      expect(DEFAULT_POLICIES[regime].endOnWorkingDayBinding).toBe(true);
      let code: string | undefined;
      try {
        mergePolicies(DEFAULT_POLICIES, { [regime]: { endOnWorkingDay: false } });
      } catch (e) {
        code = e instanceof DeadlineRuleError ? e.code : String(e);
      }
      expect(code).toBe('INVALID_POLICY');
    }
  });

  it('has State Council data for 2024, 2025 and 2026', () => {
    expect(cal.coveredYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(cal.dayKind('2026-10-07')).toBe('holiday');
    expect(cal.dayKind('2026-10-08')).toBe('workday');
  });
});
