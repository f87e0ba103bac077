/**
 * The platform's own path: N 'deadline.remind' jobs for N cases, sent through the JobQueue with startAfter
 * spread over the window, fired by the real worker (createWorker, default tuning). Each firing re-reads the
 * case, writes the inbox notification and the SMS outbox row and enqueues its delivery (which the worker
 * then also runs, through the development log sender). Lateness = the notification's created_at (the
 * worker's clock when the handler ran) − the reminder's due instant.
 */
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '@tiaojie/core';
import { createTestDatabase, schema } from '@tiaojie/db';
import { JobQueue, type WorkOptions } from '@tiaojie/jobs';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { DEADLINE_REMIND_JOB, type ReminderJob } from '@tiaojie/deadlines';

export async function runWorkerReminders(
  n: number,
  windowMs: number,
  sendConcurrency: number,
  tuning?: WorkOptions,
) {
  const ctx = await createTestDatabase();
  const db = ctx.db;
  const [body] = await db.db
    .insert(schema.organizations)
    .values({ code: 'BENCH-BODY', name: '基准测试调委会', kind: 'peoples', level: 'street' })
    .returning();
  const [mediator] = await db.db
    .insert(schema.users)
    .values({
      username: 'bench_mediator',
      displayName: '调解员',
      role: 'mediator',
      orgId: body.id,
      phone: '13900009999',
    })
    .returning();
  const dueAt = new Date(Date.now() + 30 * 86_400_000);
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1000) {
    const rows = await db.db
      .insert(schema.disputes)
      .values(
        Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
          number: `TZ2026-B${String(i + k).padStart(6, '0')}`,
          category: 'neighbour',
          channel: 'online',
          title: `基准案件${i + k}`,
          description: 'bench',
          status: 'in_mediation',
          bodyId: body.id,
          mediatorId: mediator.id,
          dueAt,
        })),
      )
      .returning({ id: schema.disputes.id });
    ids.push(...rows.map((r) => r.id));
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'silent',
  });
  const worker = await createWorker(config, db, {
    sms: { provider: 'log', http: null, maxAttempts: 5, retryDelaySeconds: 30 },
    tuning,
  });
  const queue = worker.get(JobQueue);
  try {
    const t0 = Date.now();
    for (let i = 0; i < 200; i++) await queue.send('bench.calibrate', { i });
    const perJob = (Date.now() - t0) / 200; // sequential; concurrent sends on 2 cores are not much faster
    console.error(`worker scenario: ${n} cases seeded, calibration ${perJob.toFixed(2)} ms per send`);
    const start = Date.now() + Math.ceil(perJob * n * 1.5) + 5000;
    const due = new Map(
      ids.map((id, i) => [id, start + (windowMs === 0 ? 0 : Math.floor((i * windowMs) / n))]),
    );

    const e0 = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: sendConcurrency }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          const data: ReminderJob = { disputeId: id, dueAt: dueAt.toISOString(), offsetDays: 3 };
          await queue.send(DEADLINE_REMIND_JOB, data, {
            startAfter: new Date(due.get(id)!),
            singletonKey: `bench:${id}`,
          });
        }
      }),
    );
    const enqueueMs = Date.now() - e0;
    if (Date.now() > start)
      console.warn(`warning: enqueueing ended ${Date.now() - start} ms after the first reminder was due`);

    const giveUp = start + windowMs + 180_000;
    let fired: { disputeId: string; at: Date }[] = [];
    while (Date.now() < giveUp) {
      await new Promise((r) => setTimeout(r, 1000));
      const r = await db.db.execute(
        sql`select count(*)::int as n from notifications where kind = 'deadline.reminder'`,
      );
      if (Number(((r as any).rows ?? r)[0].n) >= n) break;
    }
    fired = (
      await db.db
        .select({ disputeId: schema.notifications.disputeId, at: schema.notifications.createdAt })
        .from(schema.notifications)
        .where(eq(schema.notifications.kind, 'deadline.reminder'))
    ).map((x) => ({ disputeId: x.disputeId!, at: x.at }));
    const lateness = fired.map((f) => f.at.getTime() - due.get(f.disputeId)!);
    const sent = await db.db.execute(
      sql`select status, count(*)::int as n from outbox group by status order by status`,
    );
    return {
      lateness,
      enqueueMs,
      missing: n - fired.length,
      outbox: ((sent as any).rows ?? sent).map((x: any) => `${x.status} ${x.n}`).join(', '),
    };
  } finally {
    await worker.close();
    await ctx.dispose();
  }
}
