import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

const runs = schema.importRuns;
const rej = schema.importRejections;
export type ImportRunRow = typeof runs.$inferSelect;
export type ImportRejectionRow = typeof rej.$inferSelect;
const CHUNK = 1000;

@Injectable()
export class ImportRunRepository {
  async create(db: Executor, row: typeof runs.$inferInsert): Promise<ImportRunRow> {
    return (await db.insert(runs).values(row).returning())[0];
  }

  async update(
    db: Executor,
    id: string,
    patch: Partial<typeof runs.$inferInsert>,
  ): Promise<ImportRunRow | null> {
    return (await db.update(runs).set(patch).where(eq(runs.id, id)).returning())[0] ?? null;
  }

  async byId(db: Executor, id: string): Promise<ImportRunRow | null> {
    return (await db.select().from(runs).where(eq(runs.id, id)).limit(1))[0] ?? null;
  }

  list(db: Executor, limit: number): Promise<ImportRunRow[]> {
    return db.select().from(runs).orderBy(desc(runs.startedAt)).limit(limit);
  }

  async insertRejections(tx: Executor, rows: (typeof rej.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(rej).values(rows.slice(i, i + CHUNK));
  }

  /** One page of a run's rejected rows in line order (keyset on the line). */
  rejections(db: Executor, runId: string, afterLine: number, limit: number): Promise<ImportRejectionRow[]> {
    return db
      .select()
      .from(rej)
      .where(and(eq(rej.runId, runId), gt(rej.line, afterLine)))
      .orderBy(asc(rej.line))
      .limit(limit);
  }
}
