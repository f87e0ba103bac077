import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import { computeDeadline, type ComputeDeadlineInput } from './compute-deadline';
import { DeadlineRuleError } from './deadline-errors';
import { WorkdayCalendar } from './workday-calendar';

const cal = WorkdayCalendar.builtIn();

/** An instant from Shanghai wall-clock text. */
function sh(text: string): Date {
  const instant = shanghaiWallClockToInstant(text);
  if (!instant) throw new Error(`bad wall clock in test: ${text}`);
  return instant;
}

function due(input: ComputeDeadlineInput, calendar = cal) {
  const r = computeDeadline(input, calendar);
  return {
    dueDate: r.dueDate,
    dueAt: r.dueAt.toISOString(),
    warnings: r.warnings.map((w) => [w.code, w.year]),
  };
}

function ruleErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeadlineRuleError) return e.code;
    throw e;
  }
  throw new Error('expected a DeadlineRuleError');
}

describe('work_order_reply (N working days after sign-off)', () => {
  it('crosses the 2024 Spring Festival and both make-up Sundays', () => {
    // working days after Fri 02-02: 02-04(Sun, 调休) 05 06 07 08 09 | 02-10..02-17 off | 02-18(Sun, 调休) 19 20 21
    expect(due({ regime: 'work_order_reply', start: sh('2024-02-02 10:00:00'), days: 10 })).toEqual({
      dueDate: '2024-02-21',
      dueAt: '2024-02-21T15:59:59.000Z',
      warnings: [],
    });
    expect(due({ regime: 'work_order_reply', start: sh('2024-02-02 10:00:00'), days: 1 }).dueDate).toBe(
      '2024-02-04',
    );
  });

  it('crosses the 2025 Spring Festival and ends on the make-up Saturday 2025-02-08', () => {
    // after Fri 01-24: 01-26(Sun, 调休) 27 | 01-28..02-04 off | 02-05 06 07 08(Sat, 调休)
    expect(due({ regime: 'work_order_reply', start: sh('2025-01-24 16:00'), days: 6 })).toEqual({
      dueDate: '2025-02-08',
      dueAt: '2025-02-08T15:59:59.000Z',
      warnings: [],
    });
    expect(due({ regime: 'work_order_reply', start: sh('2025-01-24 16:00'), days: 3 }).dueDate).toBe(
      '2025-02-05',
    );
  });

  it('counts from the next working day when signed off on a holiday', () => {
    // Mon 2024-02-12 is a holiday: 02-18(Sun, 调休) 19 20
    expect(due({ regime: 'work_order_reply', start: sh('2024-02-12 11:00'), days: 3 }).dueDate).toBe(
      '2024-02-20',
    );
    // Tue 2024-10-01 National Day: 10-02..10-07 off, then 10-08 09 10
    expect(due({ regime: 'work_order_reply', start: sh('2024/10/1 9:00'), days: 3 }).dueDate).toBe(
      '2024-10-10',
    );
  });

  it('uses the Shanghai date, not the UTC date, of the sign-off', () => {
    // Fri 23:59 in Shanghai is still Friday: Mon 03-04, 05, 06
    expect(due({ regime: 'work_order_reply', start: sh('2024-03-01 23:59:00'), days: 3 }).dueDate).toBe(
      '2024-03-06',
    );
    // Mon 00:30 in Shanghai is Sunday 16:30 UTC; Monday is not counted: 03-05, 06, 07
    const mondayEarly = new Date('2024-03-03T16:30:00Z');
    expect(due({ regime: 'work_order_reply', start: mondayEarly, days: 3 })).toEqual({
      dueDate: '2024-03-07',
      dueAt: '2024-03-07T15:59:59.000Z',
      warnings: [],
    });
    // Thu 2024-02-29 20:00 UTC is already Fri 03-01 04:00 in Shanghai
    expect(
      due({ regime: 'work_order_reply', start: new Date('2024-02-29T20:00:00Z'), days: 1 }).dueDate,
    ).toBe('2024-03-04');
  });

  it('warns and falls back to weekends when a year is not covered (2027)', () => {
    // after Wed 2026-12-30: 12-31, 2027-01-01 (Fri, no notice loaded), 01-04, 01-05, 01-06
    expect(due({ regime: 'work_order_reply', start: sh('2026-12-30 10:00'), days: 5 })).toEqual({
      dueDate: '2027-01-06',
      dueAt: '2027-01-06T15:59:59.000Z',
      warnings: [['CALENDAR_YEAR_NOT_COVERED', 2027]],
    });
    const r = computeDeadline({ regime: 'work_order_reply', start: sh('2026-12-30 10:00'), days: 5 }, cal);
    expect(r.warnings[0].message).toContain('2027');
  });

  it('uses an admin-added year instead of warning', () => {
    const with2027 = cal.withYear(2027, { holidays: ['2027-01-01/2027-01-03'], makeupWorkdays: [] });
    // 12-31, then 2027-01-01..03 off: 01-04 05 06 07
    expect(due({ regime: 'work_order_reply', start: sh('2026-12-30 10:00'), days: 5 }, with2027)).toEqual({
      dueDate: '2027-01-07',
      dueAt: '2027-01-07T15:59:59.000Z',
      warnings: [],
    });
  });

  it('adds one extension of up to 10 working days', () => {
    // 10 + 5 after 02-02: …02-21 (10th), 22, 23, 26, 27, 28
    const r = computeDeadline(
      { regime: 'work_order_reply', start: sh('2024-02-02 10:00'), days: 5, extensions: [{ days: 10 }] },
      cal,
    );
    expect(r).toMatchObject({ dueDate: '2024-02-28', baseDays: 5, extensionDays: 10, totalDays: 15 });
  });

  it('adds paused working days', () => {
    // 5 + 2 after 02-02: 02-04 05 06 07 08 09 | 02-18
    const r = computeDeadline(
      { regime: 'work_order_reply', start: sh('2024-02-02 10:00'), days: 5, pausedDays: 2 },
      cal,
    );
    expect(r).toMatchObject({ dueDate: '2024-02-18', pausedDays: 2, totalDays: 7 });
  });

  it('needs N', () => {
    expect(
      ruleErrorCode(() =>
        computeDeadline({ regime: 'work_order_reply', start: sh('2024-02-02 10:00') }, cal),
      ),
    ).toBe('DAYS_REQUIRED');
  });
});

describe('work_order_misassigned_return (2 working days)', () => {
  it('returns within 2 working days, counting the make-up Saturday', () => {
    // after Fri 2024-09-13: 09-14 (Sat, 调休), 09-15..17 off, 09-18
    expect(due({ regime: 'work_order_misassigned_return', start: sh('2024-09-13 17:00') }).dueDate).toBe(
      '2024-09-18',
    );
    expect(due({ regime: 'work_order_misassigned_return', start: sh('2024-10-01 09:00') }).dueDate).toBe(
      '2024-10-09',
    );
  });
});

describe('calendar-day regimes', () => {
  it.each([
    // regime, start (Shanghai), extensions, parties, due date
    ['peoples_mediation', '2024-01-15 10:00', [], undefined, '2024-02-18'], // 02-14 is a holiday → make-up Sunday
    ['court_pre_registration', '2025-01-10 09:00', [], undefined, '2025-02-10'], // Sun 02-09 → Mon
    [
      'court_pre_registration',
      '2025-01-10 09:00',
      [{ days: 30, consentBy: ['court'] }],
      undefined,
      '2025-03-11',
    ],
    ['court_post_registration_ordinary', '2025-03-03 14:00', [], undefined, '2025-03-18'],
    [
      'court_post_registration_ordinary',
      '2025-03-03 14:00',
      [{ days: 30, consentBy: ['p2', 'p1'] }],
      ['p1', 'p2'],
      '2025-04-17',
    ],
    ['court_post_registration_simple', '2025-03-03 14:00', [], undefined, '2025-03-10'],
    [
      'court_post_registration_simple',
      '2025-03-03 14:00',
      [{ days: 30, consentBy: ['p1', 'p2'] }],
      ['p1', 'p2'],
      '2025-04-09',
    ],
    ['petition', '2024-11-20 10:00', [], undefined, '2025-01-20'], // Sun 01-19 → Mon
    [
      'petition',
      '2024-11-20 10:00',
      [{ days: 30, reason: '涉及多部门，需联合调查' }],
      undefined,
      '2025-02-18',
    ],
    ['judicial_confirmation', '2024-12-20 15:00', [], undefined, '2025-01-20'], // Sun 01-19 → Mon
  ] as const)('%s from %s with %j → %s', (regime, start, extensions, parties, dueDate) => {
    const r = computeDeadline({ regime, start: sh(start), extensions, parties }, cal);
    expect(r.dueDate).toBe(dueDate);
    expect(r.dueAt.toISOString()).toBe(`${dueDate}T15:59:59.000Z`);
    expect(r.unit).toBe('calendar_days');
    expect(r.warnings).toEqual([]);
  });

  it('counts from the Shanghai date: 2024-01-14T17:00Z is already 01-15 in Shanghai', () => {
    expect(due({ regime: 'peoples_mediation', start: new Date('2024-01-14T17:00:00Z') }).dueDate).toBe(
      '2024-02-18',
    );
    expect(due({ regime: 'peoples_mediation', start: new Date('2024-01-14T15:00:00Z') }).dueDate).toBe(
      '2024-02-18',
    );
    expect(due({ regime: 'peoples_mediation', start: new Date('2024-01-12T15:00:00Z') }).dueDate).toBe(
      '2024-02-18',
    ); // 01-12 + 30 = Sun 02-11, inside the Spring Festival
  });

  it('adds paused calendar days (e.g. expert appraisal)', () => {
    // 02-14 + 10 = Sat 02-24 → Mon 02-26
    expect(due({ regime: 'peoples_mediation', start: sh('2024-01-15 10:00'), pausedDays: 10 }).dueDate).toBe(
      '2024-02-26',
    );
  });

  it('lets the caller override N', () => {
    // Sat 2025-01-04 → Mon 01-06
    expect(due({ regime: 'petition', start: sh('2024-11-20 10:00'), days: 45 }).dueDate).toBe('2025-01-06');
  });

  it('warns when the last day falls in a year the calendar lacks (it may be a holiday)', () => {
    expect(due({ regime: 'peoples_mediation', start: sh('2027-03-01 10:00') })).toEqual({
      dueDate: '2027-03-31',
      dueAt: '2027-03-31T15:59:59.000Z',
      warnings: [['CALENDAR_YEAR_NOT_COVERED', 2027]],
    });
  });
});

describe('rule errors', () => {
  const start = sh('2025-01-10 09:00');
  it.each([
    ['unknown regime', 'UNKNOWN_REGIME', { regime: 'arbitration', start }],
    ['prototype key as regime', 'UNKNOWN_REGIME', { regime: 'toString', start }],
    ['invalid start', 'INVALID_START', { regime: 'petition', start: new Date('x') }],
    ['zero days', 'INVALID_DAYS', { regime: 'work_order_reply', start, days: 0 }],
    ['fractional days', 'INVALID_DAYS', { regime: 'work_order_reply', start, days: 2.5 }],
    ['negative pause', 'INVALID_PAUSED_DAYS', { regime: 'petition', start, pausedDays: -1 }],
    [
      'people’s mediation extension',
      'EXTENSION_NOT_ALLOWED',
      { regime: 'peoples_mediation', start, extensions: [{ days: 5 }] },
    ],
    [
      'judicial confirmation extension',
      'EXTENSION_NOT_ALLOWED',
      { regime: 'judicial_confirmation', start, extensions: [{ days: 1 }] },
    ],
    [
      'misassigned return extension',
      'EXTENSION_NOT_ALLOWED',
      { regime: 'work_order_misassigned_return', start, extensions: [{ days: 1 }] },
    ],
    [
      'court extension over 30 days',
      'EXTENSION_TOO_LONG',
      { regime: 'court_pre_registration', start, extensions: [{ days: 31, consentBy: ['court'] }] },
    ],
    [
      'two court extensions',
      'TOO_MANY_EXTENSIONS',
      {
        regime: 'court_pre_registration',
        start,
        extensions: [
          { days: 10, consentBy: ['court'] },
          { days: 10, consentBy: ['court'] },
        ],
      },
    ],
    [
      'court extension without consent',
      'EXTENSION_CONSENT_REQUIRED',
      { regime: 'court_pre_registration', start, extensions: [{ days: 10 }] },
    ],
    [
      'court extension with a party’s consent only',
      'EXTENSION_CONSENT_REQUIRED',
      { regime: 'court_pre_registration', start, extensions: [{ days: 10, consentBy: ['p1'] }] },
    ],
    [
      '委托 extension without one party',
      'EXTENSION_CONSENT_REQUIRED',
      {
        regime: 'court_post_registration_ordinary',
        start,
        parties: ['p1', 'p2'],
        extensions: [{ days: 30, consentBy: ['p1'] }],
      },
    ],
    [
      '委托 extension without the parties list',
      'PARTIES_REQUIRED',
      {
        regime: 'court_post_registration_simple',
        start,
        extensions: [{ days: 30, consentBy: ['p1', 'p2'] }],
      },
    ],
    [
      '委托 extension over 30 days',
      'EXTENSION_TOO_LONG',
      {
        regime: 'court_post_registration_simple',
        start,
        parties: ['p1'],
        extensions: [{ days: 31, consentBy: ['p1'] }],
      },
    ],
    [
      'petition extension without reason',
      'EXTENSION_REASON_REQUIRED',
      { regime: 'petition', start, extensions: [{ days: 30 }] },
    ],
    [
      'petition extension with blank reason',
      'EXTENSION_REASON_REQUIRED',
      { regime: 'petition', start, extensions: [{ days: 30, reason: '  ' }] },
    ],
    [
      'petition extension over 30 days',
      'EXTENSION_TOO_LONG',
      { regime: 'petition', start, extensions: [{ days: 31, reason: '复杂' }] },
    ],
    [
      'work order extension over 10',
      'EXTENSION_TOO_LONG',
      { regime: 'work_order_reply', start, days: 5, extensions: [{ days: 11 }] },
    ],
    [
      'second work order extension',
      'TOO_MANY_EXTENSIONS',
      { regime: 'work_order_reply', start, days: 5, extensions: [{ days: 2 }, { days: 2 }] },
    ],
    [
      'zero-day extension',
      'INVALID_EXTENSION_DAYS',
      { regime: 'work_order_reply', start, days: 5, extensions: [{ days: 0 }] },
    ],
  ] as const)('%s → %s', (_name, code, input) => {
    expect(ruleErrorCode(() => computeDeadline(input as ComputeDeadlineInput, cal))).toBe(code);
  });

  it('names the missing party and the limit in the message', () => {
    expect(() =>
      computeDeadline(
        {
          regime: 'court_post_registration_ordinary',
          start,
          parties: ['p1', 'p2'],
          extensions: [{ days: 30, consentBy: ['p1'] }],
        },
        cal,
      ),
    ).toThrow(/missing: p2/);
    expect(() =>
      computeDeadline({ regime: 'work_order_reply', start, days: 5, extensions: [{ days: 11 }] }, cal),
    ).toThrow(/at most 10/);
    expect(() => computeDeadline({ regime: 'petition', start, extensions: [{ days: 30 }] }, cal)).toThrow(
      /petitioner/,
    );
  });

  it('accepts the longest allowed extension', () => {
    const r = computeDeadline(
      { regime: 'work_order_reply', start: sh('2024-02-02 10:00'), days: 5, extensions: [{ days: 10 }] },
      cal,
    );
    expect(r.extensionDays).toBe(10);
  });
});
