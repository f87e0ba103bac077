import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import {
  computeDeadline,
  type ComputeDeadlineInput,
  type DeadlineResult,
  type DeadlineWarning,
} from './core/compute-deadline';
import { CalendarDataError } from './core/deadline-errors';
import { type DeadlinePolicies, DEFAULT_POLICIES } from './core/deadline-policy';
import { WorkdayCalendar } from './core/workday-calendar';
import { addCalendarDays, toBusinessDate } from '@tiaojie/business-time';
import { CalendarRepository, CalendarYearRow } from './calendar.repository';
import { DEADLINE_SETTINGS, DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from './deadline-settings';
import { toDomainError } from './deadline-rule.errors';

export interface CalendarYearUpdate {
  holidays: string[];
  makeupWorkdays: string[];
  source?: string | null;
  /** The version the admin read (0 for a year not yet in the database); omitted = overwrite. */
  version?: number;
}

export interface CalendarYearView {
  year: number;
  origin: 'built_in' | 'admin' | 'admin_over_built_in';
  holidays: string[];
  makeupWorkdays: string[];
  source: string | null;
  version: number;
  updatedAt: string | null;
}

export interface CoverageWarning extends DeadlineWarning {
  /** horizon: the year is within the next months; open_cases: running deadlines fall in it; computed: a recent computation fell in it. */
  reason: 'horizon' | 'open_cases' | 'computed';
  count?: number;
}

export interface CalendarCoverage {
  today: string;
  builtInYears: number[];
  adminYears: number[];
  coveredYears: number[];
  warnings: CoverageWarning[];
}

/** How far ahead an admin is warned about a missing year: the longest default limit (60 + 30 days) with a margin. */
const HORIZON_DAYS = 120;
const DEFAULT_TTL_MS = 30_000;
export const CALENDAR_CACHE_TTL_MS = Symbol('CALENDAR_CACHE_TTL_MS');

/**
 * The working-day calendar the platform computes with: the bundled State Council notices with the
 * admin-entered years on top. Cached per process (invalidated on write here, refreshed after the TTL so
 * other instances see an admin's change within it).
 */
@Injectable()
export class CalendarService {
  private cache: { loadedAt: number; calendar: WorkdayCalendar; rows: CalendarYearRow[] } | null = null;
  private readonly computed = new Map<number, { count: number; lastAt: string }>();
  private readonly ttlMs: number;

  constructor(
    private readonly repo: CalendarRepository,
    private readonly db: DbService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Optional()
    @Inject(DEADLINE_SETTINGS)
    private readonly settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
    @Optional() @Inject(CALENDAR_CACHE_TTL_MS) ttlMs?: number,
  ) {
    this.ttlMs = ttlMs ?? DEFAULT_TTL_MS;
  }

  /**
   * The current calendar. Inside a transaction pass it as `db`: on PGlite (one connection) a query on the
   * pool while a transaction is open would wait for that transaction forever.
   */
  async calendar(db?: Executor): Promise<WorkdayCalendar> {
    return (await this.load(db)).calendar;
  }

  invalidate(): void {
    this.cache = null;
  }

  private async load(db: Executor = this.db.db) {
    if (this.cache && Date.now() - this.cache.loadedAt < this.ttlMs) return this.cache;
    const rows = await this.repo.all(db);
    let calendar = WorkdayCalendar.builtIn();
    for (const r of rows)
      calendar = calendar.withYear(r.year, { holidays: r.holidays, makeupWorkdays: r.makeupWorkdays });
    this.cache = { loadedAt: Date.now(), calendar, rows };
    return this.cache;
  }

  /** computeDeadline on the current calendar; warnings about uncovered years are returned and kept for the coverage view. */
  async compute(
    input: ComputeDeadlineInput,
    policies: DeadlinePolicies = DEFAULT_POLICIES,
    db?: Executor,
  ): Promise<DeadlineResult> {
    const calendar = await this.calendar(db);
    let result: DeadlineResult;
    try {
      result = computeDeadline(input, calendar, policies);
    } catch (err) {
      throw toDomainError(err);
    }
    this.noteWarnings(result.warnings);
    return result;
  }

  /** Records warnings of a deadline computed elsewhere (e.g. caseDueAt with this calendar). */
  noteWarnings(warnings: readonly DeadlineWarning[]): void {
    const at = this.clock.now().toISOString();
    for (const w of warnings) {
      const seen = this.computed.get(w.year);
      this.computed.set(w.year, { count: (seen?.count ?? 0) + 1, lastAt: at });
    }
  }

  async years(): Promise<CalendarYearView[]> {
    const { rows } = await this.load();
    const builtIn = WorkdayCalendar.builtIn();
    const admin = new Map(rows.map((r) => [r.year, r]));
    const years = [...new Set([...builtIn.coveredYears(), ...admin.keys()])].sort((a, b) => a - b);
    return years.map((year) => {
      const row = admin.get(year);
      if (row) return viewOf(row, builtIn.covers(year) ? 'admin_over_built_in' : 'admin');
      return {
        year,
        origin: 'built_in',
        ...builtInYear(year),
        source: 'data/cn-workday-calendar.json',
        version: 0,
        updatedAt: null,
      };
    });
  }

  /** Adds or replaces one year (district admin), validated, audited, serialised per year; version checked when given. */
  async putYear(actor: Actor, year: number, input: CalendarYearUpdate): Promise<CalendarYearView> {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('只有区管理员可以维护节假日日历');
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw DomainError.validation('年份须在 2000–2100 之间', { field: 'year' });
    try {
      WorkdayCalendar.builtIn().withYear(year, input);
    } catch (err) {
      if (err instanceof CalendarDataError)
        throw DomainError.validation('日历数据有误，请检查日期', {
          field: 'holidays',
          problem: err.message,
        });
      throw err;
    }
    const row = await this.db.transaction(async (tx) => {
      await this.repo.lockYear(tx, year);
      const current = await this.repo.byYear(tx, year);
      if (input.version !== undefined && input.version !== (current?.version ?? 0)) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, '该年度日历已被他人修改，请刷新后重试', {
          version: current?.version ?? 0,
        });
      }
      const values = {
        holidays: input.holidays,
        makeupWorkdays: input.makeupWorkdays,
        source: input.source ?? null,
        updatedBy: actor.id,
        updatedAt: this.clock.now(),
      };
      const saved = current
        ? await this.repo.update(tx, year, { ...values, version: current.version + 1 })
        : await this.repo.insert(tx, { year, ...values, version: 1 });
      await this.audit.record(tx, actor, {
        action: current ? 'calendar.year.replaced' : 'calendar.year.added',
        entityType: 'workday_calendar_year',
        entityId: String(year),
        data: {
          holidays: input.holidays,
          makeupWorkdays: input.makeupWorkdays,
          source: input.source ?? null,
          version: saved.version,
          previous: current
            ? { holidays: current.holidays, makeupWorkdays: current.makeupWorkdays, version: current.version }
            : null,
        },
      });
      return saved;
    });
    this.invalidate();
    return viewOf(row, WorkdayCalendar.builtIn().covers(year) ? 'admin_over_built_in' : 'admin');
  }

  /** Which years are covered and which deadlines (upcoming, open cases, recent computations) fall outside them. */
  async coverage(): Promise<CalendarCoverage> {
    const { calendar, rows } = await this.load();
    const today = toBusinessDate(this.clock.now());
    const warnings: CoverageWarning[] = [];
    const warn = (year: number, reason: CoverageWarning['reason'], count?: number, what = '') =>
      warnings.push({
        code: 'CALENDAR_YEAR_NOT_COVERED',
        year,
        reason,
        count,
        message: `节假日日历缺少 ${year} 年数据${what}，按周一至周五计工作日，请录入国务院办公厅放假通知`,
      });
    for (const year of calendar.uncoveredYearsBetween(
      addCalendarDays(today, -1),
      addCalendarDays(today, HORIZON_DAYS),
    ))
      warn(year, 'horizon');
    for (const { year, count } of await this.repo.openDeadlinesByYear(
      this.db.db,
      this.settings.clockRunningStates,
    )) {
      if (!calendar.covers(year)) warn(year, 'open_cases', count, `（${count} 件在办案件的期限落在该年）`);
    }
    for (const [year, seen] of [...this.computed].sort((a, b) => a[0] - b[0])) {
      if (!calendar.covers(year))
        warn(year, 'computed', seen.count, `（最近 ${seen.count} 次期限计算涉及该年）`);
    }
    return {
      today,
      builtInYears: WorkdayCalendar.builtIn().coveredYears(),
      adminYears: rows.map((r) => r.year),
      coveredYears: calendar.coveredYears(),
      warnings,
    };
  }
}

function builtInYear(year: number): { holidays: string[]; makeupWorkdays: string[] } {
  const cal = WorkdayCalendar.builtIn();
  const holidays: string[] = [];
  const makeupWorkdays: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    const kind = cal.dayKind(d);
    if (kind === 'holiday') holidays.push(d);
    else if (kind === 'makeup_workday') makeupWorkdays.push(d);
  }
  return { holidays, makeupWorkdays };
}

function viewOf(row: CalendarYearRow, origin: CalendarYearView['origin']): CalendarYearView {
  return {
    year: row.year,
    origin,
    holidays: row.holidays,
    makeupWorkdays: row.makeupWorkdays,
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
