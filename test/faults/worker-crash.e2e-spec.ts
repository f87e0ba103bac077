import * as http from 'node:http';
import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { application, call, partyToken, staffToken, uniquePhone } from './support/clients';
import {
  Proc,
  buildServer,
  freshDatabase,
  postgresBase,
  sql,
  startApi,
  startWorker,
  until,
} from './support/cluster';

/**
 * The worker is killed (SIGKILL) while it delivers SMS notifications (deadline reminders
 * and overdue notices of 15 cases, through an SMS provider behind HTTP that answers slowly), then started
 * again. Every notification must reach the inbox exactly once and every SMS the provider exactly once.
 *
 * The provider is a real HTTP server in this test that records each request when it receives it (a real
 * provider accepts the message then) and answers after HOLD_MS. A job the dead worker held stays "active"
 * until pg-boss expires it (15 minutes by default) at its maintenance (every 2 minutes): the test moves those
 * jobs' start time back an hour and runs pg-boss's own maintenance every second from a supervisor in this
 * process, instead of waiting 17 minutes. If the sender passes a delivery key (an Idempotency-Key header or
 * an idempotencyKey/outId field), the provider counts one delivery per key, as real providers dedupe on it.
 */
const HOLD_MS = 600;

interface Delivery {
  phone: string;
  text: string;
  key: string | null;
  at: number;
}

function fakeProvider(): Promise<{
  url: string;
  received: Delivery[];
  inFlight: () => number;
  close: () => Promise<void>;
}> {
  const received: Delivery[] = [];
  let open = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: any = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        /* counted below */
      }
      const key =
        (req.headers['idempotency-key'] as string | undefined) ?? body.idempotencyKey ?? body.outId ?? null;
      received.push({ phone: body.phone, text: body.text, key, at: Date.now() });
      open += 1;
      setTimeout(() => {
        open -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }, HOLD_MS);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}/sms`,
        received,
        inFlight: () => open,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}

describe('worker crash while delivering notifications (fault)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let api: Proc;
  let worker: Proc | null = null;
  let pg: Client;
  let provider: Awaited<ReturnType<typeof fakeProvider>>;
  let supervisor: PgBoss | null = null;

  beforeAll(async () => {
    const base = await postgresBase();
    buildServer();
    db = await freshDatabase(base);
    provider = await fakeProvider();
    api = await startApi('api', db.url);
    pg = await sql(db.url);
  });
  afterAll(async () => {
    await supervisor?.stop({ graceful: false, wait: true, timeout: 5000 }).catch(() => undefined);
    await worker?.kill('SIGKILL');
    await api?.kill('SIGKILL');
    await provider?.close();
    await pg?.end();
    await db?.drop();
  });

  it('sends each notification once after the worker is killed mid-delivery and restarted', async () => {
    const workerEnv = {
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: provider.url,
      SMS_HTTP_TOKEN: 'fake-provider-token',
      OUTBOX_RETRY_DELAY_SECONDS: '1',
    };
    // three mediators with phones in body A, fifteen cases accepted (their deadlines start) and assigned to them
    const district = await staffToken(api.url, 'admin');
    const admin = await staffToken(api.url, 'js_admin');
    const bodyA = (await call(api.url, 'GET', '/auth/me', { token: admin })).body.orgId;
    const mediators: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(api.url, 'POST', '/staff', {
        token: district,
        body: {
          username: `sms_med_${i}`,
          displayName: `短信调解员${i}`,
          role: 'mediator',
          orgId: bodyA,
          password: 'Welcome2026ok',
          phone: uniquePhone('1358'),
        },
      });
      expect(r.status).toBe(201);
      mediators.push(r.body.id);
    }
    const party = await partyToken(api, uniquePhone('1357'));
    for (let i = 0; i < 15; i++) {
      const applied = await call(api.url, 'POST', '/cases', { token: party, body: application() });
      expect(applied.status).toBe(201);
      const id = applied.body.id;
      const version = async (token: string) =>
        (await call(api.url, 'GET', `/cases/${id}`, { token })).body.version;
      if (applied.body.status !== 'routed')
        expect(
          (
            await call(api.url, 'POST', `/cases/${id}/route`, {
              token: district,
              body: { version: await version(district), bodyId: bodyA, reason: '测试' },
            })
          ).status,
        ).toBe(200);
      expect(
        (
          await call(api.url, 'POST', `/cases/${id}/accept`, {
            token: admin,
            body: { version: await version(admin) },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call(api.url, 'POST', `/cases/${id}/assign`, {
            token: admin,
            body: { version: await version(admin), mediatorId: mediators[i % 3] },
          })
        ).status,
      ).toBe(200);
    }
    const timers = (
      await pg.query(
        `select singleton_key from pgboss.job where name in ('deadline.remind', 'deadline.overdue')`,
      )
    ).rows.map((r) => r.singleton_key as string);
    expect(timers.length).toBeGreaterThanOrEqual(45);
    // the deadlines are weeks away: make every timer due now (as if the clock had moved on)
    await pg.query(
      `update pgboss.job set start_after = now() where name in ('deadline.remind', 'deadline.overdue') and state in ('created', 'retry')`,
    );

    worker = await startWorker('worker-1', db.url, workerEnv);
    await until(
      'SMS in flight at the provider',
      async () => provider.received.length >= 4 && provider.inFlight() > 0,
      60_000,
      10,
    );
    const inFlightAtKill = provider.inFlight();
    const receivedAtKill = provider.received.length;
    worker.child.kill('SIGKILL');
    expect((await worker.exited).signal).toBe('SIGKILL');
    const stuck = (await pg.query(`select count(*)::int as n from outbox where status = 'sending'`)).rows[0]
      .n;

    // restart; the dead worker's jobs expire (time moved on), pg-boss's maintenance retries them
    worker = await startWorker('worker-2', db.url, workerEnv);
    await pg.query(`update pgboss.job set started_on = now() - interval '1 hour' where state = 'active'`);
    supervisor = new PgBoss({
      connectionString: db.url,
      schema: 'pgboss',
      supervise: true,
      schedule: false,
      migrate: false,
      maintenanceIntervalSeconds: 1,
      max: 2,
    });
    supervisor.on('error', () => undefined);
    await supervisor.start();

    await until(
      'every timer and every SMS done',
      async () => {
        const open = (
          await pg.query(
            `select count(*)::int as n from pgboss.job where name in ('deadline.remind', 'deadline.overdue', 'outbox.deliver') and state in ('created', 'retry', 'active')`,
          )
        ).rows[0].n;
        const unsent = (await pg.query(`select count(*)::int as n from outbox where status <> 'sent'`))
          .rows[0].n;
        return open === 0 && unsent === 0 && provider.inFlight() === 0;
      },
      120_000,
      500,
    );

    // inbox: every timer notified its recipients, nobody twice
    const inbox = (
      await pg.query(
        `select user_id, dedupe_key, count(*)::int as n from notifications group by user_id, dedupe_key`,
      )
    ).rows;
    expect(inbox.filter((r) => r.n > 1)).toEqual([]);
    const keys = new Set(inbox.map((r) => r.dedupe_key));
    expect(timers.filter((k) => !keys.has(k))).toEqual([]);

    // SMS: every outbox row sent, received by the provider, once
    const outbox = (await pg.query(`select id, recipient, body, dedupe_key, attempts from outbox`)).rows;
    expect(outbox.length).toBeGreaterThanOrEqual(30);
    const deliveries = (row: { recipient: string; body: string }) => {
      const mine = provider.received.filter((d) => d.phone === row.recipient && d.text === row.body);
      return new Set(mine.map((d, i) => d.key ?? `unkeyed-${i}`)).size;
    };
    const lost = outbox.filter((r) => deliveries(r) === 0).map((r) => r.dedupe_key);
    const twice = outbox
      .filter((r) => deliveries(r) > 1)
      .map((r) => `${r.dedupe_key} (${deliveries(r)} deliveries, ${r.attempts} attempts)`);
    console.log(
      `worker crash: ${timers.length} timers, ${outbox.length} SMS; at the kill ${receivedAtKill} received by the provider, ${inFlightAtKill} unanswered, ${stuck} outbox rows left 'sending'; provider requests in total ${provider.received.length}`,
    );
    expect({ lost, twice }).toEqual({ lost: [], twice: [] });
    expect(worker.alive()).toBe(true);
  });
});
