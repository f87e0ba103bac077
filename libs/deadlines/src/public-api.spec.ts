import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import * as api from '@tiaojie/deadlines';

describe('@tiaojie/deadlines public entry', () => {
  it('exports the engine, its database layer and the case regimes', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CALENDAR_CACHE_TTL_MS',
        'CaseDeadlineService',
        'DEADLINE_JOBS',
        'DEADLINE_OVERDUE_JOB',
        'DEADLINE_REMIND_JOB',
        'DeadlineCaseRepository',
        'CASE_REGIMES',
        'CalendarModule',
        'CalendarService',
        'DEADLINE_SETTINGS',
        'DEFAULT_DEADLINE_SETTINGS',
        'DIGEST_BODY_JOB',
        'DIGEST_JOBS',
        'DIGEST_TICK_JOB',
        'DUE_SOON_DAYS',
        'DeadlineAdjustmentService',
        'DeadlineDigestService',
        'caseDue',
        'caseDueAt',
        'confirmationDueAt',
        'deadlineRuleToDomainError',
        'dueKeptOnMove',
        'loadDeadlineSettings',
        'mediationDueAt',
        'parseReminderOffsets',
        'urgencyAt',
        'COURT_CONSENT',
        'CalendarDataError',
        'DEFAULT_POLICIES',
        'DEFAULT_REMINDER_OFFSETS_DAYS',
        'DeadlineRuleError',
        'REMINDER_HOUR',
        'WorkdayCalendar',
        'applyAdjustments',
        'pausedDaysBetween',
        'validateAdjustment',
        'computeDeadline',
        'isOverdue',
        'mergePolicies',
        'remaining',
        'reminderTimes',
      ].sort(),
    );
  });

  it('computes a 12345 reply deadline end to end', () => {
    const start = shanghaiWallClockToInstant('2024/2/2 10:00');
    const r = api.computeDeadline(
      { regime: 'work_order_reply', start: start!, days: 10 },
      api.WorkdayCalendar.builtIn(),
    );
    expect(r.dueAt.toISOString()).toBe('2024-02-21T15:59:59.000Z');
    expect(api.remaining(r.dueAt, new Date('2024-02-18T12:00:00Z')).label).toBe('剩余 3 天');
  });

  it('keeps error classes distinguishable', () => {
    const e = new api.DeadlineRuleError('EXTENSION_TOO_LONG', 'too long');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DeadlineRuleError');
    expect(e.code).toBe('EXTENSION_TOO_LONG');
    expect(new api.CalendarDataError('x').name).toBe('CalendarDataError');
  });
});
