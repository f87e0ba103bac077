import { schema } from '@tiaojie/db';
import { NotificationService } from '@tiaojie/notifications';
import { HttpClient, expectStatus } from './support/http-client';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The inbox, live push, the dead-letter view and the holiday calendar as clients use them: every user sees
 * and marks only their own notifications; admin views are closed to everyone else.
 */
describe('notifications and deadline admin API (e2e)', () => {
  let t: TestApp;
  let a: HttpClient;
  let b: HttpClient;
  let admin: HttpClient;
  let aId: string;
  let bId: string;
  const sockets: ClientSocket[] = [];

  const notify = async (userIds: string[], key: string) => {
    const notifications = t.api.app.get(NotificationService);
    const events = await t.db.transaction((tx) =>
      notifications.notify(tx, { userIds, kind: 'test', title: `标题 ${key}`, body: key, dedupeKey: key }),
    );
    notifications.publish(events);
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await new HttpClient(t.url).signInStaff('js_mediator');
    b = await new HttpClient(t.url).signInStaff('prop_mediator');
    admin = await new HttpClient(t.url).signInStaff('admin');
    aId = (await a.get('/auth/me')).body.id;
    bId = (await b.get('/auth/me')).body.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('shows each user their own inbox and pushes new ones live to that user only', async () => {
    const aSocket = await connect(t.url, a.token!);
    const bSocket = await connect(t.url, b.token!);
    sockets.push(aSocket, bSocket);
    const aLive: any[] = [];
    const bLive: any[] = [];
    aSocket.on('notification:new', (n) => aLive.push(n));
    bSocket.on('notification:new', (n) => bLive.push(n));

    await notify([aId], 'for-a-1');
    await notify([aId], 'for-a-2');
    await notify([bId], 'for-b-1');
    await waitFor(() => aLive.length === 2 && bLive.length === 1);
    expect(aLive.map((n) => n.body).sort()).toEqual(['for-a-1', 'for-a-2']);
    expect(bLive.map((n) => n.body)).toEqual(['for-b-1']);

    const inbox = await a.get('/notifications');
    expectStatus(inbox, 200);
    expect(inbox.body.unread).toBe(2);
    expect(inbox.body.items.map((n: any) => n.body).sort()).toEqual(['for-a-1', 'for-a-2']);
    expectStatus(await new HttpClient(t.url).get('/notifications'), 401);
    expectStatus(await a.get('/notifications?limit=abc'), 400);
  });

  it("lets nobody read or mark another user's notification", async () => {
    const bItem = (await b.get('/notifications')).body.items[0];
    const aItem = (await a.get('/notifications')).body.items[0];
    const foreign = await a.post(`/notifications/${bItem.id}/read`);
    expectStatus(foreign, 404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect((await b.get('/notifications')).body.items[0].read).toBe(false);
    expectStatus(await a.post('/notifications/not-a-uuid/read'), 400);

    expectStatus(await a.post(`/notifications/${aItem.id}/read`), 200);
    expectStatus(await a.post(`/notifications/${aItem.id}/read`), 200);
    expect((await a.get('/notifications')).body.unread).toBe(1);
    expect((await a.get('/notifications?unread=true')).body.items).toHaveLength(1);
    expect((await a.post('/notifications/read-all')).body).toEqual({ marked: 1 });
    expect((await b.get('/notifications')).body.unread).toBe(1);
  });

  it('shows dead letters to the district admin only, who can retry each once', async () => {
    const [dead] = await t.db.db
      .insert(schema.outbox)
      .values({
        channel: 'sms',
        recipient: '13812345678',
        body: '【调解平台】测试',
        dedupeKey: 'e2e-dead',
        status: 'dead',
        attempts: 5,
        lastError: 'SMS provider answered 503',
      })
      .returning();
    expectStatus(await a.get('/admin/outbox/dead'), 403);
    expectStatus(await (await new HttpClient(t.url).signInStaff('js_admin')).get('/admin/outbox/dead'), 403);
    const list = await admin.get('/admin/outbox/dead');
    expectStatus(list, 200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: dead.id,
        recipient: '138****5678',
        attempts: 5,
        lastError: 'SMS provider answered 503',
      }),
    ]);

    expectStatus(await a.post(`/admin/outbox/${dead.id}/retry`), 403);
    const retried = await admin.post(`/admin/outbox/${dead.id}/retry`);
    expectStatus(retried, 200);
    expect(retried.body).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
    expect((await admin.post(`/admin/outbox/${dead.id}/retry`)).status).toBe(409);
    expect((await admin.post('/admin/outbox/00000000-0000-4000-8000-000000000000/retry')).status).toBe(404);
    expect((await admin.get('/admin/outbox/dead')).body).toEqual([]);
  });

  it('lets the district admin maintain the holiday calendar and see its coverage', async () => {
    const coverage = await admin.get('/deadlines/calendar/coverage');
    expectStatus(coverage, 200);
    expect(coverage.body.coveredYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expectStatus(await a.get('/deadlines/calendar/coverage'), 403);

    const year = {
      holidays: ['2027-01-01', '2027-02-06/2027-02-12'],
      makeupWorkdays: ['2027-02-13'],
      source: 'e2e',
      version: 0,
    };
    expectStatus(
      await (
        await new HttpClient(t.url).signInStaff('js_admin')
      ).request('PUT', '/deadlines/calendar/years/2027', year),
      403,
    );
    const bad = await admin.request('PUT', '/deadlines/calendar/years/2027', {
      ...year,
      makeupWorkdays: ['2027-02-15'],
    });
    expectStatus(bad, 400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expectStatus(await admin.request('PUT', '/deadlines/calendar/years/2027', { ...year, extra: 1 }), 400);
    expectStatus(await admin.request('PUT', '/deadlines/calendar/years/20x7', year), 400);
    const saved = await admin.request('PUT', '/deadlines/calendar/years/2027', year);
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({ year: 2027, origin: 'admin', version: 1 });
    expect((await admin.request('PUT', '/deadlines/calendar/years/2027', year)).status).toBe(409);

    const due = await a.post('/deadlines/compute', {
      regime: 'work_order_reply',
      start: '2027-02-05T02:00:00.000Z',
      days: 1,
    });
    expectStatus(due, 200);
    expect(due.body).toMatchObject({
      dueDate: '2027-02-13',
      dueAt: '2027-02-13T15:59:59.000Z',
      warnings: [],
    });
    expectStatus(
      await a.post('/deadlines/compute', { regime: 'work_order_reply', start: '2027-02-05T02:00:00.000Z' }),
      400,
    );
    expect((await admin.get('/deadlines/calendar')).body.map((y: any) => y.year)).toEqual([
      2024, 2025, 2026, 2027,
    ]);
  });
});
