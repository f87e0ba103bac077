import { signWebhook } from '@tiaojie/intake';
import { HttpClient, expectStatus } from '../../support/http-client';
import { fresh } from '../../support/case-flow';
import type { TestApp } from '../../support/test-app';
import { agreeUnderPerformance, markerMessages, otherCases } from './world-cases';
import { worldRecords } from './world-records';

/**
 * The fixtures the security suites share: every role signed in, two parties with their own cases in two
 * different bodies, a court referral, cases registered by a grid worker and a 12345 operator, a linkage room,
 * rooms with messages and an attachment, an agreement (PDF) under performance, notifications, an import run,
 * a dead letter, a staff member and a declared conflict. Built through the public HTTP API, except the two
 * things no HTTP call creates (a notification, a dead SMS), which go through the real NotificationService and
 * one SQL update.
 */

export const PRINCIPALS = [
  'anonymous',
  'partyA',
  'respA',
  'partyB',
  'medA',
  'medA2',
  'adminA',
  'medB',
  'adminB',
  'district',
  'clerk',
  'judge',
  'official',
  'grid',
  'hotline',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** Role of each principal (`anonymous` has none). */
export const ROLE_OF: Record<Principal, string> = {
  anonymous: 'anonymous',
  partyA: 'party',
  respA: 'party',
  partyB: 'party',
  medA: 'mediator',
  medA2: 'mediator',
  adminA: 'body_admin',
  medB: 'mediator',
  adminB: 'body_admin',
  district: 'district_admin',
  clerk: 'court_clerk',
  judge: 'judge',
  official: 'official',
  grid: 'grid_worker',
  hotline: 'hotline_operator',
};

const STAFF_USERNAMES: Partial<Record<Principal, string>> = {
  medA: 'js_mediator',
  medA2: 'js_mediator2',
  adminA: 'js_admin',
  medB: 'prop_mediator',
  adminB: 'prop_admin',
  district: 'admin',
  clerk: 'clerk1',
  judge: 'judge1',
  official: 'official1',
  grid: 'grid1',
  hotline: 'hotline1',
};

export interface Me {
  id: string;
  orgId: string | null;
  role: string;
}

export interface World {
  t: TestApp;
  clients: Record<Principal, HttpClient>;
  me: Record<Exclude<Principal, 'anonymous'>, Me>;
  phones: { partyA: string; respA: string; partyB: string; respB: string };
  cases: { A: string; B: string; C: string; G: string; H: string };
  /** Distinctive text of each case's description: must never reach anyone who may not read the case. */
  markers: Record<'A' | 'B' | 'C' | 'G' | 'H' | 'caucusA' | 'caucusRespA' | 'staffA' | 'linkage', string>;
  rooms: {
    jointA: string;
    staffA: string;
    caucusPartyA: string;
    caucusRespA: string;
    jointB: string;
    caucusPartyB: string;
    staffB: string;
    linkage: string;
  };
  partyIds: { applicantA: string; respondentA: string; applicantB: string };
  attachmentA: string;
  sessionA: string;
  /** An online session of case B (in mediation, both parties consented): its call is the calls' target. */
  sessionB: string;
  performanceItemA: string;
  notifications: { partyA: string; medA: string; partyB: string };
  deadLetter: string;
  importRun: string;
  staffMemberA: string;
  staffMemberB: string;
  staffMemberBUsername: string;
  conflictOfMedA: string;
  orgs: { A: string; B: string; court: string };
  /** A staff login nobody else uses, for the public auth endpoints. */
  spareLogin: { username: string; password: string };
  /** Signed webhook deliveries need the shared secret. */
  webhookSecret: string;
  /** A small grid export (header + 20 rows). */
  importCsv: Buffer;
  /** A fresh, correctly signed 12345 work-order delivery (body, headers), sent without a bearer token. */
  signedWebhook: () => { body: unknown; headers: Record<string, string>; noToken: true };
}

export const WEBHOOK_SECRET = 'authz-webhook-secret-0123456789abcdef';

/** A 12345 work order as the hotline system posts it (test/intake.e2e-spec.ts uses the same shape). */
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

let phoneSeq = 0;
/** A phone number nobody else in this database uses. */
export function freshPhone(prefix = '1370'): string {
  phoneSeq += 1;
  return `${prefix}${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

async function party(t: TestApp, phone: string): Promise<HttpClient> {
  return new HttpClient(t.url).signInParty(phone, (p) => t.sms.lastCode(p));
}

export async function buildWorld(t: TestApp): Promise<World> {
  const clients = { anonymous: new HttpClient(t.url) } as Record<Principal, HttpClient>;
  for (const [p, username] of Object.entries(STAFF_USERNAMES))
    clients[p as Principal] = await new HttpClient(t.url).signInStaff(username!);
  const phones = { partyA: freshPhone(), respA: freshPhone(), partyB: freshPhone(), respB: freshPhone() };
  const mark = (label: string) => `${label}标记${freshPhone('9')}`;
  const markers = {
    A: mark('甲案'),
    B: mark('乙案'),
    C: mark('丙案'),
    G: mark('网格案'),
    H: mark('热线案'),
    caucusA: mark('甲方背对背'),
    caucusRespA: mark('被申请人背对背'),
    staffA: mark('甲案内部'),
    linkage: mark('联动会商'),
  };
  clients.partyA = await party(t, phones.partyA);
  clients.partyB = await party(t, phones.partyB);

  // Case A: neighbour dispute in Jinsha → the Jinsha street committee (body A); mediated by js_mediator.
  const a = await clients.partyA.post('/cases', {
    category: 'neighbour',
    description: `邻居装修噪音持续到深夜，多次沟通无果。${markers.A}`,
    streetCode: 'JS',
    applicant: { name: '甲申请人', idNumber: '320612199001011232' },
    respondents: [{ name: '甲被申请人', phone: phones.respA }],
  });
  expectStatus(a, 201);
  // Case B: property dispute in Jinsha → the Jinsha property committee (body B).
  const b = await clients.partyB.post('/cases', {
    category: 'property',
    description: `物业公司长期不修电梯，业主多次反映无果。${markers.B}`,
    streetCode: 'JS',
    applicant: { name: '乙申请人' },
    respondents: [{ name: '乙被申请人', phone: phones.respB }],
  });
  expectStatus(b, 201);
  const cases = { A: a.body.id as string, B: b.body.id as string, C: '', G: '', H: '' };

  const me = {} as World['me'];
  for (const p of PRINCIPALS) {
    if (p === 'anonymous' || p === 'respA') continue;
    const r = await clients[p].get('/auth/me');
    expectStatus(r, 200);
    me[p] = { id: r.body.id, orgId: r.body.orgId, role: r.body.role };
  }
  const orgA = me.adminA.orgId!;
  const orgB = me.adminB.orgId!;
  expect((await clients.adminA.get(`/cases/${cases.A}`)).body.bodyId).toBe(orgA);
  expect((await clients.adminB.get(`/cases/${cases.B}`)).body.bodyId).toBe(orgB);

  const startMediation = async (admin: HttpClient, mediator: Me, mediatorClient: HttpClient, id: string) => {
    expectStatus(await admin.post(`/cases/${id}/accept`, { version: (await fresh(admin, id)).version }), 200);
    expectStatus(
      await admin.post(`/cases/${id}/assign`, {
        version: (await fresh(admin, id)).version,
        mediatorId: mediator.id,
      }),
      200,
    );
    expectStatus(
      await mediatorClient.post(`/cases/${id}/transitions/start_mediation`, {
        version: (await fresh(mediatorClient, id)).version,
      }),
      200,
    );
  };
  await startMediation(clients.adminA, me.medA, clients.medA, cases.A);
  await startMediation(clients.adminB, me.medB, clients.medB, cases.B);
  // Case B is held online: both parties consent and its mediator schedules a session (its call is a target).
  expectStatus(await clients.partyB.post(`/cases/${cases.B}/consents/online`), 200);
  expectStatus(await (await party(t, phones.respB)).post(`/cases/${cases.B}/consents/online`), 200);
  clients.respA = await party(t, phones.respA);
  me.respA = { id: (await clients.respA.get('/auth/me')).body.id, orgId: null, role: 'party' };

  const detailA = await fresh(clients.medA, cases.A);
  const detailB = await fresh(clients.medB, cases.B);
  const applicantA = detailA.parties.find((p: any) => p.role === 'applicant').id;
  const respondentA = detailA.parties.find((p: any) => p.role === 'respondent').id;
  const applicantB = detailB.parties.find((p: any) => p.role === 'applicant').id;
  const sessionB = await clients.medB.post(`/cases/${cases.B}/sessions`, {
    scheduledAt: '2026-12-09T09:30:00+08:00',
    online: true,
    mode: 'joint',
    participants: detailB.parties.map((p: any) => p.id),
  });
  expectStatus(sessionB, 201);
  const room = (d: any, pred: (r: any) => boolean) => d.rooms.find(pred).id as string;
  const rooms = {
    jointA: room(detailA, (r) => r.kind === 'joint'),
    staffA: room(detailA, (r) => r.kind === 'staff'),
    caucusPartyA: room(detailA, (r) => r.kind === 'caucus' && r.partyId === applicantA),
    caucusRespA: room(detailA, (r) => r.kind === 'caucus' && r.partyId === respondentA),
    jointB: room(detailB, (r) => r.kind === 'joint'),
    caucusPartyB: room(detailB, (r) => r.kind === 'caucus' && r.partyId === applicantB),
    staffB: room(detailB, (r) => r.kind === 'staff'),
    linkage: '',
  };

  // Evidence in party A's caucus room, and an offline session of case A with a record.
  const form = new FormData();
  form.append('clientMsgId', 'world-evidence');
  form.append(
    'file',
    new Blob(
      [
        Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
      ],
      { type: 'image/png' },
    ),
    `证据-${markers.A}.png`,
  );
  const up = await fetch(`${t.url}/api/rooms/${rooms.caucusPartyA}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clients.partyA.token}` },
    body: form,
  });
  const upBody: any = await up.json();
  if (up.status !== 201) throw new Error(`attachment upload: ${up.status} ${JSON.stringify(upBody)}`);
  const attachmentA = upBody.message.attachment.id as string;
  const session = await clients.medA.post(`/cases/${cases.A}/sessions`, {
    scheduledAt: '2026-12-01T09:30:00+08:00',
    online: false,
    place: '金沙街道调解室',
    mode: 'joint',
    participants: [applicantA, respondentA],
  });
  expectStatus(session, 201);

  // Case A reaches an agreement (PDF), then performance tracking with one item.
  const performanceItemA = await agreeUnderPerformance(t, clients, phones, cases.A);

  // Case C: a court pre-registration referral (the court's own relation); G and H: registered by grid and 12345 staff.
  Object.assign(cases, await otherCases(clients, markers));

  // A linkage room: the judge hosts, the official is a member.
  const linkage = await clients.judge.post('/rooms/linkage', {
    title: '府院联动会商',
    topic: '行政争议实质化解常态化会商',
    userIds: [me.official.id],
  });
  expectStatus(linkage, 201);
  rooms.linkage = linkage.body.id;
  expectStatus(
    await clients.judge.post(`/rooms/${rooms.linkage}/minutes`, {
      clientMsgId: 'world-minutes',
      body: '会商纪要：双方同意实质化解。',
    }),
    201,
  );

  await markerMessages(t, clients, rooms, markers);

  const records = await worldRecords(t, clients, me, orgA, orgB);

  return {
    t,
    clients,
    me,
    phones,
    cases,
    markers,
    rooms,
    partyIds: { applicantA, respondentA, applicantB },
    attachmentA,
    sessionA: session.body.id,
    sessionB: sessionB.body.id,
    performanceItemA,
    ...records,
    orgs: { A: orgA, B: orgB, court: me.clerk.orgId! },
    webhookSecret: WEBHOOK_SECRET,
    signedWebhook: () => {
      const orderNo = `SW2099${freshPhone('').slice(-6)}`;
      const body = { ...ORDER_ROW, 工单编号: orderNo, 联系电话: freshPhone('1395') };
      const ts = String(Math.floor(Date.now() / 1000));
      return {
        body,
        noToken: true,
        headers: {
          'x-tiaojie-timestamp': ts,
          'x-tiaojie-signature': signWebhook(WEBHOOK_SECRET, ts, JSON.stringify(body)),
          'idempotency-key': `authz-${orderNo}`,
        },
      };
    },
  };
}

/** Every id the world holds: real path-parameter values for the fuzzer. */
export function worldIds(w: World): string[] {
  return [
    ...Object.values(w.cases),
    ...Object.values(w.rooms),
    ...Object.values(w.partyIds),
    w.attachmentA,
    w.sessionA,
    w.sessionB,
    w.performanceItemA,
    ...Object.values(w.notifications),
    w.deadLetter,
    w.importRun,
    w.staffMemberA,
    w.staffMemberB,
    w.conflictOfMedA,
    ...Object.values(w.orgs),
    ...Object.values(w.me).map((m) => m.id),
  ].filter(Boolean);
}
