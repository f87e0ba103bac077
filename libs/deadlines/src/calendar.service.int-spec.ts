import { AuditService } from '@tiaojie/audit';
import { Actor, DomainError, ErrorCode, FixedClock, Role } from '@tiaojie/core';
import { shanghaiWallClockToInstant } from '@tiaojie/business-time';
import { CalendarService } from './calendar.service';
import { calendarTestContext, seedDispute } from './calendar.testing';

const sh = (text: string): Date => shanghaiWallClockToInstant(text)!;
const admin: Actor = { id: null, role: Role.DistrictAdmin, orgId: null, name: '区管理员' };
const YEAR_2027 = {
  holidays: ['2027-01-01', '2027-02-06/2027-02-12'],
  makeupWorkdays: ['2027-02-13'],
  source: 'test notice',
};

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

describe('CalendarService (admin years over the bundled calendar)', () => {
  const clock = new FixedClock(sh('2026-11-01 10:00'));
  let t: Awaited<ReturnType<typeof calendarTestContext>>;
  let calendars: CalendarService;

  beforeAll(async () => {
    t = await calendarTestContext(clock);
    calendars = t.app.get(CalendarService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the bundled years', async () => {
    const years = await calendars.years();
    expect(years.map((y) => [y.year, y.origin])).toEqual([
      [2024, 'built_in'],
      [2025, 'built_in'],
      [2026, 'built_in'],
    ]);
    expect(years[2].makeupWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('warns an admin about the next year before it is entered: horizon, open cases, computed deadlines', async () => {
    await seedDispute(t.db, { dueAt: sh('2027-01-15 23:59:59') });
    const r = await calendars.compute({ regime: 'work_order_reply', start: sh('2026-12-28 09:00'), days: 5 });
    expect(r.warnings.map((w) => w.year)).toEqual([2027]);
    const coverage = await calendars.coverage();
    expect(coverage.today).toBe('2026-11-01');
    expect(coverage.coveredYears).toEqual([2024, 2025, 2026]);
    expect(coverage.warnings.map((w) => [w.year, w.reason, w.count ?? null])).toEqual([
      [2027, 'horizon', null],
      [2027, 'open_cases', 1],
      [2027, 'computed', 1],
    ]);
  });

  it('refuses bad years and non-admins with stable codes', async () => {
    expect(
      (await domainError(calendars.putYear({ ...admin, role: Role.BodyAdmin }, 2027, YEAR_2027))).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect((await domainError(calendars.putYear(admin, 1999, YEAR_2027))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    // a make-up workday must be a Saturday or Sunday; dates must lie in the year
    const weekday = await domainError(
      calendars.putYear(admin, 2027, { holidays: [], makeupWorkdays: ['2027-02-15'] }),
    );
    expect(weekday.message).toBe('日历数据有误，请检查日期');
    expect((weekday.details as { problem: string }).problem).toContain('not a Saturday or Sunday');
    expect(
      (await domainError(calendars.putYear(admin, 2027, { holidays: ['2028-01-01'], makeupWorkdays: [] })))
        .code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    expect((await calendars.years()).map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('adds a year (audited), which the next computation uses at once', async () => {
    const saved = await calendars.putYear(admin, 2027, { ...YEAR_2027, version: 0 });
    expect(saved).toMatchObject({ year: 2027, origin: 'admin', version: 1, source: 'test notice' });
    // after Fri 2027-02-05: 02-06..02-12 off, Sat 02-13 is a make-up workday, then Mon 02-15
    expect(
      (await calendars.compute({ regime: 'work_order_reply', start: sh('2027-02-05 10:00'), days: 1 }))
        .dueDate,
    ).toBe('2027-02-13');
    expect(
      (await calendars.compute({ regime: 'work_order_reply', start: sh('2027-02-05 10:00'), days: 2 }))
        .dueDate,
    ).toBe('2027-02-15');
    const coverage = await calendars.coverage();
    expect(coverage.adminYears).toEqual([2027]);
    expect(coverage.warnings).toEqual([]);
    const audit = await t.app.get(AuditService).forEntity('workday_calendar_year', '2027');
    expect(audit.map((a) => a.action)).toEqual(['calendar.year.added']);
  });

  it('replaces a year with a version check; concurrent writers of the same version: one wins, one gets 409', async () => {
    expect((await domainError(calendars.putYear(admin, 2027, { ...YEAR_2027, version: 0 }))).code).toBe(
      ErrorCode.VERSION_CONFLICT,
    );
    const replaced = await calendars.putYear(admin, 2027, {
      holidays: ['2027-01-01/2027-01-03'],
      makeupWorkdays: [],
      version: 1,
    });
    expect(replaced.version).toBe(2);
    expect(
      (await calendars.compute({ regime: 'work_order_reply', start: sh('2027-02-05 10:00'), days: 1 }))
        .dueDate,
    ).toBe('2027-02-08');

    const results = await Promise.allSettled([
      calendars.putYear(admin, 2028, { holidays: ['2028-01-01'], makeupWorkdays: [], version: 0 }),
      calendars.putYear(admin, 2028, { holidays: ['2028-01-03'], makeupWorkdays: [], version: 0 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: ErrorCode.VERSION_CONFLICT });
    // without a version the last writer wins, serialised per year
    await Promise.all([
      calendars.putYear(admin, 2029, { holidays: ['2029-01-01'], makeupWorkdays: [] }),
      calendars.putYear(admin, 2029, { holidays: ['2029-01-01'], makeupWorkdays: [] }),
    ]);
    expect((await calendars.years()).find((y) => y.year === 2029)?.version).toBe(2);
    expect(
      (await t.app.get(AuditService).forEntity('workday_calendar_year', '2027')).map((a) => a.action),
    ).toEqual(['calendar.year.added', 'calendar.year.replaced']);
  });
});
