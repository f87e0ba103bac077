import { asc, like } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { TestApp } from './test-app';

/** The SMS written about a case (its number in the text), in the order they were written. */
export function textsAbout(t: TestApp, caseNumber: string) {
  return (
    t.db.db
      .select()
      .from(schema.outbox)
      .where(like(schema.outbox.body, `%（${caseNumber}）%`))
      // PostgreSQL returns rows the worker updated in any order
      .orderBy(asc(schema.outbox.createdAt))
  );
}
