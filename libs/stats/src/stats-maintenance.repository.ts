import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { DbService, Executor, resultRows } from '@tiaojie/db';
import { FOLD_DISPUTES, FOLD_TRANSITIONS, REBUILD } from './stats-triggers.sql';

const FOLD_LOCK = 7_405_112_202;

/**
 * Folds pending deltas into the aggregates and rebuilds them from scratch. The triggers that append the deltas are
 * installed by a migration (0006_stats-triggers.sql).
 */
@Injectable()
export class StatsMaintenanceRepository {
  constructor(private readonly db: DbService) {}

  /** Folds the deltas committed so far into the aggregates; returns how many dispute deltas moved. */
  async fold(): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
      const n = resultRows<{ n: number }>(await tx.execute(sql.raw(FOLD_DISPUTES)))[0]?.n ?? 0;
      await tx.execute(sql.raw(FOLD_TRANSITIONS));
      return Number(n);
    });
  }

  /** Recomputes the dispute and transition aggregates from the tables (repair, or after bulk loads). */
  async rebuild(): Promise<void> {
    await this.db.transaction((tx) => this.rebuildIn(tx));
  }

  private async rebuildIn(tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
    // Writers wait while the tables are read, so no change falls between the rebuild and the triggers.
    await tx.execute(sql`lock table disputes, case_transitions in share row exclusive mode`);
    for (const stmt of REBUILD) await tx.execute(sql.raw(stmt));
    await tx.execute(sql.raw(FOLD_DISPUTES));
    await tx.execute(sql.raw(FOLD_TRANSITIONS));
  }
}
