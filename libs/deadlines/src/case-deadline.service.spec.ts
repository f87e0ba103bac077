import { DEFAULT_DEADLINE_SETTINGS } from './deadline-settings';
import { FixedClock } from '@tiaojie/core';
import { endOfBusinessDay, shanghaiInstant } from '@tiaojie/business-time';
import { CaseDeadlineService, spreadOffsetMs } from './case-deadline.service';

/** The timer plan only: which jobs a deadline enqueues, from the configured offsets, in time order. */
describe('CaseDeadlineService.plan', () => {
  const dueAt = endOfBusinessDay('2026-03-20');
  const service = (
    clock: FixedClock,
    reminderOffsetsDays: number[],
    escalateAfterHours = 72,
    reminderSpreadMinutes = 0,
  ) =>
    new CaseDeadlineService(null as any, null as any, null as any, null as any, clock, undefined, {
      ...DEFAULT_DEADLINE_SETTINGS,
      reminderOffsetsDays,
      escalateAfterHours,
      reminderSpreadMinutes,
    });

  it('takes the reminder offsets and the escalation delay from the settings, in any order, once each', () => {
    const plan = service(new FixedClock(new Date('2026-03-01T00:00:00Z')), [1, 7, 1], 24).plan('d1', dueAt);
    expect(
      plan.map((t) => [t.queue, t.at.toISOString(), (t.data as any).offsetDays ?? (t.data as any).level]),
    ).toEqual([
      ['deadline.remind', shanghaiInstant('2026-03-13', 9).toISOString(), 7],
      ['deadline.remind', shanghaiInstant('2026-03-19', 9).toISOString(), 1],
      ['deadline.overdue', '2026-03-20T16:00:59.000Z', 1],
      ['deadline.overdue', '2026-03-21T15:59:59.000Z', 2],
    ]);
    expect(new Set(plan.map((t) => t.key)).size).toBe(4);
  });

  it('gives the judicial-confirmation window its own timer ids, reminders and one closing notice, no escalation', () => {
    const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    const window = service(clock, [3, 1]).plan('d1', dueAt, clock.now(), 'judicial_confirmation');
    expect(window.map((t) => [t.queue, (t.data as any).offsetDays ?? (t.data as any).level])).toEqual([
      ['deadline.remind', 3],
      ['deadline.remind', 1],
      ['deadline.overdue', 1],
    ]);
    expect(window.every((t) => (t.data as any).clock === 'judicial_confirmation')).toBe(true);
    const mediation = service(clock, [3, 1]).plan('d1', dueAt);
    expect(mediation.every((t) => (t.data as any).clock === undefined)).toBe(true);
    const ids = new Set(mediation.map((t) => t.key));
    expect(window.some((t) => ids.has(t.key))).toBe(false);
  });

  it('leaves out reminders already past when the deadline is set late', () => {
    const plan = service(new FixedClock(shanghaiInstant('2026-03-18', 12)), [3, 1]).plan('d1', dueAt);
    expect(plan.filter((t) => t.queue === 'deadline.remind').map((t) => (t.data as any).offsetDays)).toEqual([
      1,
    ]);
  });

  it('spreads reminders over the window after 09:00, at the same place for a case every time', () => {
    const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    const nine = shanghaiInstant('2026-03-19', 9).getTime();
    const offsets = Array.from({ length: 200 }, (_, i) => {
      const at = service(clock, [1], 72, 30).plan(`case-${i}`, dueAt)[0].at.getTime();
      expect(service(clock, [1], 72, 30).plan(`case-${i}`, dueAt)[0].at.getTime()).toBe(at);
      return at - nine;
    });
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(30 * 60_000);
    expect(new Set(offsets).size).toBeGreaterThan(150);
    expect(spreadOffsetMs('x', 0)).toBe(0);
  });
});
