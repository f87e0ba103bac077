import { eq } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { CaseNoticePolicy } from '@tiaojie/cases';
import { HttpClient, expectStatus } from './support/http-client';
import { acceptAndStart, fresh } from './support/case-flow';
import { APPLICATION, staff } from './support/factories';
import { noticeKinds, textsToPhone } from './support/notices';
import { textsAbout } from './support/outbox';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

const ZHANG = '13800000081';
const LI = '13800000082';

/**
 * Parties and staff are told of every step of one case, from routing to closing: inbox rows for the right users
 * (pushed live to their sockets) and Chinese SMS in the outbox for the right phones, and nothing for anyone not
 * involved. Transfers, returns and other endings are in case-notices-outcomes.e2e-spec.ts.
 */
describe('case notices: inbox, live push and SMS on every step (e2e)', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  const code = (p: string) => t.sms.lastCode(p);
  const ids: Record<string, string> = {};
  let zhang: HttpClient;
  let zhangLive: any[];
  let caseId: string;
  let number: string;

  const kindsOf = (disputeId: string, user: string) => noticeKinds(t, disputeId, ids[user]);
  const texts = (caseNumber: string) => textsAbout(t, caseNumber);
  const textsTo = (caseNumber: string, phone: string) => textsToPhone(t, caseNumber, phone);
  const phoneOf = async (username: string) =>
    (await t.db.db.select().from(schema.users).where(eq(schema.users.username, username)))[0]?.phone ?? null;
  const version = async (c: HttpClient, id = caseId) => (await fresh(c, id)).version;

  beforeAll(async () => {
    t = await startTestApp();
    zhang = await new HttpClient(t.url).signInParty(ZHANG, code);
    for (const name of ['js_admin', 'js_mediator', 'js_mediator2', 'prop_admin', 'prop_mediator', 'admin'])
      ids[name] = (await (await staff(t, name)).get('/auth/me')).body.id;
    ids.zhang = (await zhang.get('/auth/me')).body.id;
    const socket = await connect(t.url, zhang.token!);
    sockets.push(socket);
    zhangLive = [];
    socket.on('notification:new', (n) => zhangLive.push(n));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('tells the applicant and the body where a new case went; the respondent without an account gets an SMS', async () => {
    const r = await zhang.post('/cases', { ...APPLICATION, respondents: [{ name: '李四', phone: LI }] });
    expectStatus(r, 201);
    caseId = r.body.id;
    number = r.body.number;
    expect(r.body.status).toBe('routed');
    const live = await waitFor(() => zhangLive.find((n) => n.kind === 'case.routed'));
    expect(live).toMatchObject({ disputeId: caseId, read: false, title: `案件已分派（${number}）` });
    expect(live.body).toContain('金沙街道人民调解委员会');

    expect(await kindsOf(caseId, 'zhang')).toEqual(['case.routed']);
    for (const s of ['js_admin', 'js_mediator', 'js_mediator2'])
      expect(await kindsOf(caseId, s)).toEqual(['case.routed']);
    for (const s of ['prop_admin', 'prop_mediator', 'admin']) expect(await kindsOf(caseId, s)).toEqual([]);
    expect(await textsTo(number, ZHANG)).toEqual([
      `【调解平台】案件已分派（${number}）：您的纠纷已分派至金沙街道人民调解委员会，请留意后续通知。`,
    ]);
    expect(await textsTo(number, LI)).toEqual([
      `【调解平台】案件已分派（${number}）：您的纠纷已分派至金沙街道人民调解委员会，请留意后续通知。`,
    ]);
    // the SMS is queued for delivery in the same transaction
    const jobs = await t.db
      .raw(t.db.db)
      .query(`select count(*)::int as n from pgboss.job where name = 'outbox.deliver'`);
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual((await texts(number)).length);
  });

  it('tells the parties of acceptance, sessions scheduled, moved and cancelled (only the invited parties)', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    await acceptAndStart(jsAdmin, mediator, caseId);
    await waitFor(() => zhangLive.some((n) => n.kind === 'case.accepted'));
    expect(await kindsOf(caseId, 'zhang')).toEqual(['case.routed', 'case.accepted']);
    expect(await kindsOf(caseId, 'js_mediator')).toEqual(['case.routed', 'case.mediator_assigned']);
    expect(await kindsOf(caseId, 'js_admin')).toEqual(['case.routed']);
    expect((await textsTo(number, LI)).at(-1)).toBe(
      `【调解平台】案件已签收（${number}）：金沙街道人民调解委员会已签收您的案件，将指派调解员并安排调解。`,
    );

    const parties = (await fresh(mediator, caseId)).parties as { id: string; role: string }[];
    const applicant = parties.find((p) => p.role === 'applicant')!;
    const onlyZhang = await mediator.post(`/cases/${caseId}/sessions`, {
      scheduledAt: '2026-12-20T09:30:00+08:00',
      online: false,
      place: '金沙街道调解室',
      mode: 'caucus',
      participants: [applicant.id],
    });
    expectStatus(onlyZhang, 201);
    await waitFor(() => zhangLive.some((n) => n.kind === 'session.scheduled'));
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】调解安排（${number}）：调解定于2026年12月20日 09:30在金沙街道调解室进行，请准时参加。`,
    );
    expect((await textsTo(number, LI)).some((b) => b.includes('调解安排'))).toBe(false);

    const moved = await mediator.post(`/cases/${caseId}/sessions/${onlyZhang.body.id}/reschedule`, {
      scheduledAt: '2026-12-21T14:00:00+08:00',
      online: false,
      place: '城中社区调解室',
    });
    expectStatus(moved, 200);
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】调解时间变更（${number}）：调解改为2026年12月21日 14:00在城中社区调解室进行，请准时参加。`,
    );
    expectStatus(
      await mediator.post(`/cases/${caseId}/sessions/${onlyZhang.body.id}/reschedule`, {
        scheduledAt: '2026-12-21T14:00:00+08:00',
        online: false,
      }),
      400,
    );
    const cancelled = await mediator.post(`/cases/${caseId}/sessions/${onlyZhang.body.id}/cancel`, {
      reason: '调解员临时有事',
    });
    expectStatus(cancelled, 200);
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】调解取消（${number}）：原定2026年12月21日 14:00在城中社区调解室进行的调解已取消，另行通知。`,
    );
    expect((await mediator.get(`/cases/${caseId}/sessions`)).body.sessions).toEqual([]);
    expectStatus(await mediator.post(`/cases/${caseId}/sessions/${onlyZhang.body.id}/cancel`, {}), 404);
    // a party cannot move sessions
    expectStatus(await zhang.post(`/cases/${caseId}/sessions/${onlyZhang.body.id}/cancel`, {}), 403);

    const joint = await mediator.post(`/cases/${caseId}/sessions`, {
      scheduledAt: '2026-12-22T09:00:00+08:00',
      online: false,
      place: '金沙街道调解室',
      mode: 'joint',
      participants: parties.map((p) => p.id),
    });
    expectStatus(joint, 201);
    expect((await textsTo(number, LI)).at(-1)).toContain('调解定于2026年12月22日 09:00在金沙街道调解室进行');
    expect(await kindsOf(caseId, 'zhang')).toEqual([
      'case.routed',
      'case.accepted',
      'session.scheduled',
      'session.changed',
      'session.cancelled',
      'session.scheduled',
    ]);
    // the mediator scheduled them: not told of their own steps
    expect(await kindsOf(caseId, 'js_mediator')).toEqual(['case.routed', 'case.mediator_assigned']);
  });

  it('asks each party to sign, tells the other side of a signature and everyone when the agreement is in force', async () => {
    const mediator = await staff(t, 'js_mediator');
    expectStatus(
      await mediator.post(`/cases/${caseId}/agreement`, {
        version: await version(mediator),
        terms: ['被申请人于 2026 年 12 月 31 日前支付 3000 元。'],
        performanceDueOn: '2026-12-31',
      }),
      200,
    );
    await waitFor(() => zhangLive.some((n) => n.kind === 'agreement.to_sign'));
    expect((await textsTo(number, LI)).at(-1)).toBe(
      `【调解平台】协议待签署（${number}）：调解协议已拟定，请登录平台核对并签名确认。`,
    );

    expectStatus(await zhang.post(`/cases/${caseId}/agreement/sign-code`), 202);
    expectStatus(
      await zhang.post(`/cases/${caseId}/agreement/sign`, {
        version: await version(zhang),
        code: code(ZHANG),
      }),
      200,
    );
    expect((await textsTo(number, LI)).at(-1)).toBe(
      `【调解平台】对方已签署（${number}）：对方当事人已签署调解协议，请登录平台核对并签名确认。`,
    );
    expect((await kindsOf(caseId, 'zhang')).includes('agreement.other_signed')).toBe(false);
    expect((await kindsOf(caseId, 'js_mediator')).at(-1)).toBe('agreement.party_signed');

    // 李四 signs in (his party record is linked to the account) and uses up his sign-in codes
    const li = await new HttpClient(t.url).signInParty(LI, code);
    ids.li = (await li.get('/auth/me')).body.id;
    const liSocket = await connect(t.url, li.token!);
    sockets.push(liSocket);
    const liLive: any[] = [];
    liSocket.on('notification:new', (n) => liLive.push(n));
    for (let i = 0; i < 4; i++) expectStatus(await li.post('/auth/otp', { phone: LI }), 202);
    const starved = await li.post('/auth/otp', { phone: LI });
    expectStatus(starved, 429);
    expect(starved.body.error.code).toBe('RATE_LIMITED');
    // signing codes have their own bucket
    expectStatus(await li.post(`/cases/${caseId}/agreement/sign-code`), 202);
    expectStatus(
      await li.post(`/cases/${caseId}/agreement/sign`, { version: await version(li), code: code(LI) }),
      200,
    );
    expect((await fresh(li, caseId)).status).toBe('agreement');
    const inForce = `【调解平台】协议已生效（${number}）：各方已签署，调解协议已生效。可在30日内共同申请司法确认。`;
    await waitFor(() => zhangLive.some((n) => n.kind === 'agreement.in_force'));
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(inForce);
    // 李四 signed last: he is told too (the step is the agreement's, not his signature)
    expect((await textsTo(number, LI)).at(-1)).toBe(inForce);
    await waitFor(() => liLive.some((n) => n.kind === 'agreement.in_force'));
    expect((await kindsOf(caseId, 'js_mediator')).at(-1)).toBe('agreement.in_force');
    // the sign-code SMS is the auth adapter's, never the outbox's
    expect((await textsTo(number, LI)).some((b) => b.includes('验证码'))).toBe(false);
  });

  it('tells of the court decision, schedules the performance reminder, and asks for the follow-up visit', async () => {
    const mediator = await staff(t, 'js_mediator');
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/request_confirmation`, {
        version: await version(mediator),
      }),
      200,
    );
    const judge = await staff(t, 'judge1');
    expectStatus(
      await judge.post(`/cases/${caseId}/transitions/confirm`, { version: await version(judge) }),
      200,
    );
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】司法确认有效（${number}）：人民法院已确认调解协议有效，请按协议履行。`,
    );
    expect((await kindsOf(caseId, 'js_mediator')).at(-1)).toBe('confirmation.confirmed');

    expectStatus(
      await mediator.post(`/cases/${caseId}/performance`, {
        version: await version(mediator),
        items: [
          { description: '支付 3000 元', dueOn: '2099-12-31' },
          { description: '赔礼道歉', dueOn: '2099-12-31' },
        ],
      }),
      200,
    );
    const jobs = await t.db
      .raw(t.db.db)
      .query<{ data: unknown; start_after: string }>(
        `select data, start_after from pgboss.job where name = 'case.performance_remind' and data->>'disputeId' = $1`,
        [caseId],
      );
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0].data).toEqual({ disputeId: caseId, dueOn: '2099-12-31' });
    // 09:00 Asia/Shanghai the day before (pg-boss stores it relative to the database clock: allow its rounding)
    const startAfter = new Date(jobs.rows[0].start_after).getTime();
    expect(Math.abs(startAfter - Date.parse('2099-12-30T01:00:00.000Z'))).toBeLessThan(60_000);

    const policy = t.api.app.get(CaseNoticePolicy);
    expect(await policy.handlePerformanceReminder({ disputeId: caseId, dueOn: '2099-12-31' })).toBe(true);
    // a timer that fires twice tells once
    expect(await policy.handlePerformanceReminder({ disputeId: caseId, dueOn: '2099-12-31' })).toBe(false);
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】履行提醒（${number}）：协议约定的履行期限2099年12月31日将至，请按时履行。`,
    );
    expect((await kindsOf(caseId, 'js_mediator')).at(-1)).toBe('performance.reminder');

    const items = (await mediator.get(`/cases/${caseId}/performance`)).body as { id: string }[];
    for (const item of items)
      expectStatus(
        await mediator.post(`/cases/${caseId}/performance/${item.id}`, {
          version: await version(mediator),
          status: 'done',
        }),
        200,
      );
    expect((await fresh(mediator, caseId)).status).toBe('performed');
    // every item done: a late timer tells nobody
    expect(await policy.handlePerformanceReminder({ disputeId: caseId, dueOn: '2099-12-31' })).toBe(false);
    expect((await kindsOf(caseId, 'js_mediator')).at(-1)).toBe('follow_up.due');
    expect((await textsTo(number, ZHANG)).at(-1)).toBe(
      `【调解平台】回访通知（${number}）：协议已履行完毕，金沙街道人民调解委员会将近期回访，感谢配合。`,
    );

    expectStatus(
      await mediator.post(`/cases/${caseId}/follow-up`, {
        version: await version(mediator),
        rating: '满意',
        note: '电话回访',
      }),
      200,
    );
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/close`, { version: await version(mediator) }),
      200,
    );
    expect((await textsTo(number, LI)).at(-1)).toBe(
      `【调解平台】案件已结案（${number}）：您的案件已办结，感谢您的配合。`,
    );
    await waitFor(() => zhangLive.some((n) => n.kind === 'case.closed'));

    // the socket pushed exactly what the inbox holds for 张三
    const stored = await kindsOf(caseId, 'zhang');
    expect(zhangLive.filter((n) => n.disputeId === caseId).map((n) => n.kind)).toEqual(stored);
    const { body } = await zhang.get('/notifications');
    expect(body.unread).toBe(stored.length);
    // nobody outside the case heard of it; every text went to a party or to staff of the case
    for (const s of ['prop_admin', 'prop_mediator', 'admin']) expect(await kindsOf(caseId, s)).toEqual([]);
    const staffPhones = await Promise.all(['js_admin', 'js_mediator', 'js_mediator2'].map(phoneOf));
    const allowed = new Set([ZHANG, LI, ...staffPhones.filter(Boolean)]);
    expect((await texts(number)).filter((o) => !allowed.has(o.recipient))).toEqual([]);
    // Chinese only (the case number is the one code a person reads)
    expect(
      (await texts(number)).every((o) => /^【调解平台】[^A-Za-z]*$/.test(o.body.replace(number, ''))),
    ).toBe(true);
  });
});
