import { HttpClient, expectStatus } from '../../support/http-client';
import { fresh } from '../../support/case-flow';
import { connect, emitAck } from '../../support/socket-client';
import type { TestApp } from '../../support/test-app';
import { freshPhone, type Principal, type World } from './world';

type Clients = Record<Principal, HttpClient>;

/** Case A reaches an agreement (PDF), then performance tracking with one item: that item's id. */
export async function agreeUnderPerformance(
  t: TestApp,
  clients: Clients,
  phones: World['phones'],
  caseId: string,
): Promise<string> {
  expectStatus(
    await clients.medA.post(`/cases/${caseId}/agreement`, {
      version: (await fresh(clients.medA, caseId)).version,
      terms: ['被申请人于 2026 年 12 月 31 日前支付 3000 元。'],
      performanceDueOn: '2026-12-31',
    }),
    200,
  );
  for (const [c, phone] of [
    [clients.partyA, phones.partyA],
    [clients.respA, phones.respA],
  ] as const) {
    expectStatus(await c.post(`/cases/${caseId}/agreement/sign-code`), 202);
    expectStatus(
      await c.post(`/cases/${caseId}/agreement/sign`, {
        version: (await fresh(c, caseId)).version,
        code: t.sms.lastCode(phone),
      }),
      200,
    );
  }
  expectStatus(
    await clients.medA.post(`/cases/${caseId}/performance`, {
      version: (await fresh(clients.medA, caseId)).version,
      items: [{ description: '支付 3000 元', dueOn: '2026-12-31' }],
    }),
    200,
  );
  return (await clients.medA.get(`/cases/${caseId}/performance`)).body[0].id as string;
}

/** Case C, a court pre-registration referral (the court's own relation); G and H, registered by grid and 12345 staff. */
export async function otherCases(
  clients: Clients,
  markers: World['markers'],
): Promise<{ C: string; G: string; H: string }> {
  const c = await clients.clerk.post('/cases/court-referrals', {
    referralType: 'pre_registration',
    courtCaseNumber: `（2026）苏0612民诉前调${freshPhone('')}号`,
    causeOfAction: '买卖合同纠纷',
    category: 'contract',
    referredOn: '2026-01-20',
    streetCode: 'JS',
    description: `货款纠纷。${markers.C}`,
    parties: [
      { role: 'applicant', name: '丙申请人', phone: freshPhone() },
      { role: 'respondent', name: '丙被申请人', phone: freshPhone() },
    ],
  });
  expectStatus(c, 201);
  const g = await clients.grid.post('/cases/register', {
    channel: 'grid',
    category: 'family',
    description: `老人赡养纠纷，当事人不会使用手机。${markers.G}`,
    streetCode: 'XD',
    assistance: { consent: true, method: 'fingerprint', note: '当事人按手印确认' },
    parties: [
      { role: 'applicant', name: '网格申请人' },
      { role: 'respondent', name: '网格被申请人' },
    ],
  });
  expectStatus(g, 201);
  const h = await clients.hotline.post('/cases/register', {
    channel: 'hotline_12345',
    category: 'neighbour',
    description: `热线来电反映邻里纠纷。${markers.H}`,
    streetCode: 'XF',
    parties: [
      { role: 'applicant', name: '热线申请人', phone: freshPhone() },
      { role: 'respondent', name: '热线被申请人' },
    ],
  });
  expectStatus(h, 201);
  return { C: c.body.id as string, G: g.body.id as string, H: h.body.id as string };
}

/** Messages carrying each case's marker in its rooms (so history, reads and replays have something to leak). */
export async function markerMessages(
  t: TestApp,
  clients: Clients,
  rooms: World['rooms'],
  markers: World['markers'],
): Promise<void> {
  for (const [client, roomId, text] of [
    [clients.partyA, rooms.caucusPartyA, `甲方私下：${markers.caucusA}`],
    [clients.medA, rooms.staffA, `内部讨论：${markers.staffA}`],
    [clients.respA, rooms.caucusRespA, `被申请人私下：${markers.caucusRespA}`],
    [clients.partyB, rooms.caucusPartyB, `乙方私下：${markers.B}`],
    [clients.judge, rooms.linkage, `会商：${markers.linkage}`],
  ] as const) {
    const s = await connect(t.url, client.token!);
    try {
      const r = await emitAck(s, 'message:send', { roomId, clientMsgId: `world-${roomId}`, body: text });
      if (!r.ok) throw new Error(`world message in ${roomId}: ${JSON.stringify(r)}`);
    } finally {
      s.disconnect();
    }
  }
}
