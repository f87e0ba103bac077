import { agreeAndSign, acceptAndStart, fresh } from './support/case-flow';
import { staff, uniqueRespondent } from './support/factories';
import { HttpClient, expectStatus } from './support/http-client';
import { ClientSocket, connect, waitFor } from './support/socket-client';
import { TestApp, startTestApp } from './support/test-app';

interface Notice {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  action: string;
}

/** A signed-in user's socket and every 'case:changed' it received. */
interface Listener {
  client: HttpClient;
  socket: ClientSocket;
  notices: Notice[];
}

/**
 * No stale screens: every case change (creation, routing, transition, transfer, signature, session) reaches
 * every audience that lists the case, once, as a refetch hint without personal data, and no one else.
 */
describe('live lists: case:changed to every audience (e2e)', () => {
  let t: TestApp;
  const listeners: Listener[] = [];
  const code = (p: string) => t.sms.lastCode(p);

  async function listen(client: HttpClient): Promise<Listener> {
    const socket = await connect(t.url, client.token!);
    const l: Listener = { client, socket, notices: [] };
    socket.on('case:changed', (n: Notice) => l.notices.push(n));
    listeners.push(l);
    return l;
  }
  const staffListener = async (username: string) => listen(await staff(t, username));
  const partyListener = async (phone: string) => listen(await new HttpClient(t.url).signInParty(phone, code));

  /** Waits until the listener got a notice for the case matching `match` (an action, or a version). */
  const heard = (l: Listener, id: string, match: string | number) =>
    waitFor(() =>
      l.notices.find(
        (n) => n.id === id && (typeof match === 'string' ? n.action === match : n.version === match),
      ),
    );
  const heardBy = (ls: Listener[], id: string, match: string | number) =>
    Promise.all(ls.map((l) => heard(l, id, match)));
  const about = (l: Listener, id: string) => l.notices.filter((n) => n.id === id);

  let district: Listener;
  let jsAdmin: Listener;
  let jsMediator: Listener;
  let clerk: Listener;
  let grid: Listener;
  let hotline: Listener;
  let official: Listener;
  let zhang: Listener;
  let li: Listener;

  beforeAll(async () => {
    t = await startTestApp();
    district = await staffListener('admin');
    jsAdmin = await staffListener('js_admin');
    jsMediator = await staffListener('js_mediator');
    clerk = await staffListener('clerk1');
    grid = await staffListener('grid1');
    hotline = await staffListener('hotline1');
    official = await staffListener('official1');
    zhang = await partyListener('13800000001');
    li = await partyListener('13800000002');
  });
  afterAll(async () => {
    for (const l of listeners) l.socket.disconnect();
    await t.close();
  });

  let gridCase: string;
  let bodyId: string;

  it('a grid report reaches the district, the handling body, the reporter and the party, with no personal data', async () => {
    const wang = uniqueRespondent('王某');
    const respondent = await partyListener(wang.phone);
    const r = await grid.client.post('/cases/register', {
      channel: 'grid',
      category: 'neighbour',
      description: '楼上漏水殃及楼下，双方多次争吵。',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '张三', phone: '13800000001' },
        { role: 'respondent', ...wang },
      ],
    });
    expectStatus(r, 201);
    gridCase = r.body.id;
    bodyId = r.body.bodyId;
    expect(bodyId).toBe((await jsAdmin.client.get('/auth/me')).body.orgId);
    const [first] = await heardBy([district, jsAdmin, grid, zhang, respondent], gridCase, r.body.version);
    expect(Object.keys(first).sort()).toEqual(['action', 'id', 'number', 'status', 'statusLabel', 'version']);
    expect(first).toMatchObject({ number: r.body.number, status: 'routed', statusLabel: '已分派' });

    // transitions: accepted and assigned (the mediator's own room), mediation started
    await acceptAndStart(jsAdmin.client, jsMediator.client, gridCase);
    await heardBy([district, jsAdmin, grid, zhang, respondent], gridCase, 'accept');
    const started = await fresh(jsAdmin.client, gridCase);
    await heardBy([district, jsAdmin, jsMediator, grid, zhang, respondent], gridCase, started.version);

    // a session changes no version but every list and case view hears it
    const sessions = await jsMediator.client.post(`/cases/${gridCase}/sessions`, {
      scheduledAt: '2026-12-20T09:30:00+08:00',
      online: false,
      place: '金沙街道调解室',
      mode: 'joint',
      participants: started.parties.map((p: any) => p.id),
    });
    expectStatus(sessions, 201);
    await heardBy([district, jsAdmin, jsMediator, grid, zhang, respondent], gridCase, 'session_scheduled');

    // signatures: each party's, then the agreement taking effect (达成协议 in the district's list)
    await agreeAndSign(t, jsMediator.client, gridCase, [
      [zhang.client, '13800000001'],
      [respondent.client, wang.phone],
    ]);
    await heardBy([district, jsAdmin, jsMediator, grid, zhang, respondent], gridCase, 'sign');
    const signed = await heardBy([district, jsAdmin, grid, zhang, respondent], gridCase, 'agreement_signed');
    expect(signed[0].statusLabel).toBe((await fresh(district.client, gridCase)).statusLabel);
  });

  it("a transfer reaches the new body (an official's department) and the body it left", async () => {
    const applicant = await partyListener('13800000071');
    const applied = await applicant.client.post('/cases', {
      category: 'labour',
      description: '公司拖欠三个月工资，多次讨要未果。',
      streetCode: 'JS',
      applicant: { name: '孙某' },
      respondents: [uniqueRespondent('钱老板')],
    });
    expectStatus(applied, 201);
    const id = applied.body.id;
    await heardBy([district, applicant], id, applied.body.version);
    // the labour committee's mediator moves it to the labour department (its official's organisation)
    const fromStaff = await staffListener('labour_mediator');
    const dept = (await district.client.get('/registry/bodies')).body.find((b: any) => b.code === 'ADM-HRSS');
    const moved = await fromStaff.client.post(`/cases/${id}/transfer`, {
      version: (await fresh(fromStaff.client, id)).version,
      targetBodyId: dept.id,
      reason: '涉及欠薪，移交劳动保障监察',
    });
    expectStatus(moved, 200);
    await heardBy([district, official, fromStaff, applicant], id, moved.body.version);
    const accepted = await official.client.post(`/cases/${id}/accept`, {
      version: (await fresh(official.client, id)).version,
    });
    expectStatus(accepted, 200);
    await heardBy([district, official, applicant], id, accepted.body.version);
  });

  it('a court referral reaches the court console when created and when the body accepts it', async () => {
    const r = await clerk.client.post('/cases/court-referrals', {
      referralType: 'pre_registration',
      courtCaseNumber: '（2026）苏0612民诉前调201号',
      causeOfAction: '买卖合同纠纷',
      category: 'contract',
      referredOn: '2026-11-20',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '甲公司', partyType: 'organization', representative: '赵经理' },
        { role: 'respondent', ...uniqueRespondent('乙某') },
      ],
    });
    expectStatus(r, 201);
    const id = r.body.id;
    await heardBy([clerk, district], id, r.body.version);
    expect(r.body.bodyId).toBe(bodyId);
    await heardBy([jsAdmin], id, r.body.version);
    const accepted = await jsAdmin.client.post(`/cases/${id}/accept`, { version: r.body.version });
    expectStatus(accepted, 200);
    await heardBy([clerk, district, jsAdmin], id, accepted.body.version);
    // the court heard nothing of the cases it did not refer
    expect(about(clerk, gridCase)).toEqual([]);
  });

  it('a 12345 order reaches the operator and its party, and no notice reaches anyone outside a case', async () => {
    const r = await hotline.client.post('/cases/register', {
      channel: 'hotline_12345',
      category: 'property',
      description: '小区物业停水未提前告知，业主投诉。',
      streetCode: 'JS',
      parties: [
        { role: 'applicant', name: '李四', phone: '13800000002' },
        { role: 'respondent', name: '某物业公司', partyType: 'organization', representative: '物业经理' },
      ],
    });
    expectStatus(r, 201);
    // socket.io keeps each socket's order: once this arrived, anything sent earlier to the same socket has too
    await heardBy([hotline, li, district], r.body.id, r.body.version);
    for (const outsider of [hotline, li, official, clerk]) expect(about(outsider, gridCase)).toEqual([]);
    expect(about(grid, r.body.id)).toEqual([]);
    expect(about(zhang, r.body.id)).toEqual([]);
  });
});
