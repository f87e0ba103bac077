import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient, expectStatus } from './support/http-client';
import {
  DeliveryOptions,
  GRID_SECRET,
  ORDER_ROW,
  deliverWebhook,
  setWebhookSecrets,
} from './support/intake-webhook';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

const SAMPLE = join(__dirname, '..', 'libs', 'intake-parsers', 'fixtures', 'sample-2024');

/**
 * Uploads, progress over the socket, error report, and the webhooks' refusal of deliveries they cannot trust,
 * against a real api. How accepted deliveries are processed is in intake-webhooks.e2e-spec.ts.
 */
describe('intake over HTTP (e2e)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let socket: ClientSocket;
  let restoreSecrets: (() => void) | undefined;
  const progress: any[] = [];

  beforeAll(async () => {
    restoreSecrets = setWebhookSecrets();
    t = await startTestApp();
    admin = await new HttpClient(t.url).signInStaff('admin');
    socket = await connect(t.url, admin.token!);
    socket.on('import:progress', (p) => progress.push(p));
  });
  afterAll(async () => {
    socket?.disconnect();
    await t.close();
    restoreSecrets?.();
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

  const deliver = (source: string, body: unknown, opts: DeliveryOptions = {}) =>
    deliverWebhook(t.url, source, body, opts);

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
});
