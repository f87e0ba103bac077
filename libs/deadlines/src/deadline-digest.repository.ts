import { Injectable } from '@nestjs/common';
import { and, asc, inArray, isNotNull, lte, eq } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export interface DigestCase {
  id: string;
  number: string;
  title: string;
  dueAt: Date;
  mediatorId: string | null;
}

@Injectable()
export class DeadlineDigestRepository {
  /** Bodies handling at least one case with a running time limit that ends by `until`. */
  async bodiesWithDeadlines(db: Executor, states: readonly string[], until: Date): Promise<string[]> {
    if (states.length === 0) return [];
    const d = schema.disputes;
    const rows = await db
      .selectDistinct({ bodyId: d.bodyId })
      .from(d)
      .where(
        and(isNotNull(d.bodyId), isNotNull(d.dueAt), inArray(d.status, [...states]), lte(d.dueAt, until)),
      );
    return rows.map((r) => r.bodyId!).sort();
  }

  async casesDueBy(
    db: Executor,
    bodyId: string,
    states: readonly string[],
    until: Date,
    limit: number,
  ): Promise<DigestCase[]> {
    if (states.length === 0) return [];
    const d = schema.disputes;
    const rows = await db
      .select({ id: d.id, number: d.number, title: d.title, dueAt: d.dueAt, mediatorId: d.mediatorId })
      .from(d)
      .where(
        and(eq(d.bodyId, bodyId), isNotNull(d.dueAt), inArray(d.status, [...states]), lte(d.dueAt, until)),
      )
      .orderBy(asc(d.dueAt), asc(d.number))
      .limit(limit);
    return rows.map((r) => ({ ...r, dueAt: r.dueAt! }));
  }
}
