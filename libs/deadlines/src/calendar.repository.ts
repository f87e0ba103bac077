import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type CalendarYearRow = typeof schema.workdayCalendarYears.$inferSelect;

function rowsOf(result: unknown): any[] {
  return (Array.isArray(result) ? result : (result as { rows: any[] }).rows) ?? [];
}

@Injectable()
export class CalendarRepository {
  all(db: Executor): Promise<CalendarYearRow[]> {
    return db.select().from(schema.workdayCalendarYears).orderBy(asc(schema.workdayCalendarYears.year));
  }

  /** Serialises writers of one year for the rest of the transaction. */
  async lockYear(tx: Executor, year: number): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('workday_calendar_year'), ${year})`);
  }

  async byYear(db: Executor, year: number): Promise<CalendarYearRow | null> {
    return (
      (
        await db.select().from(schema.workdayCalendarYears).where(eq(schema.workdayCalendarYears.year, year))
      )[0] ?? null
    );
  }

  async insert(tx: Executor, row: typeof schema.workdayCalendarYears.$inferInsert): Promise<CalendarYearRow> {
    return (await tx.insert(schema.workdayCalendarYears).values(row).returning())[0];
  }

  async update(
    tx: Executor,
    year: number,
    patch: Partial<typeof schema.workdayCalendarYears.$inferInsert>,
  ): Promise<CalendarYearRow> {
    return (
      await tx
        .update(schema.workdayCalendarYears)
        .set(patch)
        .where(eq(schema.workdayCalendarYears.year, year))
        .returning()
    )[0];
  }

  /** Open cases with a running time limit, counted by the Asia/Shanghai year of their deadline. */
  async openDeadlinesByYear(
    db: Executor,
    states: readonly string[],
  ): Promise<{ year: number; count: number }[]> {
    if (states.length === 0) return [];
    const year = sql<number>`extract(year from ${schema.disputes.dueAt} at time zone 'Asia/Shanghai')::int`;
    const rows = await db
      .select({ year, count: sql<number>`count(*)::int` })
      .from(schema.disputes)
      .where(and(isNotNull(schema.disputes.dueAt), inArray(schema.disputes.status, [...states])))
      .groupBy(year);
    return rowsOf(rows).map((r) => ({ year: Number(r.year), count: Number(r.count) }));
  }
}
