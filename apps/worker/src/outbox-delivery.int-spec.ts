import { INestApplicationContext } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AuditService } from '@tiaojie/audit';
import { DEFAULT_DEADLINE_SETTINGS } from '@tiaojie/deadlines';
import { Actor, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { loadSmsDeliverySettings, NotificationService, OutboxService } from '@tiaojie/notifications';
import { createWorker } from './bootstrap';
import {
  DeadlineFixtures,
  outboxRows,
  restartableDatabase,
  seedDeadlineFixtures,
  waitUntil,
  workerTestConfig,
} from './worker.testing';

/** A fake SMS provider on 127.0.0.1: answers 503 (or hangs) while told to fail, 200 otherwise. */
class FakeProvider {
  readonly requests: { auth: string | undefined; body: { phone: string; text: string }; ok: boolean }[] = [];
  failNext = 0;
  hangNext = 0;
  private server: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const body = JSON.parse(raw);
        if (this.hangNext > 0) {
          this.hangNext--;
          this.requests.push({ auth: req.headers.authorization, body, ok: false });
          setTimeout(() => res.destroy(), 2000);
          return;
        }
        const ok = this.failNext === 0 && req.headers.authorization === 'Bearer fake-token-123';
        if (this.failNext > 0) this.failNext--;
        this.requests.push({ auth: req.headers.authorization, body, ok });
        res
          .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(ok ? { id: this.requests.length } : { error: 'busy' }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('SMS outbox through an HTTP provider: retries and dead letters', () => {
  const provider = new FakeProvider();
  let store: Awaited<ReturnType<typeof restartableDatabase>>;
  let db: DbService;
  let worker: INestApplicationContext;
  let fx: DeadlineFixtures;
  const admin = (): Actor => ({
    id: fx.districtAdminId,
    role: Role.DistrictAdmin,
    orgId: null,
    name: '区管理员',
  });

  const notify = async (key: string) => {
    const notifications = worker.get(NotificationService);
    await db.transaction((tx) =>
      notifications.notify(tx, {
        userIds: [fx.mediatorId],
        kind: 'test',
        title: '测试',
        body: key,
        dedupeKey: key,
        sms: true,
      }),
    );
    return (await outboxRows(db)).find((o) => o.body.includes(key))!;
  };

  beforeAll(async () => {
    await provider.start();
    store = await restartableDatabase();
    db = await store.open();
    fx = await seedDeadlineFixtures(db.db, new Date(Date.now() + 30 * 86_400_000));
    // the real configuration path: SMS_PROVIDER=http with its URL and token, validated at boot
    const sms = loadSmsDeliverySettings({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: provider.url,
      SMS_HTTP_TOKEN: 'fake-token-123',
      SMS_HTTP_TIMEOUT_MS: '300',
      OUTBOX_MAX_ATTEMPTS: '3',
      OUTBOX_RETRY_DELAY_SECONDS: '1',
    });
    worker = await createWorker(workerTestConfig(), db, {
      sms,
      deadlines: DEFAULT_DEADLINE_SETTINGS,
      tuning: { pollingIntervalSeconds: 0.5 },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await store.dispose();
    await provider.stop();
  });

  it('retries a failing provider and delivers once it answers', async () => {
    provider.failNext = 2;
    const row = await notify('retry-then-ok');
    const done = await waitUntil('delivered', async () =>
      (await outboxRows(db)).find((o) => o.id === row.id && o.status === 'sent'),
    );
    expect(done.attempts).toBe(3);
    expect(done.lastError).toBeNull();
    const calls = provider.requests.filter((r) => r.body.text.includes('retry-then-ok'));
    expect(calls.map((c) => c.ok)).toEqual([false, false, true]);
    expect(calls.every((c) => c.auth === 'Bearer fake-token-123' && c.body.phone === '13900000102')).toBe(
      true,
    );
  });

  it('dead-letters after the last attempt (timeouts count), and a district admin puts it back once', async () => {
    provider.hangNext = 1;
    provider.failNext = 2;
    const row = await notify('always-down');
    const dead = await waitUntil('dead letter', async () =>
      (await outboxRows(db)).find((o) => o.id === row.id && o.status === 'dead'),
    );
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toContain('503');
    const outbox = worker.get(OutboxService);
    expect((await outbox.deadLetters(admin())).map((d) => [d.id, d.recipient])).toEqual([
      [row.id, '139****0102'],
    ]);
    await expect(outbox.deadLetters({ ...admin(), role: Role.BodyAdmin })).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });

    // the provider is healthy again: retry from the dead-letter view
    expect((await outbox.retry(admin(), row.id)).status).toBe('pending');
    const err = await outbox.retry(admin(), row.id).catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: ErrorCode.CONFLICT });
    const sent = await waitUntil('re-delivered', async () =>
      (await outboxRows(db)).find((o) => o.id === row.id && o.status === 'sent'),
    );
    expect(sent.attempts).toBe(1);
    const calls = provider.requests.filter((r) => r.body.text.includes('always-down'));
    expect(calls.map((c) => c.ok)).toEqual([false, false, false, true]);
    expect((await worker.get(AuditService).forEntity('outbox', row.id)).map((a) => a.action)).toEqual([
      'outbox.retried',
    ]);
  });
});
