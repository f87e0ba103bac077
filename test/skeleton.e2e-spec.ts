import { HttpClient, expectStatus } from './support/http-client';
import { ClientSocket, connect, emitAck, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

/**
 * The walking skeleton as real clients drive it: a party applies over HTTP, the routed body accepts,
 * a mediator and the parties talk in the case room over socket.io (one party drops and reconnects),
 * an agreement is drafted, both parties sign, and the party's status page shows the agreement.
 */
describe('dispute from application to signed agreement (e2e)', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  const code = (phone: string) => t.sms.lastCode(phone);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it("answers every request with a request id: the caller's X-Request-Id, or a new UUID", async () => {
    const given = await fetch(`${t.url}/api/lifecycle`, { headers: { 'x-request-id': 'proxy-7f3a' } });
    expect(given.headers.get('x-request-id')).toBe('proxy-7f3a');
    const fresh = await fetch(`${t.url}/api/lifecycle`);
    expect(fresh.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const refused = await fetch(`${t.url}/api/cases/queue`, { headers: { 'x-request-id': 'proxy-401' } });
    expect({ status: refused.status, id: refused.headers.get('x-request-id') }).toEqual({
      status: 401,
      id: 'proxy-401',
    });
  });

  it('runs the whole chain', async () => {
    const zhang = await new HttpClient(t.url).signInParty('13800000001', code);
    const applied = await zhang.post('/cases', {
      category: 'property',
      description: '物业公司长期不修电梯，业主多次反映无果，要求退还部分物业费。',
      streetCode: 'JS',
      communityCode: 'JS01',
      address: '金沙街道城中社区 3 栋',
      claimAmount: 3600,
      applicant: { name: '张三', idNumber: '320612199001011232' },
      respondents: [{ name: '李四', phone: '13800000002', partyType: 'person' }],
    });
    expectStatus(applied, 201);
    const caseId: string = applied.body.id;
    expect(applied.body.number).toMatch(/^TZ\d{4}-\d{6}$/);
    expect(applied.body.status).toBe('routed');

    // routed to the street's specialised property committee, with the explanation visible to staff
    const propAdmin = await new HttpClient(t.url).signInStaff('prop_admin');
    const queue = await propAdmin.get('/cases/queue');
    expectStatus(queue, 200);
    expect(queue.body.map((c: any) => c.id)).toContain(caseId);
    const detail = await propAdmin.get(`/cases/${caseId}`);
    expect(detail.body.routing.why).toContain('物业纠纷');
    expect(detail.body.parties[0].idNumber).toBe('3206**********1232');
    expect(detail.body.parties[0].phone).toMatch(/^138\*+0001$/); // the applicant's account phone, masked

    // the party watches the case live
    const zhangSocket = await connect(t.url, zhang.token!);
    sockets.push(zhangSocket);
    const updates: any[] = [];
    zhangSocket.on('case:updated', (u) => updates.push(u));
    expect((await emitAck(zhangSocket, 'case:watch', { disputeId: caseId })).ok).toBe(true);

    const accepted = await propAdmin.post(`/cases/${caseId}/accept`, { version: detail.body.version });
    expectStatus(accepted, 200);
    expect(accepted.body.status).toBe('accepted');
    const staff = await propAdmin.get(`/cases/${caseId}`);
    const mediatorId = (
      await new HttpClient(t.url).signInStaff('prop_mediator').then((c) => c.get('/auth/me'))
    ).body.id;
    expectStatus(
      await propAdmin.post(`/cases/${caseId}/assign`, { version: staff.body.version, mediatorId }),
      200,
    );

    const mediator = await new HttpClient(t.url).signInStaff('prop_mediator');
    let view = (await mediator.get(`/cases/${caseId}`)).body;
    expect(view.availableActions).toContain('start_mediation');
    expectStatus(
      await mediator.post(`/cases/${caseId}/transitions/start_mediation`, { version: view.version }),
      200,
    );
    await waitFor(() => updates.find((u) => u.status === 'in_mediation'));

    // the respondent signs in with the phone the applicant gave and sees the case
    const li = await new HttpClient(t.url).signInParty('13800000002', code);
    const mine = await li.get('/cases/mine');
    expect(mine.body.map((c: any) => c.id)).toEqual([caseId]);

    // room: mediator and applicant in the joint room
    view = (await mediator.get(`/cases/${caseId}`)).body;
    const joint = view.rooms.find((r: any) => r.kind === 'joint');
    const medSocket = await connect(t.url, mediator.token!);
    sockets.push(medSocket);
    expect((await emitAck(medSocket, 'room:join', { roomId: joint.id })).ok).toBe(true);

    let partySocket = await connect(t.url, zhang.token!);
    sockets.push(partySocket);
    const join1 = await emitAck(partySocket, 'room:join', { roomId: joint.id, lastSeq: 0 });
    expect(join1.ok).toBe(true);
    const seen: any[] = [...join1.data.messages];
    partySocket.on('message:new', (m) => seen.push(m));

    const first = await emitAck(partySocket, 'message:send', {
      roomId: joint.id,
      clientMsgId: 'z-1',
      body: '您好，我是申请人张三。',
    });
    expect(first.ok).toBe(true);
    const resend = await emitAck(partySocket, 'message:send', {
      roomId: joint.id,
      clientMsgId: 'z-1',
      body: '您好，我是申请人张三。',
    });
    expect(resend.data.duplicate).toBe(true);
    expect(resend.data.message.seq).toBe(first.data.message.seq);
    await waitFor(() => seen.find((m) => m.clientMsgId === 'z-1'));

    // the party drops mid-conversation; the mediator keeps talking
    const lastSeen = Math.max(...seen.map((m) => m.seq));
    partySocket.disconnect();
    const sentWhileAway: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const r = await emitAck(medSocket, 'message:send', {
        roomId: joint.id,
        clientMsgId: `m-${i}`,
        body: `调解员消息 ${i}`,
      });
      expect(r.ok).toBe(true);
      sentWhileAway.push(r.data.message.seq);
    }

    partySocket = await connect(t.url, zhang.token!);
    sockets.push(partySocket);
    const live: any[] = [];
    partySocket.on('message:new', (m) => live.push(m));
    const rejoin = await emitAck(partySocket, 'room:join', { roomId: joint.id, lastSeq: lastSeen });
    expect(rejoin.ok).toBe(true);
    const replayed = rejoin.data.messages.filter((m: any) => m.kind === 'text');
    expect(replayed.map((m: any) => m.seq)).toEqual(sentWhileAway);
    expect(replayed.map((m: any) => m.body)).toEqual([1, 2, 3, 4, 5].map((i) => `调解员消息 ${i}`));
    const seqs = rejoin.data.messages.map((m: any) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(seqs[0]).toBe(lastSeen + 1);

    // back-to-back: parties are told, and cannot speak in the joint room until it ends
    view = (await mediator.get(`/cases/${caseId}`)).body;
    expectStatus(
      await mediator.post(`/cases/${caseId}/mode`, { version: view.version, mode: 'caucus' }),
      200,
    );
    await waitFor(() => updates.find((u) => u.sessionMode === 'caucus'));
    const blocked = await emitAck(partySocket, 'message:send', {
      roomId: joint.id,
      clientMsgId: 'z-2',
      body: '我还想说一句',
    });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const caucus = (await zhang.get(`/cases/${caseId}`)).body.rooms.find((r: any) => r.kind === 'caucus');
    expect((await emitAck(partySocket, 'room:join', { roomId: caucus.id })).ok).toBe(true);
    expect(
      (
        await emitAck(partySocket, 'message:send', {
          roomId: caucus.id,
          clientMsgId: 'z-3',
          body: '私下说，我可以接受退一半。',
        })
      ).ok,
    ).toBe(true);
    view = (await mediator.get(`/cases/${caseId}`)).body;
    expectStatus(await mediator.post(`/cases/${caseId}/mode`, { version: view.version, mode: 'joint' }), 200);

    // agreement drafted, both parties sign after re-confirming identity by code
    view = (await mediator.get(`/cases/${caseId}`)).body;
    const drafted = await mediator.post(`/cases/${caseId}/agreement`, {
      version: view.version,
      terms: ['物业公司于 2026 年 12 月 31 日前修复电梯。', '物业公司退还张三物业费 1800 元。'],
      performanceDueOn: '2026-12-31',
    });
    expectStatus(drafted, 200);
    expect(drafted.body.status).toBe('agreement_pending');

    for (const [client, phone] of [
      [zhang, '13800000001'],
      [li, '13800000002'],
    ] as const) {
      expectStatus(await client.post(`/cases/${caseId}/agreement/sign-code`), 202);
      const before = (await client.get(`/cases/${caseId}/status`)).body;
      expect(before.availableActions).toContain('sign');
      const current = (await client.get(`/cases/${caseId}`)).body;
      expectStatus(
        await client.post(`/cases/${caseId}/agreement/sign`, {
          version: current.version,
          code: t.sms.lastCode(phone),
        }),
        200,
      );
    }
    await waitFor(() => updates.find((u) => u.status === 'agreement'));

    const status = (await zhang.get(`/cases/${caseId}/status`)).body;
    expect(status.status).toBe('agreement');
    expect(status.statusLabel).toBe('达成协议');
    expect(status.agreement.signatures.every((s: any) => s.signed)).toBe(true);
    expect(status.agreement.signatures).toHaveLength(2);
    expect(status.judicialConfirmation.text).toContain('司法确认');
    expect(status.timeline.map((e: any) => e.action)).toEqual(
      expect.arrayContaining([
        'receive',
        'route',
        'accept',
        'assign_mediator',
        'start_mediation',
        'draft_agreement',
        'sign',
        'agreement_signed',
      ]),
    );
    // another party's personal data stays masked on the party's own page
    const other = (await zhang.get(`/cases/${caseId}`)).body.parties.find(
      (p: any) => p.role === 'respondent',
    );
    expect(other.phone).toBe('138****0002');

    // the mediator closes the case; the tracker shows it closed with the agreement
    view = (await mediator.get(`/cases/${caseId}`)).body;
    expectStatus(await mediator.post(`/cases/${caseId}/transitions/close`, { version: view.version }), 200);
    const closed = (await zhang.get(`/cases/${caseId}/status`)).body;
    expect(closed.status).toBe('closed');
    expect(closed.agreement.status).toBe('signed');
  });
});
