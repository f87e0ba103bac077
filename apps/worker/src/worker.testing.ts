/** Test support for worker integration tests: a database that survives a worker restart, fixtures, time travel. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sql } from 'drizzle-orm';
import { SmsSender } from '@tiaojie/auth';
import { AppConfig, loadConfig } from '@tiaojie/core';
import { createTestDatabase, DbService, Executor, schema } from '@tiaojie/db';

export function workerTestConfig(): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-test-secret-test-secret!',
    DEMO_DATA: 'false',
  });
}

/**
 * A database a worker can be stopped on and a new one started on: a fresh database on DATABASE_URL, or a
 * PGlite data folder (closing the worker closes its DbService, as a process exit would).
 */
export async function restartableDatabase(): Promise<{
  open: () => Promise<DbService>;
  dispose: () => Promise<void>;
  engine: 'pglite' | 'postgres';
}> {
  if (process.env.DATABASE_URL) {
    const ctx = await createTestDatabase();
    let first = true;
    const opened: DbService[] = [];
    return {
      engine: 'postgres',
      open: async () => {
        if (first) {
          first = false;
          return ctx.db;
        }
        const db = await DbService.connect({ databaseUrl: ctx.url, dataDir: '' });
        opened.push(db);
        return db;
      },
      dispose: async () => {
        for (const db of opened) await db.close();
        await ctx.dispose();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tj-worker-'));
  const opened: DbService[] = [];
  return {
    engine: 'pglite',
    open: async () => {
      const db = await DbService.connect({ databaseUrl: null, dataDir: dir });
      await db.migrate();
      opened.push(db);
      return db;
    },
    dispose: async () => {
      for (const db of opened) await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Records every SMS; fails the first `failFirst` sends. */
export class RecordingSmsSender extends SmsSender {
  readonly sent: { phone: string; text: string }[] = [];
  calls = 0;
  constructor(private failFirst = 0) {
    super();
  }
  async send(phone: string, text: string): Promise<void> {
    this.calls++;
    if (this.calls <= this.failFirst) throw new Error(`fake provider down (call ${this.calls})`);
    this.sent.push({ phone, text });
  }
}

export interface DeadlineFixtures {
  bodyId: string;
  bodyAdminId: string;
  mediatorId: string;
  districtAdminId: string;
  disputeId: string;
}

/** A body with an admin and a mediator, a district admin (all with phones), and one case in mediation due at `dueAt`. */
export async function seedDeadlineFixtures(db: Executor, dueAt: Date, tag = '1'): Promise<DeadlineFixtures> {
  const [body] = await db
    .insert(schema.organizations)
    .values({ code: `T-BODY-${tag}`, name: `测试调委会${tag}`, kind: 'peoples', level: 'street' })
    .returning();
  const [district] = await db
    .insert(schema.organizations)
    .values({ code: `T-DISTRICT-${tag}`, name: `测试区${tag}`, kind: 'district', level: 'district' })
    .returning();
  const user = async (username: string, role: string, orgId: string, phone: string) =>
    (
      await db
        .insert(schema.users)
        .values({ username, displayName: username, role, orgId, phone })
        .returning()
    )[0].id;
  const bodyAdminId = await user(`t_admin_${tag}`, 'body_admin', body.id, `1390000${tag.padStart(2, '0')}01`);
  const mediatorId = await user(`t_med_${tag}`, 'mediator', body.id, `1390000${tag.padStart(2, '0')}02`);
  const districtAdminId = await user(
    `t_district_${tag}`,
    'district_admin',
    district.id,
    `1390000${tag.padStart(2, '0')}03`,
  );
  const [dispute] = await db
    .insert(schema.disputes)
    .values({
      number: `TZ2026-T${tag.padStart(5, '0')}`,
      category: 'neighbour',
      channel: 'online',
      title: '邻里噪音纠纷',
      description: '测试案件',
      status: 'in_mediation',
      bodyId: body.id,
      mediatorId,
      dueAt,
      acceptedAt: new Date(dueAt.getTime() - 30 * 86_400_000),
    })
    .returning();
  return { bodyId: body.id, bodyAdminId, mediatorId, districtAdminId, disputeId: dispute.id };
}

function rows(result: unknown): any[] {
  return (Array.isArray(result) ? result : (result as { rows: any[] }).rows) ?? [];
}

/** Moves every queued job `ms` earlier: the same as the database clock jumping ahead by `ms`. */
export async function advanceQueuedJobs(db: DbService, ms: number): Promise<number> {
  const r = await db.db.execute(
    sql`update pgboss.job set start_after = start_after - ${`${ms / 1000} seconds`}::interval where state in ('created', 'retry') returning id`,
  );
  return rows(r).length;
}

export async function jobCounts(db: DbService): Promise<Record<string, number>> {
  const r = await db.db.execute(
    sql`select name, count(*)::int as n from pgboss.job group by name order by name`,
  );
  return Object.fromEntries(rows(r).map((x) => [x.name, Number(x.n)]));
}

export async function inboxRows(
  db: DbService,
): Promise<{ userId: string; kind: string; dedupeKey: string }[]> {
  return db.db
    .select({
      userId: schema.notifications.userId,
      kind: schema.notifications.kind,
      dedupeKey: schema.notifications.dedupeKey,
    })
    .from(schema.notifications);
}

export async function outboxRows(db: DbService) {
  return db.db.select().from(schema.outbox);
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
