import { WebhookProcessorService } from '@tiaojie/intake';
import { DbService } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import { createWorker } from '../apps/worker/src/bootstrap';
import {
  DeliveryOptions,
  GRID_SECRET,
  ORDER_ROW,
  deliverWebhook,
  setWebhookSecrets,
} from './support/intake-webhook';
import { TestApp, startTestApp } from './support/test-app';

/**
 * Signed webhook deliveries once accepted: idempotent, validated row by row, processed in batches with failures
 * retried alone, swept into the queue when their job went missing, and processed by the worker.
 */
describe('intake webhooks processing deliveries (e2e)', () => {
  let t: TestApp;
  let restoreSecrets: (() => void) | undefined;

  beforeAll(async () => {
    restoreSecrets = setWebhookSecrets();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    restoreSecrets?.();
  });

  const deliver = (source: string, body: unknown, opts: DeliveryOptions = {}) =>
    deliverWebhook(t.url, source, body, opts);

  it('a delivery repeated any number of times creates one record', async () => {
    const first = await deliver('12345', ORDER_ROW, { key: 'order-SW2099000001-v1' });
    expect(first).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => deliver('12345', ORDER_ROW, { key: 'order-SW2099000001-v1' })),
    );
    for (const r of replays)
      expect(r).toMatchObject({
        status: 202,
        body: { status: 'duplicate', deliveryId: first.body.deliveryId },
      });
    const reused = await deliver(
      '12345',
      { ...ORDER_ROW, 回访满意度: '不满意' },
      { key: 'order-SW2099000001-v1' },
    );
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // the same row again under another key: a second delivery, processed as unchanged
    const again = await deliver('12345', ORDER_ROW, { key: 'order-SW2099000001-retry' });
    expect(again.body.status).toBe('accepted');

    const jobs = (
      await t.db
        .raw(t.db.db)
        .query(`select count(*)::int as n from pgboss.job where name = 'intake.webhook.process'`)
    ).rows[0].n;
    expect(jobs).toBe(2);
    const processor = t.api.app.get(WebhookProcessorService);
    expect(await processor.process(first.body.deliveryId)).toMatchObject({
      rows: 1,
      created: 1,
      disputesCreated: 1,
    });
    expect(await processor.process(first.body.deliveryId)).toMatchObject({ created: 1 });
    expect(await processor.process(again.body.deliveryId)).toMatchObject({
      rows: 1,
      created: 0,
      unchanged: 1,
      disputesCreated: 0,
    });
    const rows = (
      await t.db
        .raw(t.db.db)
        .query<{ due_at: string; channel: string; status: string }>(
          `select r.due_at, d.channel, d.status from intake_records r join disputes d on d.id = r.dispute_id where r.source_id = 'SW2099000001'`,
        )
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'hotline_12345', status: 'received' });
    expect(new Date(rows[0].due_at).toISOString()).toBe('2024-06-11T15:59:59.000Z');
  });

  it('a row rejected by the validators is reported, not stored', async () => {
    const res = await deliver(
      'grid',
      { rows: [{ 事件编号: 'WG2099000001', 上报时间: 'yesterday', 事件描述: '漏水' }] },
      { key: 'grid-1', secret: GRID_SECRET },
    );
    expect(res.status).toBe(202);
    const out = await t.api.app.get(WebhookProcessorService).process(res.body.deliveryId);
    expect(out).toMatchObject({
      rows: 1,
      created: 0,
      rejected: [{ line: 1, reason: 'unparseable report time' }],
    });
  });

  it('deliveries processed as one batch: each result counts its own rows; a failing delivery is retried alone', async () => {
    const row = (no: string, extra: Record<string, string> = {}) => ({
      ...ORDER_ROW,
      工单编号: no,
      联系电话: `139${no.slice(-8)}`,
      ...extra,
    });
    const a = await deliver('12345', row('SW2099000010'), { key: 'batch-a' });
    const b = await deliver(
      '12345',
      { rows: [row('SW2099000011'), row('SW2099000012', { 受理时间: 'yesterday' })] },
      { key: 'batch-b' },
    );
    const c = await deliver('12345', row('SW2099000010'), { key: 'batch-c' });
    const d = await deliver('12345', row('SW2099000010', { 回访满意度: '不满意' }), { key: 'batch-d' });
    const ids = [a, b, c, d].map((r) => {
      expect(r.status).toBe(202);
      return r.body.deliveryId as string;
    });
    const processor = t.api.app.get(WebhookProcessorService);
    expect((await processor.processMany([...ids].reverse())).size).toBe(0); // processed in the order they arrived, whatever the jobs' order
    const stored = async (id: string) =>
      (
        await t.db
          .raw(t.db.db)
          .query(`select status, attempts, result, last_error from webhook_deliveries where id = $1`, [id])
      ).rows[0];
    expect(await stored(ids[0])).toMatchObject({
      status: 'processed',
      attempts: 1,
      last_error: null,
      result: { rows: 1, created: 1, updated: 0, unchanged: 0, disputesCreated: 1, rejected: [] },
    });
    expect((await stored(ids[1])).result).toMatchObject({
      rows: 2,
      created: 1,
      disputesCreated: 1,
      rejected: [{ line: 2 }],
    });
    expect((await stored(ids[2])).result).toMatchObject({
      rows: 1,
      created: 0,
      unchanged: 1,
      disputesCreated: 0,
    });
    expect((await stored(ids[3])).result).toMatchObject({
      rows: 1,
      created: 0,
      updated: 1,
      disputesCreated: 0,
    });
    const records = (
      await t.db
        .raw(t.db.db)
        .query(
          `select source_id, dispute_id is not null as linked from intake_records where source_id in ('SW2099000010', 'SW2099000011', 'SW2099000012') order by 1`,
        )
    ).rows;
    expect(records).toEqual([
      { source_id: 'SW2099000010', linked: true },
      { source_id: 'SW2099000011', linked: true },
    ]);
    // again: nothing changes
    expect((await processor.processMany(ids)).size).toBe(0);
    expect((await stored(ids[0])).attempts).toBe(1);

    // a delivery whose payload no longer passes (stored by hand here) fails alone; the others of its batch go through
    const good = await deliver('12345', row('SW2099000013'), { key: 'batch-e' });
    const [{ id: bad }] = (
      await t.db
        .raw(t.db.db)
        .query<{ id: string }>(
          `insert into webhook_deliveries (source, idempotency_key, payload, payload_hash) values ('12345', 'batch-bad', '{"未知列": "x"}', 'x') returning id`,
        )
    ).rows;
    const failures = await processor.processMany([bad, good.body.deliveryId]);
    expect([...failures.keys()]).toEqual([bad]);
    expect(await stored(bad)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining('未知列'),
    });
    expect((await stored(good.body.deliveryId)).result).toMatchObject({ created: 1, disputesCreated: 1 });
  });

  it('a stored delivery whose job was never queued is queued by the sweep, once', async () => {
    const q = (text: string, params: unknown[] = []) => t.db.raw(t.db.db).query<any>(text, params);
    const [{ id }] = (
      await q(
        `insert into webhook_deliveries (source, idempotency_key, payload, payload_hash, received_at)
      values ('12345', 'stranded-1', $1, 'h', now() - interval '2 minutes') returning id`,
        [JSON.stringify({ ...ORDER_ROW, 工单编号: 'SW2099000020' })],
      )
    ).rows;
    const jobs = async () =>
      (
        await q(
          `select count(*)::int as n from pgboss.job where name = 'intake.webhook.process' and data->>'deliveryId' = $1`,
          [id],
        )
      ).rows[0].n;
    expect(await jobs()).toBe(0);
    const processor = t.api.app.get(WebhookProcessorService);
    const queue = t.api.app.get(JobQueue);
    expect(await processor.enqueueStranded(queue)).toBeGreaterThanOrEqual(1);
    expect(await jobs()).toBe(1);
    await processor.enqueueStranded(queue);
    expect(await jobs()).toBe(1);
    // a recent one is left alone (its api may still be queueing it)
    await q(
      `insert into webhook_deliveries (source, idempotency_key, payload, payload_hash) values ('12345', 'stranded-2', '{}', 'h')`,
    );
    const [{ id: recent }] = (
      await q(`select id from webhook_deliveries where idempotency_key = 'stranded-2'`)
    ).rows;
    await processor.enqueueStranded(queue);
    expect(
      (await q(`select count(*)::int as n from pgboss.job where data->>'deliveryId' = $1`, [recent])).rows[0]
        .n,
    ).toBe(0);
    await processor.process(id);
  });

  it('the worker processes a delivery from the queue', async () => {
    // A worker closes its database on shutdown: on a server it gets its own pool (as in production);
    // PGlite is single-process, so there it shares the api's instance (as `npm start` does).
    const workerDb = t.db.url ? await DbService.connect({ databaseUrl: t.db.url, dataDir: '' }) : t.db;
    const worker = await createWorker(t.config, workerDb, { tuning: { pollingIntervalSeconds: 0.5 } });
    try {
      const row = { ...ORDER_ROW, 工单编号: 'SW2099000002', 联系电话: '13912340000' };
      const res = await deliver('12345', row, { key: 'order-SW2099000002' });
      expect(res.status).toBe(202);
      const processed = await waitForAsync(async () => {
        const r = (
          await t.db
            .raw(t.db.db)
            .query(`select status, result from webhook_deliveries where id = $1`, [res.body.deliveryId])
        ).rows[0];
        return r.status === 'processed' ? r : null;
      }, 20_000);
      expect(processed.result).toMatchObject({ created: 1, disputesCreated: 1 });
    } finally {
      await worker.close();
    }
  });
});

async function waitForAsync<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for condition');
    await new Promise((r) => setTimeout(r, 100));
  }
}
