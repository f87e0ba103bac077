import { eq } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { textsAbout } from './outbox';
import { TestApp } from './test-app';

/** The inbox rows written about a case, for every user. */
export function noticesAbout(t: TestApp, disputeId: string) {
  return t.db.db.select().from(schema.notifications).where(eq(schema.notifications.disputeId, disputeId));
}

/** The kinds a user was told about a case, in order. */
export async function noticeKinds(t: TestApp, disputeId: string, userId: string | undefined) {
  return (await noticesAbout(t, disputeId))
    .filter((n) => n.userId === userId)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((n) => n.kind);
}

/** The SMS bodies about a case sent to one phone, in the order they were written. */
export async function textsToPhone(t: TestApp, caseNumber: string, phone: string) {
  return (await textsAbout(t, caseNumber)).filter((o) => o.recipient === phone).map((o) => o.body);
}
