import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import {
  applyAdjustments,
  type DeadlineAdjustment,
  pausedDaysBetween,
  validateAdjustment,
} from './deadline-adjustments';
import { DeadlineRuleError } from './deadline-errors';
import { WorkdayCalendar } from './workday-calendar';

const calendar = WorkdayCalendar.builtIn();
const sh = (text: string): Date => shanghaiWallClockToInstant(text)!;

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeadlineRuleError) return e.code;
    throw e;
  }
  throw new Error('expected a DeadlineRuleError');
}

describe('validateAdjustment', () => {
  const start = sh('2026-03-02 10:00');

  it('extends 委派 (court_pre_registration) once, only with the court consenting', () => {
    const ctx = { start, calendar };
    expect(
      code(() =>
        validateAdjustment(
          'court_pre_registration',
          [],
          { kind: 'extension', days: 30, at: sh('2026-03-20 09:00') },
          ctx,
        ),
      ),
    ).toBe('EXTENSION_CONSENT_REQUIRED');
    const ok = validateAdjustment(
      'court_pre_registration',
      [],
      { kind: 'extension', days: 30, consentBy: ['court'], at: sh('2026-03-20 09:00') },
      ctx,
    );
    expect(ok.deadline.result.dueDate).toBe('2026-05-06'); // 03-02 + 30 + 30 = 05-01, Labour Day → 05-06
    expect(
      code(() =>
        validateAdjustment(
          'court_pre_registration',
          [ok.adjustment],
          { kind: 'extension', days: 5, consentBy: ['court'], at: sh('2026-03-21 09:00') },
          ctx,
        ),
      ),
    ).toBe('TOO_MANY_EXTENSIONS');
    expect(
      code(() =>
        validateAdjustment(
          'court_pre_registration',
          [],
          { kind: 'extension', days: 31, consentBy: ['court'], at: sh('2026-03-20 09:00') },
          ctx,
        ),
      ),
    ).toBe('EXTENSION_TOO_LONG');
  });

  it('extends 委托 only with every party consenting', () => {
    const ctx = { start, calendar, parties: ['p1', 'p2'] };
    const ext = (consentBy: string[]): DeadlineAdjustment => ({
      kind: 'extension',
      days: 30,
      consentBy,
      at: sh('2026-03-05 09:00'),
    });
    expect(code(() => validateAdjustment('court_post_registration_ordinary', [], ext(['p1']), ctx))).toBe(
      'EXTENSION_CONSENT_REQUIRED',
    );
    expect(
      code(() =>
        validateAdjustment('court_post_registration_simple', [], ext(['p1', 'p2']), { start, calendar }),
      ),
    ).toBe('PARTIES_REQUIRED');
    expect(
      validateAdjustment('court_post_registration_simple', [], ext(['p2', 'p1', 'p1']), ctx).deadline.result
        .dueDate,
    ).toBe('2026-04-08'); // 7 + 30
    expect(
      validateAdjustment('court_post_registration_ordinary', [], ext(['p1', 'p2']), ctx).adjustment.consentBy,
    ).toEqual(['p1', 'p2']);
  });

  it('extends a petition only with a reason (told to the petitioner)', () => {
    const ctx = { start, calendar };
    expect(
      code(() =>
        validateAdjustment(
          'petition',
          [],
          { kind: 'extension', days: 30, reason: '  ', at: sh('2026-04-01 09:00') },
          ctx,
        ),
      ),
    ).toBe('EXTENSION_REASON_REQUIRED');
    const ok = validateAdjustment(
      'petition',
      [],
      { kind: 'extension', days: 30, reason: '涉及多个部门，情况复杂', at: sh('2026-04-01 09:00') },
      ctx,
    );
    expect(ok.deadline.result.dueDate).toBe('2026-06-01'); // 60 + 30 after 03-02 = Sun 05-31 → Mon
  });

  it('refuses an extension where the regime allows none, and after the deadline', () => {
    expect(
      code(() =>
        validateAdjustment(
          'peoples_mediation',
          [],
          { kind: 'extension', days: 5, at: sh('2026-03-05 09:00') },
          { start, calendar },
        ),
      ),
    ).toBe('EXTENSION_NOT_ALLOWED');
    expect(
      code(() =>
        validateAdjustment(
          'court_pre_registration',
          [],
          { kind: 'extension', days: 5, consentBy: ['court'], at: sh('2026-04-02 00:00') },
          { start, calendar },
        ),
      ),
    ).toBe('DEADLINE_PASSED');
  });

  it('pauses and resumes: the days the clock stood still move the deadline', () => {
    const ctx = { start, calendar };
    expect(
      code(() =>
        validateAdjustment('peoples_mediation', [], { kind: 'pause', at: sh('2026-03-10 09:00') }, ctx),
      ),
    ).toBe('PAUSE_REASON_REQUIRED');
    expect(
      code(() =>
        validateAdjustment('peoples_mediation', [], { kind: 'resume', at: sh('2026-03-10 09:00') }, ctx),
      ),
    ).toBe('NOT_PAUSED');
    const pause = validateAdjustment(
      'peoples_mediation',
      [],
      { kind: 'pause', reason: '伤情鉴定', at: sh('2026-03-10 09:00') },
      ctx,
    );
    expect(pause.deadline.paused).toBe(true);
    expect(
      code(() =>
        validateAdjustment(
          'peoples_mediation',
          [pause.adjustment],
          { kind: 'pause', reason: 'x', at: sh('2026-03-11 09:00') },
          ctx,
        ),
      ),
    ).toBe('ALREADY_PAUSED');
    expect(
      code(() =>
        validateAdjustment(
          'peoples_mediation',
          [pause.adjustment],
          { kind: 'resume', at: sh('2026-03-09 09:00') },
          ctx,
        ),
      ),
    ).toBe('ADJUSTMENT_OUT_OF_ORDER');
    // paused 03-10, resumed 04-20 (after the original 04-01 deadline): 41 days stood still
    const resume = validateAdjustment(
      'peoples_mediation',
      [pause.adjustment],
      { kind: 'resume', at: sh('2026-04-20 15:00') },
      ctx,
    );
    expect(resume.adjustment.days).toBe(41);
    expect(resume.deadline.paused).toBe(false);
    expect(resume.deadline.result.dueDate).toBe('2026-05-12'); // 04-01 + 41
    expect(
      applyAdjustments('peoples_mediation', [pause.adjustment, resume.adjustment], ctx).result.pausedDays,
    ).toBe(41);
  });

  it('counts a pause in working days for a working-day regime, across the Spring Festival', () => {
    // 2026-02-13 (Fri) → 2026-02-24 (Tue): 02-14 Sat is a 调休 workday, 02-15..02-23 off, 02-24 works = 2
    expect(pausedDaysBetween(sh('2026-02-13 10:00'), sh('2026-02-24 10:00'), 'working_days', calendar)).toBe(
      2,
    );
    expect(pausedDaysBetween(sh('2026-02-13 10:00'), sh('2026-02-24 10:00'), 'calendar_days', calendar)).toBe(
      11,
    );
    expect(pausedDaysBetween(sh('2026-02-13 10:00'), sh('2026-02-13 18:00'), 'calendar_days', calendar)).toBe(
      0,
    );
  });
});
