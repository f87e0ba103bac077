import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { DbService, Executor, resultRows } from '@tiaojie/db';
import {
  FOLD_DISPUTES,
  FOLD_TRANSITIONS,
  REBUILD,
  STATS_TRIGGERS_VERSION,
  TRIGGER_DDL,
  TRIGGER_NAMES,
} from './stats-triggers.sql';

const INSTALL_LOCK = 7_405_112_201;
const FOLD_LOCK = 7_405_112_202;
const META_KEY = 'stats.triggers';

/**
 * Installs the aggregate triggers (once per database and version, under a lock so several
 * instances may start together), folds pending deltas, and rebuilds aggregates from scratch.
 */
@Injectable()
export class StatsMaintenanceRepository implements OnModuleInit {
  private readonly logger = new Logger('Stats');
  private installed: Promise<void> | null = null;

  constructor(private readonly db: DbService) {}

  onModuleInit(): Promise<void> {
    return this.ensureInstalled();
  }

  ensureInstalled(): Promise<void> {
    this.installed ??= this.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${INSTALL_LOCK})`);
        const meta = resultRows<{ value: { version?: number } }>(
          await tx.execute(sql`select value from meta where key = ${META_KEY}`),
        )[0];
        const present = resultRows<{ n: number }>(
          await tx.execute(
            sql`select count(*)::int as n from pg_trigger where tgname in (${sql.join(
              TRIGGER_NAMES.map((n) => sql`${n}`),
              sql`, `,
            )})`,
          ),
        )[0];
        if (meta?.value?.version === STATS_TRIGGERS_VERSION && Number(present.n) === TRIGGER_NAMES.length)
          return;
        for (const ddl of TRIGGER_DDL) await tx.execute(sql.raw(ddl));
        await this.rebuildIn(tx);
        const value = JSON.stringify({
          version: STATS_TRIGGERS_VERSION,
          installedAt: new Date().toISOString(),
        });
        await tx.execute(
          sql`insert into meta (key, value) values (${META_KEY}, ${value}::jsonb) on conflict (key) do update set value = excluded.value`,
        );
        this.logger.log(`statistics triggers v${STATS_TRIGGERS_VERSION} installed, aggregates rebuilt`);
      })
      .catch((err) => {
        this.installed = null;
        throw err;
      });
    return this.installed;
  }

  /** Folds the deltas committed so far into the aggregates; returns how many dispute deltas moved. */
  async fold(): Promise<number> {
    await this.ensureInstalled();
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
      const n = resultRows<{ n: number }>(await tx.execute(sql.raw(FOLD_DISPUTES)))[0]?.n ?? 0;
      await tx.execute(sql.raw(FOLD_TRANSITIONS));
      return Number(n);
    });
  }

  /** Recomputes the dispute and transition aggregates from the tables (repair, or after bulk loads). */
  async rebuild(): Promise<void> {
    await this.ensureInstalled();
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
