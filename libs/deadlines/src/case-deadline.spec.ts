import { DomainError, ErrorCode, FixedClock } from '@tiaojie/core';
import { DEFAULT_POLICIES, mergePolicies } from './core/deadline-policy';
import { WorkdayCalendar } from './core/workday-calendar';
import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import {
  CASE_REGIMES,
  DUE_SOON_DAYS,
  caseDueAt,
  confirmationDueAt,
  mediationDueAt,
  urgencyAt,
} from './case-deadline';

const sh = (text: string): Date => shanghaiWallClockToInstant(text)!;

function ruleOf(fn: () => unknown): { code: ErrorCode; rule: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, rule: e.details?.rule };
    throw e;
  }
  throw new Error('expected a DomainError');
}

/**
 * 2026 calendar (国务院办公厅 notice): Spring Festival 02-15..02-23 off; Saturdays 02-14 and 02-28 are make-up
 * workdays (调休上班). The clock is frozen on Tue 2026-02-10 10:00 Asia/Shanghai.
 */
describe('caseDueAt, every regime, across the 2026 Spring Festival', () => {
  const clock = new FixedClock(sh('2026-02-10 10:00'));
  const due = (regime: string, opts: Parameters<typeof caseDueAt>[2] = {}) => {
    const r = caseDueAt(regime, clock.now(), opts);
    return { dueDate: r.dueDate, dueAt: r.dueAt.toISOString() };
  };

  it('counts calendar days through the holiday, moving a last day that is a rest day (the domain rule)', () => {
    expect(due('peoples_mediation')).toEqual({ dueDate: '2026-03-12', dueAt: '2026-03-12T15:59:59.000Z' });
    expect(due('court_pre_registration')).toEqual({
      dueDate: '2026-03-12',
      dueAt: '2026-03-12T15:59:59.000Z',
    });
    expect(due('court_post_registration_ordinary')).toEqual({
      dueDate: '2026-02-25',
      dueAt: '2026-02-25T15:59:59.000Z',
    });
    // 7 days ends on 02-17, inside the holiday: the period ends on the first working day after it
    expect(due('court_post_registration_simple')).toEqual({
      dueDate: '2026-02-24',
      dueAt: '2026-02-24T15:59:59.000Z',
    });
    // Sat 04-11 → Mon 04-13
    expect(due('petition')).toEqual({ dueDate: '2026-04-13', dueAt: '2026-04-13T15:59:59.000Z' });
    expect(due('judicial_confirmation')).toEqual({
      dueDate: '2026-03-12',
      dueAt: '2026-03-12T15:59:59.000Z',
    });
  });

  it('counts working days over the holiday and onto the 调休 Saturday (12345 orders)', () => {
    // after Tue 02-10: 11 W, 12 Th, 13 F, 14 Sat (调休上班) | 15..23 off | 24 Tue
    expect(due('work_order_reply', { days: 4 })).toEqual({
      dueDate: '2026-02-14',
      dueAt: '2026-02-14T15:59:59.000Z',
    });
    expect(due('work_order_reply', { days: 5 })).toEqual({
      dueDate: '2026-02-24',
      dueAt: '2026-02-24T15:59:59.000Z',
    });
    expect(ruleOf(() => due('work_order_reply'))).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      rule: 'DAYS_REQUIRED',
    });
  });

  it('does not move a limit off a 调休 Saturday, and a regime may opt out of the move', () => {
    expect(caseDueAt('court_post_registration_simple', sh('2026-02-21 09:00')).dueDate).toBe('2026-02-28'); // Saturday, worked
    expect(caseDueAt('court_post_registration_simple', sh('2026-02-22 09:00')).dueDate).toBe('2026-03-02'); // Sun 03-01 → Mon
    const policies = mergePolicies(DEFAULT_POLICIES, { petition: { endOnWorkingDay: false } });
    expect(due('petition', { policies }).dueDate).toBe('2026-04-11');
  });

  it("uses the referral's own N, and extensions under the regime's consent rules", () => {
    expect(due('court_pre_registration', { days: 20 }).dueDate).toBe('2026-03-02');
    // Sat 04-11 → Mon 04-13
    expect(due('court_pre_registration', { extensions: [{ days: 30, consentBy: ['court'] }] }).dueDate).toBe(
      '2026-04-13',
    );
    expect(ruleOf(() => due('court_pre_registration', { extensions: [{ days: 30 }] }))).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      rule: 'EXTENSION_CONSENT_REQUIRED',
    });
    expect(
      due('court_post_registration_simple', {
        parties: ['a', 'b'],
        extensions: [{ days: 30, consentBy: ['a', 'b'] }],
      }).dueDate,
    ).toBe('2026-03-19');
    expect(
      ruleOf(() =>
        due('court_post_registration_ordinary', {
          parties: ['a', 'b'],
          extensions: [{ days: 30, consentBy: ['a'] }],
        }),
      ).rule,
    ).toBe('EXTENSION_CONSENT_REQUIRED');
    expect(due('petition', { extensions: [{ days: 30, reason: '情况复杂，已告知信访人' }] }).dueDate).toBe(
      '2026-05-11',
    );
    expect(ruleOf(() => due('petition', { extensions: [{ days: 30 }] })).rule).toBe(
      'EXTENSION_REASON_REQUIRED',
    );
    expect(ruleOf(() => due('peoples_mediation', { extensions: [{ days: 1 }] })).rule).toBe(
      'EXTENSION_NOT_ALLOWED',
    );
    expect(due('peoples_mediation', { pausedDays: 5 }).dueDate).toBe('2026-03-17');
    expect(ruleOf(() => due('no_such_regime')).rule).toBe('UNKNOWN_REGIME');
  });

  it('counts from the Shanghai business date of the start', () => {
    // 23:30 in Shanghai on 02-10 is 15:30 UTC the same day; 00:30 on 02-11 Shanghai is still 02-10 in UTC
    expect(caseDueAt('court_post_registration_ordinary', sh('2026-02-10 23:30')).dueDate).toBe('2026-02-25');
    expect(caseDueAt('court_post_registration_ordinary', sh('2026-02-11 00:30')).dueDate).toBe('2026-02-26');
  });

  it('warns about a year the calendar lacks, and an admin-added year removes the warning and changes the count', () => {
    const start = sh('2026-12-24 10:00');
    const before = caseDueAt('work_order_reply', start, { days: 10 });
    expect(before.warnings.map((w) => [w.code, w.year])).toEqual([['CALENDAR_YEAR_NOT_COVERED', 2027]]);
    expect(before.dueDate).toBe('2027-01-07'); // Mon–Fri only after Thu 12-24: 25 28 29 30 31 | 01 04 05 06 07
    const calendar = WorkdayCalendar.builtIn().withYear(2027, {
      holidays: ['2027-01-01/2027-01-03'],
      makeupWorkdays: [],
    });
    const after = caseDueAt('work_order_reply', start, { days: 10, calendar });
    expect(after.warnings).toEqual([]);
    expect(after.dueDate).toBe('2027-01-08'); // Fri 01-01 is now a holiday: 25 28 29 30 31 | 04 05 06 07 08
    expect(caseDueAt('work_order_reply', sh('2026-12-30 10:00'), { days: 2, calendar }).dueDate).toBe(
      '2027-01-04',
    );
  });

  it('keeps mediationDueAt / confirmationDueAt working and covers every listed regime', () => {
    expect(mediationDueAt(clock.now()).toISOString()).toBe('2026-03-12T15:59:59.000Z');
    expect(confirmationDueAt(sh('2026-02-20 16:00')).toISOString()).toBe('2026-03-23T15:59:59.000Z'); // Sun → Mon
    for (const regime of CASE_REGIMES)
      expect(caseDueAt(regime, clock.now(), { days: 3 }).dueAt).toBeInstanceOf(Date);
  });
});

describe('urgencyAt', () => {
  it('marks no due date, past due, due within DUE_SOON_DAYS and later', () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    const later = (ms: number) => new Date(now.getTime() + ms);
    const soon = DUE_SOON_DAYS * 86_400_000;
    expect(urgencyAt(null, now)).toBe('none');
    expect(urgencyAt(later(-1), now)).toBe('overdue');
    expect(urgencyAt(now, now)).toBe('due_soon');
    expect(urgencyAt(later(soon - 1), now)).toBe('due_soon');
    expect(urgencyAt(later(soon), now)).toBe('ok');
  });
});
