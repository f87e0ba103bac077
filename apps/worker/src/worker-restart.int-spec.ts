import { INestApplicationContext } from '@nestjs/common';
import { DEFAULT_DEADLINE_SETTINGS, CaseDeadlineService, DEADLINE_REMIND_JOB } from '@tiaojie/deadlines';
import { FixedClock } from '@tiaojie/core';
import { DbService, schema } from '@tiaojie/db';
import { endOfBusinessDay, shanghaiInstant } from '@tiaojie/business-time';
import { DEFAULT_SMS_DELIVERY_SETTINGS } from '@tiaojie/notifications';
import { eq } from 'drizzle-orm';
import { createWorker } from './bootstrap';
import {
  advanceQueuedJobs,
  DeadlineFixtures,
  inboxRows,
  jobCounts,
  outboxRows,
  RecordingSmsSender,
  restartableDatabase,
  seedDeadlineFixtures,
  waitUntil,
  workerTestConfig,
} from './worker.testing';

/**
 * A case due 2026-03-20 23:59:59 (Asia/Shanghai) with reminders 3 and 1 days before (09:00), the overdue
 * notice and the escalation 72 h later. Time is a frozen clock for the app and, for pg-boss, queued jobs
 * moved earlier by the same amount the clock jumps (as if the database clock jumped). The worker is
 * stopped after the first reminder and a new one is started on the same database; every reminder,
 * overdue notice, escalation and daily digest must reach the inbox and the SMS outbox exactly once.
 */
describe('deadline timers across a worker restart', () => {
  const dueAt = endOfBusinessDay('2026-03-20');
  const remind3 = shanghaiInstant('2026-03-17', 9);
  const remind1 = shanghaiInstant('2026-03-19', 9);
  const overdue1 = new Date(dueAt.getTime() + 60_000);
  const escalate = new Date(dueAt.getTime() + 72 * 3_600_000);
  const lead = 1500;
  const clock = new FixedClock(new Date(remind3.getTime() - lead));
  const sms = new RecordingSmsSender();
  let store: Awaited<ReturnType<typeof restartableDatabase>>;
  let db: DbService;
  let worker: INestApplicationContext | null = null;
  let fx: DeadlineFixtures;

  const start = async () => {
    db = await store.open();
    worker = await createWorker(workerTestConfig(), db, {
      clock,
      smsSender: sms,
      tuning: { pollingIntervalSeconds: 0.5 },
      deadlines: {
        ...DEFAULT_DEADLINE_SETTINGS,
        reminderOffsetsDays: [3, 1],
        reminderSpreadMinutes: 0,
        escalateAfterHours: 72,
      },
      sms: { ...DEFAULT_SMS_DELIVERY_SETTINGS, retryDelaySeconds: 1 },
    });
  };
  const stop = async () => {
    await worker?.close();
    worker = null;
  };
  /** Jumps the app clock and the queue's pending timers to `lead` ms before `at`. */
  const travelTo = async (at: Date) => {
    const delta = at.getTime() - lead - clock.now().getTime();
    await advanceQueuedJobs(db, delta);
    clock.advance(delta);
  };
  const count = async (kind: string) => (await inboxRows(db)).filter((n) => n.kind === kind);

  beforeAll(async () => {
    store = await restartableDatabase();
  });
  afterAll(async () => {
    await stop();
    await store.dispose();
  });

  it('sends each reminder once when the worker is stopped mid-schedule and restarted', async () => {
    await start();
    fx = await seedDeadlineFixtures(db.db, dueAt);
    const deadlines = worker!.get(CaseDeadlineService);
    const [dispute] = await db.db.select().from(schema.disputes).where(eq(schema.disputes.id, fx.disputeId));
    expect(deadlines.plan(dispute.id, dueAt).map((t) => [t.queue, t.at.toISOString()])).toEqual([
      ['deadline.remind', remind3.toISOString()],
      ['deadline.remind', remind1.toISOString()],
      ['deadline.overdue', overdue1.toISOString()],
      ['deadline.overdue', escalate.toISOString()],
    ]);
    // scheduling twice (a retried transaction, a repeated transition) enqueues each timer once
    await db.transaction((tx) => deadlines.schedule(tx, dispute));
    await db.transaction((tx) => deadlines.schedule(tx, dispute));
    expect(await jobCounts(db)).toMatchObject({ 'deadline.remind': 2, 'deadline.overdue': 2 });

    // the 3-day reminder fires on the first worker, and its SMS leaves the outbox
    await waitUntil('3-day reminder', async () => (await count('deadline.reminder')).length === 1);
    await waitUntil('3-day reminder SMS', async () =>
      (await outboxRows(db)).some((o) => o.status === 'sent'),
    );
    // a second delivery of the same timer (a retry after a crash) notifies nobody again
    expect(
      await deadlines.handleReminder({ disputeId: fx.disputeId, dueAt: dueAt.toISOString(), offsetDays: 3 }),
    ).toBe(false);

    // stop the worker with the 1-day reminder, the overdue notice and the escalation still queued
    await stop();
    db = await store.open();
    await travelTo(remind1);
    await db.close();
    await start();

    await waitUntil('1-day reminder', async () => (await count('deadline.reminder')).length === 2);
    await travelTo(overdue1);
    await waitUntil('overdue notice', async () => (await count('deadline.overdue')).length === 2);
    await travelTo(escalate);
    await waitUntil('escalation', async () => (await count('deadline.escalated')).length === 1);
    await waitUntil('all SMS sent', async () => {
      const out = await outboxRows(db);
      return out.length === 5 && out.every((o) => o.status === 'sent');
    });

    // one more restart after everything fired: nothing is sent again
    await stop();
    await start();
    await db.transaction((tx) => worker!.get(CaseDeadlineService).schedule(tx, dispute));
    await new Promise((r) => setTimeout(r, 2500));

    const inbox = await inboxRows(db);
    const byKind = (kind: string) =>
      inbox
        .filter((n) => n.kind === kind)
        .map((n) => n.userId)
        .sort();
    expect(byKind('deadline.reminder')).toEqual([fx.mediatorId, fx.mediatorId]);
    expect(new Set(inbox.filter((n) => n.kind === 'deadline.reminder').map((n) => n.dedupeKey)).size).toBe(2);
    expect(byKind('deadline.overdue')).toEqual([fx.bodyAdminId, fx.mediatorId].sort());
    expect(byKind('deadline.escalated')).toEqual([fx.districtAdminId]);
    const out = await outboxRows(db);
    expect(out).toHaveLength(5);
    expect(out.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
    expect(sms.sent).toHaveLength(5);
    expect(new Set(sms.sent.map((s) => `${s.phone} ${s.text}`)).size).toBe(5);
    // the daily digest (08:00) reached the body admin once for each day the clock passed, 03-17 … 03-23
    const days = [
      '2026-03-17',
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
    ];
    const digests = await waitUntil('digests', async () => {
      const d = await count('deadline.digest');
      return d.length >= days.length ? d : null;
    });
    expect(digests.map((n) => n.dedupeKey).sort()).toEqual(days.map((d) => `digest:${fx.bodyId}:${d}`));
    expect(digests.every((n) => n.userId === fx.bodyAdminId)).toBe(true);
    expect((await jobCounts(db))[DEADLINE_REMIND_JOB]).toBe(2);
  });
});
