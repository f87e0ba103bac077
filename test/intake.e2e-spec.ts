import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWebhook, WebhookProcessorService } from '@tiaojie/intake';
import { HttpClient, expectStatus } from './support/http-client';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';
import { DbService } from '@tiaojie/db';
import { JobQueue } from '@tiaojie/jobs';
import { createWorker } from '../apps/worker/src/bootstrap';

const SAMPLE = join(__dirname, '..', 'libs', 'intake-parsers', 'fixtures', 'sample-2024');
const GRID_SECRET = 'grid-secret-for-e2e-tests-0123456789';
const ORDER_SECRET = '12345-secret-for-e2e-tests-0123456789';

const ORDER_ROW = {
  工单编号: 'SW2099000001',
  工单来源: '省市网',
  受理时间: '2024-06-03 09:10:00',
  诉求类型: '投诉',
  诉求人: '韩梅',
  联系电话: '13912345678',
  事发地址: '东湖街道东湖社区崇川路49号',
  所属街道: '东湖街道',
  诉求内容: '楼上装修噪声，物业不处理，要求调解。',
  问题分类: '矛盾纠纷-物业纠纷',
  承办单位: '东湖街道办事处',
  '办理时限(工作日)': '5',
  签收时间: '2024-06-03 10:00:00',
  回复时间: '2024-06-05 16:00:00',
  办结时间: '2024-06-07 10:00:00',
  办理状态: '已办结',
  回访满意度: '满意',
};

/** Uploads, progress over the socket, error report, and the signed, idempotent webhooks, against a real api. */
describe('intake over HTTP (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let socket: ClientSocket;
  const progress: any[] = [];
  const saved = {
    grid: process.env.WEBHOOK_SECRET_GRID,
    order: process.env.WEBHOOK_SECRET_12345,
    court: process.env.WEBHOOK_SECRET_COURT,
  };

  beforeAll(async () => {
    process.env.WEBHOOK_SECRET_GRID = GRID_SECRET;
    process.env.WEBHOOK_SECRET_12345 = ORDER_SECRET;
    delete process.env.WEBHOOK_SECRET_COURT;
    t = await startTestApp();
    admin = await new HttpClient(t.url).signInStaff('admin');
    socket = await connect(t.url, admin.token!);
    socket.on('import:progress', (p) => progress.push(p));
  });
  afterAll(async () => {
    socket?.disconnect();
    await t.close();
    for (const [k, v] of [
      ['WEBHOOK_SECRET_GRID', saved.grid],
      ['WEBHOOK_SECRET_12345', saved.order],
      ['WEBHOOK_SECRET_COURT', saved.court],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  function upload(client: HttpClient, file: string, name = 'grid_reports.csv') {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), name);
    return fetch(`${t.url}/api/intake/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${client.token}` },
    });
  }

  it('imports an uploaded export, reports progress on the socket and serves the error report', async () => {
    const res = await upload(admin, join(SAMPLE, 'grid_reports.csv'));
    const body = (await res.json()) as any;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      format: 'grid-report',
      rows: 800,
      created: 776,
      updated: 0,
      unchanged: 0,
      file: 'grid_reports.csv',
    });
    expect(body.rejected).toHaveLength(24);
    await waitFor(() => progress.find((p) => p.runId === body.runId && p.status === 'completed'));
    expect(
      progress
        .filter((p) => p.runId === body.runId)
        .map((p) => p.rows)
        .at(-1),
    ).toBe(800);

    const runs = await admin.get('/intake/imports');
    expectStatus(runs, 200);
    expect(runs.body[0]).toMatchObject({
      id: body.runId,
      status: 'completed',
      origin: 'upload',
      created: 776,
      rejected: 24,
    });
    const csv = await fetch(`${t.url}/api/intake/imports/${body.runId}/errors.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('行号,列,原因代码,原因,来源编号,全部问题');
    expect(lines).toHaveLength(25);
    expect(lines[1]).toMatch(/^47,上报时间,unparseable report time,/);
  });

  it('refuses uploads by others, without a file, or of an unknown format', async () => {
    const bodyAdmin = await new HttpClient(t.url).signInStaff('js_admin');
    expect((await upload(bodyAdmin, join(SAMPLE, 'grid_reports.csv'))).status).toBe(403);
    const notMultipart = await admin.post('/intake/imports', { file: 'x' });
    expect(notMultipart.status).toBe(415);
    const junk = new FormData();
    junk.append('file', new Blob(['a,b\n1,2\n']), 'junk.csv');
    const res = await fetch(`${t.url}/api/intake/imports`, {
      method: 'POST',
      body: junk,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { code: 'unrecognised-format' },
    });
    expectStatus(await admin.get('/intake/imports/not-a-uuid'), 400);
  });

  function deliver(
    source: string,
    body: unknown,
    opts: { secret?: string; key?: string; at?: number; signature?: string } = {},
  ) {
    const raw = JSON.stringify(body);
    const ts = String(opts.at ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tiaojie-timestamp': ts };
    headers['x-tiaojie-signature'] = opts.signature ?? signWebhook(opts.secret ?? ORDER_SECRET, ts, raw);
    if (opts.key !== undefined) headers['idempotency-key'] = opts.key;
    return fetch(`${t.url}/api/webhooks/${source}`, { method: 'POST', body: raw, headers }).then(
      async (r) => ({ status: r.status, body: (await r.json()) as any }),
    );
  }

  it('refuses unsigned, wrongly signed, stale and key-less deliveries, and disabled sources', async () => {
    expect((await deliver('court', { 案号: 'x' }, { key: 'k0' })).status).toBe(404);
    expect((await deliver('fax', ORDER_ROW, { key: 'k0' })).status).toBe(404);
    const bad = await deliver('12345', ORDER_ROW, { key: 'k1', signature: 'sha256=00' });
    expect(bad).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', details: { reason: 'bad-signature' } } },
    });
    const wrongSecret = await deliver('12345', ORDER_ROW, { key: 'k1', secret: GRID_SECRET });
    expect(wrongSecret.body.error.details.reason).toBe('bad-signature');
    const stale = await deliver('12345', ORDER_ROW, {
      key: 'k1',
      at: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale).toMatchObject({ status: 401, body: { error: { details: { reason: 'stale-timestamp' } } } });
    expect((await deliver('12345', ORDER_ROW)).status).toBe(400);
    const unknownColumn = await deliver('12345', { ...ORDER_ROW, 备注: 'x' }, { key: 'k2' });
    expect(unknownColumn).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const [{ n }] = (await t.db.raw(t.db.db).query(`select count(*)::int as n from webhook_deliveries`)).rows;
    expect(n).toBe(0);
  });

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
        .query(
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
        .query(
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
    const q = (text: string, params: unknown[] = []) => t.db.raw(t.db.db).query(text, params);
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
