import { and, eq } from 'drizzle-orm';
import { schema } from '@tiaojie/db';
import { CaseNoticePolicy } from '@tiaojie/cases';
import { HttpClient, expectStatus } from './support/http-client';
import { acceptAndStart, agreeAndSign, fresh } from './support/case-flow';
import { APPLICATION, staff } from './support/factories';
import { noticeKinds, noticesAbout, textsToPhone } from './support/notices';
import { textsAbout } from './support/outbox';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

const ZHANG = '13800000081';
const LI = '13800000082';
const WANG = '13800000083';
const ZHAO = '13800000084';

/**
 * Cases that leave their body or end without an agreement in force tell the parties and the bodies involved, and
 * a step that rolls back tells nobody. The notices of one case's ordinary course are in case-notices.e2e-spec.ts.
 */
describe('case notices: transfers, returns and other endings (e2e)', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  const code = (p: string) => t.sms.lastCode(p);
  const ids: Record<string, string> = {};
  let zhang: HttpClient;
  let zhangLive: any[];
  let caseId: string;
  let number: string;

  const inbox = (disputeId: string) => noticesAbout(t, disputeId);
  const kindsOf = (disputeId: string, user: string) => noticeKinds(t, disputeId, ids[user]);
  const texts = (caseNumber: string) => textsAbout(t, caseNumber);
  const textsTo = (caseNumber: string, phone: string) => textsToPhone(t, caseNumber, phone);
  const kindTitle = async (id: string, kind: string) => (await inbox(id)).find((n) => n.kind === kind)!.title;
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
    // the case whose notices a rolled-back step must leave unchanged
    const r = await zhang.post('/cases', { ...APPLICATION, respondents: [{ name: '李四', phone: LI }] });
    expectStatus(r, 201);
    caseId = r.body.id;
    number = r.body.number;
    await waitFor(() => zhangLive.find((n) => n.kind === 'case.routed'));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('tells the parties and the new body of a transfer, a return and a withdrawal', async () => {
    const zhao = await new HttpClient(t.url).signInParty(ZHAO, code);
    ids.zhao = (await zhao.get('/auth/me')).body.id;
    const r = await zhao.post('/cases', {
      category: 'neighbour',
      description: '楼上漏水导致我家天花板受损。',
      streetCode: 'JS',
      applicant: { name: '赵六' },
      respondents: [{ name: '王五', phone: WANG }],
    });
    expectStatus(r, 201);
    expect(r.body.status).toBe('routed');
    const id = r.body.id as string;
    const no = r.body.number as string;
    const jsAdmin = await staff(t, 'js_admin');
    const admin = await staff(t, 'admin');
    const prop = (await admin.get('/registry/bodies')).body.find((b: any) =>
      b.name.includes('物业纠纷人民调解委员会'),
    );
    expectStatus(
      await jsAdmin.post(`/cases/${id}/transfer`, {
        version: await version(jsAdmin, id),
        targetBodyId: prop.id,
        reason: '属于物业纠纷',
      }),
      200,
    );
    expect((await textsTo(no, WANG)).at(-1)).toBe(
      `【调解平台】案件已移交（${no}）：您的案件已移交至${prop.name}办理，请留意后续通知。`,
    );
    expect(await kindsOf(id, 'prop_admin')).toEqual(['case.transferred']);
    expect(await kindsOf(id, 'prop_mediator')).toEqual(['case.transferred']);
    expect(await kindsOf(id, 'js_admin')).toEqual(['case.routed']);

    const propAdmin = await staff(t, 'prop_admin');
    expectStatus(
      await propAdmin.post(`/cases/${id}/return`, {
        version: await version(propAdmin, id),
        reasonCode: 'NOT_IN_SCOPE',
        reason: '不属于物业服务纠纷',
      }),
      200,
    );
    const after = await kindsOf(id, 'zhao');
    expect(after.slice(0, 3)).toEqual(['case.routed', 'case.transferred', 'case.returned']);
    // re-routed at once: told where it went (a body, or the district's coordination)
    expect(['case.routed', 'case.district_queue']).toContain(after[3]);
    expect((await textsTo(no, WANG)).some((b) => b.includes(`${prop.name}退回了您的案件`))).toBe(true);

    expectStatus(
      await zhao.post(`/cases/${id}/transitions/withdraw`, {
        version: await version(zhao, id),
        reason: '已与邻居协商解决',
      }),
      200,
    );
    expect((await textsTo(no, WANG)).at(-1)).toBe(
      `【调解平台】案件已撤回（${no}）：调解申请已撤回，案件不再办理。`,
    );
    // the applicant withdrew: not told of their own step; the body that gave the case back is not told either
    const withdrawn = await t.db.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.disputeId, id), eq(schema.notifications.kind, 'case.withdrawn')));
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.map((n) => n.userId)).not.toContain(ids.zhao);
    expect(await kindsOf(id, 'zhang')).toEqual([]);
    expect(withdrawn.map((n) => n.userId)).not.toContain(ids.prop_admin);
  });

  it('tells the parties when mediation ends without agreement or is terminated; a rolled-back step tells nobody', async () => {
    const jsAdmin = await staff(t, 'js_admin');
    const mediator = await staff(t, 'js_mediator');
    const outcomes: [string, string, string][] = [
      ['record_failure', 'case.no_agreement', '调解未能达成协议，可依法申请仲裁、提起诉讼或行政复议。'],
      ['terminate', 'case.terminated', '调解已终止，可依法通过其他途径解决。'],
    ];
    for (const [i, [action, kind, text]] of outcomes.entries()) {
      const phone = `1380000009${i}`;
      const applicant = await new HttpClient(t.url).signInParty(`1380000010${i}`, code);
      ids[action] = (await applicant.get('/auth/me')).body.id;
      const r = await applicant.post('/cases', {
        category: 'neighbour',
        description: `第 ${i + 1} 起：邻居堆放杂物占用楼道。`,
        streetCode: 'JS',
        applicant: { name: '周八' },
        respondents: [{ name: '孙七', phone }],
      });
      expectStatus(r, 201);
      expect(r.body.status).toBe('routed');
      const id = r.body.id as string;
      await acceptAndStart(jsAdmin, mediator, id);
      expectStatus(
        await mediator.post(`/cases/${id}/transitions/${action}`, {
          version: await version(mediator, id),
          reason: '双方分歧较大',
        }),
        200,
      );
      expect((await textsTo(r.body.number, phone)).at(-1)).toBe(
        `【调解平台】${await kindTitle(id, kind)}：${text}`,
      );
      expect((await kindsOf(id, action)).at(-1)).toBe(kind);
    }

    // the court turns the confirmation down: both parties and the mediator are told
    const [a, b] = ['13800000110', '13800000111'];
    const applicant = await new HttpClient(t.url).signInParty(a, code);
    const r = await applicant.post('/cases', {
      category: 'neighbour',
      description: '邻居空调外机噪音扰民。',
      streetCode: 'JS',
      applicant: { name: '吴九' },
      respondents: [{ name: '郑十', phone: b }],
    });
    expectStatus(r, 201);
    const id = r.body.id as string;
    await acceptAndStart(jsAdmin, mediator, id);
    const respondent = await new HttpClient(t.url).signInParty(b, code);
    await agreeAndSign(t, mediator, id, [
      [applicant, a],
      [respondent, b],
    ]);
    expectStatus(
      await mediator.post(`/cases/${id}/transitions/request_confirmation`, {
        version: await version(mediator, id),
      }),
      200,
    );
    const judge = await staff(t, 'judge1');
    expectStatus(
      await judge.post(`/cases/${id}/transitions/reject_confirmation`, {
        version: await version(judge, id),
        reason: '协议内容违反法律强制性规定',
      }),
      200,
    );
    const rejected = `【调解平台】司法确认被驳回（${r.body.number}）：人民法院驳回了司法确认申请，可变更原协议、达成新协议或向法院起诉。`;
    expect((await textsTo(r.body.number, a)).at(-1)).toBe(rejected);
    expect((await textsTo(r.body.number, b)).at(-1)).toBe(rejected);
    expect((await kindsOf(id, 'js_mediator')).at(-1)).toBe('confirmation.rejected');

    // the notices of a step are written in its transaction: when it rolls back, nobody is told
    const policy = t.api.app.get(CaseNoticePolicy);
    const dispute = (await t.db.db.select().from(schema.disputes).where(eq(schema.disputes.id, caseId)))[0];
    const parties = await t.db.db
      .select()
      .from(schema.disputeParties)
      .where(eq(schema.disputeParties.disputeId, caseId));
    const before = { inbox: (await inbox(caseId)).length, texts: (await texts(number)).length };
    const live = zhangLive.length;
    await expect(
      t.db.transaction(async (tx) => {
        const events: any[] = [];
        await policy.onSession(
          tx,
          { id: ids.js_mediator, role: 'mediator' as any, orgId: null, name: '调解员' },
          'session.scheduled',
          dispute,
          parties,
          {
            id: '00000000-0000-4000-8000-000000000001',
            scheduledAt: new Date(),
            online: true,
            place: null,
            participants: parties.map((p) => p.id),
          },
          events,
        );
        expect(events.length).toBeGreaterThan(0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect({ inbox: (await inbox(caseId)).length, texts: (await texts(number)).length }).toEqual(before);
    expect(zhangLive.length).toBe(live);
  });
});
