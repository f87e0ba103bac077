import { expectStatus } from '../support/http-client';
import { Principal, ROLE_OF, World, freshPhone } from './support/world';

/**
 * THE authorisation table (issue 10): role × resource × action × relation → allow, for every HTTP operation of
 * the OpenAPI document and every client socket event. Anything a row does not allow must be refused: 401
 * without a token, 403 or 404 with one (404 where existence itself is private). authorization.e2e-spec.ts calls
 * every row as every principal of the world (test/security/support/world.ts), checks allow/deny, scans every
 * answer for secrets the caller may not see (SECRETS below), and fails when the OpenAPI document or
 * CLIENT_EVENTS has an operation no row covers: a new endpoint needs a row here.
 *
 * Relations are the caller's relation to the row's target, as the world sets it up (RELATIONS):
 *   own   — their own case (a party of it, the assigned mediator, who registered or referred it), their own
 *           room, notification or mediator record; for rows without a target, their own data
 *   org   — their organisation handles it (staff of the handling body who are not personally on it)
 *   other — anything else (another party's case, another body's case, another user's inbox)
 *
 * A row's `ok` is what an allowed call answers. Most are 2xx. State-changing case commands are probed with a
 * stale `version`: the api checks permission first and answers an allowed caller 409 VERSION_CONFLICT without
 * changing anything, a refused one 403/404. Where a command's precondition does not hold in the fixture state,
 * an allowed caller gets 409 ILLEGAL_TRANSITION (the row says so): still past the permission check.
 */

export type Relation = 'own' | 'org' | 'other';
export type Role =
  | 'party' | 'mediator' | 'body_admin' | 'grid_worker' | 'hotline_operator' | 'court_clerk' | 'judge' | 'official' | 'district_admin';
export const ROLES: readonly Role[] = ['party', 'mediator', 'body_admin', 'grid_worker', 'hotline_operator', 'court_clerk', 'judge', 'official', 'district_admin'];
export type Target =
  | 'caseA' | 'caseB' | 'caseC' | 'caseG' | 'caseH' | 'roomJointA' | 'roomCaucusA' | 'roomCaucusRespA' | 'roomStaffA' | 'roomLinkage'
  | 'notificationA' | 'staffMemberA' | 'mediatorA' | 'orgA' | 'orgB';

export type Rule = Partial<Record<Role, readonly Relation[]>>;

export interface Call {
  /** Path parameter values beyond the target's id. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A multipart upload instead of JSON. */
  upload?: { field: string; name: string; type: string; data: Buffer; fields?: Record<string, string> };
  headers?: Record<string, string>;
  /** Send no Authorization header even for signed-in principals (signature-authenticated webhooks). */
  noToken?: boolean;
}

export interface AuthzRow {
  /** `METHOD /api/path` as in the OpenAPI document, or `SOCKET <event>`. */
  op: string;
  resource: string;
  action: string;
  target: Target | null;
  allow: Rule;
  /** No token needed: anonymous callers are allowed too. */
  public?: boolean;
  /** Of the principals the rule allows, only these (a relation finer than own/org/other, e.g. the applicant among the parties). */
  only?: readonly Principal[];
  /** What an allowed call answers: a status, or a status and error code. Socket rows: 'ack-ok'. */
  ok: number | readonly [number, string] | 'ack-ok';
  call?: (w: World, who: Principal) => Call | Promise<Call>;
  /** Undoes what `call` set up, after the row was called as every principal. */
  cleanup?: (w: World) => Promise<void>;
}

const ANY: readonly Relation[] = ['own', 'org', 'other'];
const OWN: readonly Relation[] = ['own'];
const ORG: readonly Relation[] = ['org'];
const OWN_ORG: readonly Relation[] = ['own', 'org'];
const every = (rel: readonly Relation[], roles: readonly Role[] = ROLES): Rule => Object.fromEntries(roles.map((r) => [r, rel]));
const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'party');
const ADMINS: Rule = { district_admin: ANY, body_admin: ANY };
const DISTRICT: Rule = { district_admin: ANY };
/** Who reads a case: its parties, whoever it was referred or registered by, the handling body, the district. */
const CASE_READERS: Rule = {
  party: OWN, mediator: OWN_ORG, body_admin: ORG, judge: OWN_ORG, court_clerk: OWN_ORG, official: OWN_ORG, grid_worker: OWN, hotline_operator: OWN, district_admin: ANY,
};
/** staffOfBody in the lifecycle: every staff role of the handling body. */
const HANDLING_STAFF: Rule = { mediator: OWN_ORG, body_admin: ORG, judge: OWN_ORG, court_clerk: OWN_ORG, official: OWN_ORG };
/** mediatorOfCase: the assigned mediator (or judge / official acting as one) and the body's admin. */
const CASE_MEDIATOR: Rule = { mediator: OWN, judge: OWN, official: OWN, body_admin: ORG };
/** Case rooms: the room's parties, the assigned mediator, the body's admin, the district. */
const ROOM_USERS: Rule = { party: OWN, mediator: OWN, body_admin: ORG, district_admin: ANY };
const STAFF_ROOM_USERS: Rule = { mediator: OWN, body_admin: ORG, district_admin: ANY };
const LINKAGE_MEMBERS: Rule = { judge: OWN, official: OWN, court_clerk: OWN, district_admin: OWN };

const STALE = 999_999; // a valid version no case has: allowed callers get 409 VERSION_CONFLICT, nothing changes
const versionProbe = (extra: Record<string, unknown> = {}) => () => ({ body: { version: STALE, ...extra } });
const CONFLICT = [409, 'VERSION_CONFLICT'] as const;
const ILLEGAL = [409, 'ILLEGAL_TRANSITION'] as const;
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let seq = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++seq}`;

const CASE_TARGETS: Target[] = ['caseA', 'caseB', 'caseC', 'caseG', 'caseH'];
const CASE_ROOMS: Target[] = ['roomJointA', 'roomCaucusA', 'roomCaucusRespA', 'roomStaffA'];
const ALL_ROOMS: Target[] = [...CASE_ROOMS, 'roomLinkage'];
const roomRule = (t: Target, linkage: Rule = LINKAGE_MEMBERS): Rule => (t === 'roomStaffA' ? STAFF_ROOM_USERS : t === 'roomLinkage' ? linkage : ROOM_USERS);

/** One row per target for the same operation. */
const perTarget = (targets: Target[], row: (t: Target) => Omit<AuthzRow, 'target'>): AuthzRow[] => targets.map((t) => ({ ...row(t), target: t }));

/** The relation of each principal to each target, as the world builds it (everything unlisted: other). */
export const RELATIONS: Record<Target, Partial<Record<Principal, Relation>>> = {
  caseA: { partyA: 'own', respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  caseB: { partyB: 'own', medB: 'own', adminB: 'org' },
  // a court referral routed to body A: the referring court's staff are on it, body A handles it
  caseC: { clerk: 'own', judge: 'own', adminA: 'org', medA: 'org', medA2: 'org' },
  caseG: { grid: 'own' },
  caseH: { hotline: 'own' },
  roomJointA: { partyA: 'own', respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomCaucusA: { partyA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomCaucusRespA: { respA: 'own', medA: 'own', adminA: 'org', medA2: 'org' },
  roomStaffA: { medA: 'own', adminA: 'org', medA2: 'org' },
  // the judge hosts, the official is a member; the clerk works at the judge's court but was not invited
  roomLinkage: { judge: 'own', official: 'own', clerk: 'org' },
  notificationA: { partyA: 'own' },
  staffMemberA: { adminA: 'org', medA: 'org', medA2: 'org' },
  mediatorA: { medA: 'own', adminA: 'org', medA2: 'org' },
  orgA: { adminA: 'org', medA: 'org', medA2: 'org' },
  orgB: { adminB: 'org', medB: 'org' },
};

/** The id a target names in the path (`{id}`), from the world. */
export function targetId(w: World, t: Target): string {
  switch (t) {
    case 'caseA': return w.cases.A;
    case 'caseB': return w.cases.B;
    case 'caseC': return w.cases.C;
    case 'caseG': return w.cases.G;
    case 'caseH': return w.cases.H;
    case 'roomJointA': return w.rooms.jointA;
    case 'roomCaucusA': return w.rooms.caucusPartyA;
    case 'roomCaucusRespA': return w.rooms.caucusRespA;
    case 'roomStaffA': return w.rooms.staffA;
    case 'roomLinkage': return w.rooms.linkage;
    case 'notificationA': return w.notifications.partyA;
    case 'staffMemberA': return w.staffMemberA;
    case 'mediatorA': return w.me.medA.id;
    case 'orgA': return w.orgs.A;
    case 'orgB': return w.orgs.B;
  }
}

const application = () => ({
  category: 'neighbour', description: '楼上漏水导致天花板受损，协商未果。', streetCode: 'JS', applicant: { name: '申请人' }, respondents: [{ name: '被申请人', phone: freshPhone('1391') }],
});
const REGISTER_CHANNEL: Partial<Record<string, string>> = { grid: 'grid', hotline: 'hotline_12345' };
const statsQuery = '?from=2026-01-01&to=2027-01-01';

export const AUTHZ_TABLE: readonly AuthzRow[] = [
  // —— system (public) ——
  { op: 'GET /api/health', resource: 'system', action: 'health', target: null, public: true, allow: every(ANY), ok: 200 },
  { op: 'GET /api/lifecycle', resource: 'system', action: 'lifecycle', target: null, public: true, allow: every(ANY), ok: 200 },
  { op: 'GET /api/directory', resource: 'system', action: 'directory', target: null, public: true, allow: every(ANY), ok: 200 },

  // —— authentication (public, or the caller's own account) ——
  { op: 'POST /api/auth/staff/sign-in', resource: 'session', action: 'sign-in', target: null, public: true, allow: every(ANY), ok: 200,
    call: (w) => ({ body: { username: w.spareLogin.username, password: w.spareLogin.password } }) },
  { op: 'POST /api/auth/otp', resource: 'session', action: 'request-code', target: null, public: true, allow: every(ANY), ok: 202,
    call: () => ({ body: { phone: freshPhone('1377') } }) },
  { op: 'POST /api/auth/party/sign-in', resource: 'session', action: 'party-sign-in', target: null, public: true, allow: every(ANY), ok: 200,
    call: async (w) => {
      const phone = freshPhone('1378');
      expectStatus(await w.clients.anonymous.post('/auth/otp', { phone }), 202);
      return { body: { phone, code: w.t.sms.lastCode(phone) } };
    } },
  { op: 'POST /api/auth/refresh', resource: 'session', action: 'refresh', target: null, public: true, allow: every(ANY), ok: 200,
    call: async (w) => ({ body: { refreshToken: (await w.clients.anonymous.post('/auth/staff/sign-in', { username: w.spareLogin.username, password: w.spareLogin.password })).body.refreshToken } }) },
  { op: 'POST /api/auth/sign-out', resource: 'session', action: 'sign-out', target: null, public: true, allow: every(ANY), ok: 204,
    call: async (w) => ({ body: { refreshToken: (await w.clients.anonymous.post('/auth/staff/sign-in', { username: w.spareLogin.username, password: w.spareLogin.password })).body.refreshToken } }) },
  // a wrong current password: the signed-in caller reaches the check (INVALID_CREDENTIALS), nobody's password changes
  { op: 'POST /api/auth/password', resource: 'account', action: 'change-password', target: null, allow: every(ANY), ok: [401, 'INVALID_CREDENTIALS'],
    call: () => ({ body: { currentPassword: 'not-my-password-1', newPassword: 'Changed2026pass' } }) },
  { op: 'GET /api/auth/me', resource: 'account', action: 'read', target: null, allow: every(ANY), ok: 200 },

  // —— staff administration ——
  { op: 'GET /api/staff', resource: 'staff', action: 'list', target: null, allow: ADMINS, ok: 200 },
  // asking for another body's staff: a body admin still gets only their own (the secret scan checks)
  { op: 'GET /api/staff', resource: 'staff', action: 'list-other-body', target: null, allow: ADMINS, ok: 200, call: (w) => ({ query: `?orgId=${w.orgs.B}` }) },
  ...perTarget(['orgA', 'orgB'], (t) => ({
    op: 'POST /api/staff', resource: 'staff', action: 'create', allow: { district_admin: ANY, body_admin: ORG }, ok: 201,
    call: (w) => ({ body: { username: unique('authz_new_'), displayName: '新调解员', role: 'mediator', orgId: t === 'orgA' ? w.orgs.A : w.orgs.B, password: 'Welcome2026ok', specialties: ['neighbour'] } }),
  })),
  { op: 'PATCH /api/staff/{id}', resource: 'staff', action: 'update', target: 'staffMemberA', allow: { district_admin: ANY, body_admin: ORG }, ok: 200,
    call: () => ({ body: { displayName: '甲组织调解员' } }) },

  // —— intake of disputes ——
  { op: 'POST /api/cases', resource: 'case', action: 'apply', target: null, allow: { party: ANY }, ok: 201, call: () => ({ body: application() }) },
  { op: 'POST /api/cases/register', resource: 'case', action: 'register', target: null, ok: 201,
    allow: { mediator: ANY, body_admin: ANY, district_admin: ANY, official: ANY, grid_worker: ANY, hotline_operator: ANY },
    call: (_w, who) => ({ body: {
      channel: REGISTER_CHANNEL[who] ?? 'window', category: 'neighbour', description: '来访登记：楼道堆放杂物引发争执。', streetCode: 'JS',
      ...(who === 'grid' ? { assistance: { consent: true, method: 'verbal' } } : {}),
      parties: [{ role: 'applicant', name: '登记申请人', phone: freshPhone('1392') }, { role: 'respondent', name: '登记被申请人' }],
    } }) },
  { op: 'POST /api/cases/court-referrals', resource: 'case', action: 'refer-from-court', target: null, allow: { court_clerk: ANY, judge: ANY }, ok: 201,
    call: () => ({ body: {
      referralType: 'pre_registration', courtCaseNumber: `（2026）苏0612民诉前调${unique('')}号`, causeOfAction: '买卖合同纠纷', category: 'contract', referredOn: '2026-01-20', streetCode: 'JS',
      parties: [{ role: 'applicant', name: '委派申请人', phone: freshPhone('1393') }, { role: 'respondent', name: '委派被申请人' }],
    } }) },

  // —— reading cases: lists, detail, status ——
  { op: 'GET /api/cases/mine', resource: 'case', action: 'list-own', target: null, allow: { party: ANY }, ok: 200 },
  { op: 'GET /api/cases/queue', resource: 'case', action: 'queue', target: null, allow: every(ANY, STAFF), ok: 200, call: () => ({ query: '?open=false&limit=500' }) },
  ...perTarget(CASE_TARGETS, () => ({ op: 'GET /api/cases/{id}', resource: 'case', action: 'read', allow: CASE_READERS, ok: 200 })),
  ...perTarget(CASE_TARGETS, () => ({ op: 'GET /api/cases/{id}/status', resource: 'case', action: 'read-status', allow: CASE_READERS, ok: 200 })),
  { op: 'GET /api/cases/{id}/parties/{partyId}/personal-data', resource: 'personal-data', action: 'read-unmasked', target: 'caseA',
    allow: { mediator: OWN_ORG, body_admin: ORG, district_admin: ANY }, ok: 200, call: (w) => ({ params: { partyId: w.partyIds.applicantA } }) },

  // —— case commands (stale-version probes) ——
  { op: 'POST /api/cases/{id}/accept', resource: 'case', action: 'accept', target: 'caseA', allow: HANDLING_STAFF, ok: CONFLICT, call: versionProbe() },
  { op: 'POST /api/cases/{id}/return', resource: 'case', action: 'return', target: 'caseA', allow: HANDLING_STAFF, ok: CONFLICT, call: versionProbe({ reasonCode: 'NOT_IN_JURISDICTION', reason: '测试' }) },
  // a mediator of the handling body may assign (only) themself; the body admin anyone of the body
  { op: 'POST /api/cases/{id}/assign', resource: 'case', action: 'assign-mediator', target: 'caseA', allow: { mediator: OWN_ORG, body_admin: ORG }, ok: CONFLICT,
    call: (w, who) => ({ body: { version: STALE, mediatorId: ROLE_OF[who] === 'mediator' ? w.me[who as 'medA'].id : w.me.medA.id } }) },
  { op: 'POST /api/cases/{id}/mode', resource: 'case', action: 'switch-mode', target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT, call: versionProbe({ mode: 'caucus' }) },
  { op: 'POST /api/cases/{id}/agreement', resource: 'agreement', action: 'draft', target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT,
    call: versionProbe({ terms: ['测试条款'], performanceDueOn: '2026-12-31' }) },
  // case A is past signing: a party reaches the state check (409), anyone else is refused
  { op: 'POST /api/cases/{id}/agreement/sign-code', resource: 'agreement', action: 'request-sign-code', target: 'caseA', allow: { party: OWN }, ok: ILLEGAL },
  { op: 'POST /api/cases/{id}/agreement/sign', resource: 'agreement', action: 'sign', target: 'caseA', allow: { party: OWN }, ok: ILLEGAL, call: versionProbe({ code: '000000' }) },
  // these commands check the state before the version: an allowed caller meets 409 ILLEGAL_TRANSITION (case A is under performance)
  { op: 'POST /api/cases/{id}/transfer', resource: 'case', action: 'transfer', target: 'caseA', allow: { ...HANDLING_STAFF, district_admin: ANY }, ok: ILLEGAL, call: versionProbe({ reason: '测试移交' }) },
  { op: 'POST /api/cases/{id}/refer-to-court', resource: 'case', action: 'refer-to-court', target: 'caseA', allow: { ...CASE_MEDIATOR, district_admin: ANY }, ok: ILLEGAL, call: versionProbe({ reason: '测试' }) },
  { op: 'POST /api/cases/{id}/extend', resource: 'case', action: 'extend-deadline', target: 'caseA', allow: CASE_MEDIATOR, ok: ILLEGAL, call: versionProbe({ days: 5, reason: '测试' }) },
  ...(['start_mediation', 'close', 'terminate', 'record_failure'] as const).map((action): AuthzRow => ({
    op: 'POST /api/cases/{id}/transitions/{action}', resource: 'case', action, target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT,
    call: () => ({ params: { action }, body: { version: STALE, reason: '测试' } }),
  })),
  // only the applicant withdraws (the respondent is a party of the case too, and is refused)
  { op: 'POST /api/cases/{id}/transitions/{action}', resource: 'case', action: 'withdraw', target: 'caseA', allow: { party: OWN }, only: ['partyA'], ok: CONFLICT,
    call: () => ({ params: { action: 'withdraw' }, body: { version: STALE, reason: '测试' } }) },
  { op: 'POST /api/cases/{id}/transitions/{action}', resource: 'case', action: 'reopen', target: 'caseA', allow: DISTRICT, ok: CONFLICT,
    call: () => ({ params: { action: 'reopen' }, body: { version: STALE, reason: '测试' } }) },
  // judicial confirmation is the court's only once confirmation is requested; case A never was
  { op: 'POST /api/cases/{id}/transitions/{action}', resource: 'case', action: 'confirm', target: 'caseA', allow: {}, ok: CONFLICT,
    call: () => ({ params: { action: 'confirm' }, body: { version: STALE } }) },
  { op: 'POST /api/cases/{id}/route', resource: 'case', action: 'manual-route', target: 'caseA', allow: DISTRICT, ok: ILLEGAL,
    call: (w) => ({ body: { version: STALE, bodyId: w.orgs.B, reason: '测试' } }) },

  // —— sessions, agreement document, judicial confirmation, performance, follow-up ——
  { op: 'GET /api/cases/{id}/sessions', resource: 'session-record', action: 'list', target: 'caseA', allow: CASE_READERS, ok: 200 },
  // case A is past mediation: whoever may schedule reaches the state check
  { op: 'POST /api/cases/{id}/sessions', resource: 'session-record', action: 'schedule', target: 'caseA', allow: CASE_MEDIATOR, ok: ILLEGAL,
    call: (w) => ({ body: { scheduledAt: '2026-12-02T09:30:00+08:00', online: false, place: '调解室', mode: 'joint', participants: [w.partyIds.applicantA, w.partyIds.respondentA] } }) },
  { op: 'POST /api/cases/{id}/consents/online', resource: 'consent', action: 'consent-online', target: 'caseA', allow: { party: OWN }, ok: 200 },
  { op: 'POST /api/cases/{id}/sessions/{sessionId}/record', resource: 'session-record', action: 'record', target: 'caseA', allow: CASE_MEDIATOR, ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionA }, body: { record: '调解员：测试笔录。' } }) },
  { op: 'GET /api/cases/{id}/agreement.pdf', resource: 'agreement', action: 'export-pdf', target: 'caseA', allow: CASE_READERS, ok: 200 },
  { op: 'POST /api/cases/{id}/confirmation/apply', resource: 'agreement', action: 'apply-confirmation', target: 'caseA', allow: { party: OWN }, ok: ILLEGAL, call: versionProbe() },
  { op: 'GET /api/cases/{id}/performance', resource: 'performance', action: 'list', target: 'caseA', allow: CASE_READERS, ok: 200 },
  { op: 'POST /api/cases/{id}/performance', resource: 'performance', action: 'start', target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT,
    call: versionProbe({ items: [{ description: '测试', dueOn: '2026-12-31' }] }) },
  { op: 'POST /api/cases/{id}/performance/{itemId}', resource: 'performance', action: 'record', target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT,
    call: (w) => ({ params: { itemId: w.performanceItemA }, body: { version: STALE, status: 'done' } }) },
  // parties rate once mediation has ended (case A is under performance)
  { op: 'POST /api/cases/{id}/rating', resource: 'rating', action: 'rate', target: 'caseA', allow: { party: OWN }, ok: 201, call: () => ({ body: { rating: '满意' } }) },
  { op: 'POST /api/cases/{id}/follow-up', resource: 'case', action: 'follow-up', target: 'caseA', allow: CASE_MEDIATOR, ok: CONFLICT, call: versionProbe({ rating: '满意' }) },

  // —— routing and the registry ——
  { op: 'GET /api/routing/rules', resource: 'routing-rules', action: 'read', target: null, allow: DISTRICT, ok: 200 },
  { op: 'PUT /api/routing/rules', resource: 'routing-rules', action: 'replace', target: null, allow: DISTRICT, ok: 200,
    call: async (w) => ({ body: { rules: (await w.clients.district.get('/routing/rules')).body } }) },
  { op: 'POST /api/routing/dry-run', resource: 'routing-rules', action: 'dry-run', target: null, allow: ADMINS, ok: 200,
    call: () => ({ body: { category: 'property', channel: 'online', streetCode: 'JS' } }) },
  { op: 'GET /api/routing/returns', resource: 'routing-rules', action: 'return-counts', target: null, allow: DISTRICT, ok: 200 },
  { op: 'GET /api/registry/bodies', resource: 'registry', action: 'list-bodies', target: null, allow: ADMINS, ok: 200 },
  { op: 'PATCH /api/registry/bodies/{id}', resource: 'registry', action: 'update-body', target: 'orgA', allow: DISTRICT, ok: 200, call: () => ({ body: { active: true } }) },
  { op: 'GET /api/registry/mediators/{id}/conflicts', resource: 'conflicts', action: 'list', target: 'mediatorA', allow: { mediator: OWN, body_admin: ORG, district_admin: ANY }, ok: 200 },
  { op: 'POST /api/registry/mediators/{id}/conflicts', resource: 'conflicts', action: 'declare', target: 'mediatorA', allow: { mediator: OWN, body_admin: ORG, district_admin: ANY }, ok: 201,
    call: () => ({ body: { kind: 'employer', partyKey: `测试单位${unique('')}`, note: '测试' } }) },
  { op: 'DELETE /api/registry/mediators/{id}/conflicts/{conflictId}', resource: 'conflicts', action: 'remove', target: 'mediatorA', allow: { mediator: OWN, body_admin: ORG, district_admin: ANY }, ok: 204,
    call: async (w) => {
      const c = await w.clients.medA.post(`/registry/mediators/${w.me.medA.id}/conflicts`, { kind: 'relative', partyKey: `1399${unique('')}`.slice(0, 11) });
      expectStatus(c, 201);
      return { params: { conflictId: c.body.id } };
    } },
  ...perTarget(['caseA', 'caseB'], () => ({ op: 'GET /api/cases/{id}/routing', resource: 'routing-decisions', action: 'read', allow: { mediator: OWN_ORG, body_admin: ORG, district_admin: ANY }, ok: 200 })),
  ...perTarget(['caseA', 'caseB'], () => ({ op: 'GET /api/cases/{id}/mediator-proposal', resource: 'mediator-proposal', action: 'read', allow: { mediator: OWN_ORG, body_admin: ORG }, ok: 200 })),

  // —— linkage rooms (府院联动) ——
  { op: 'POST /api/rooms/linkage', resource: 'linkage-room', action: 'create', target: null, allow: { district_admin: ANY, judge: ANY, court_clerk: ANY, official: ANY }, ok: 201,
    call: () => ({ body: { title: '测试会商', topic: '测试议题' } }) },
  { op: 'GET /api/rooms/linkage/{id}', resource: 'linkage-room', action: 'read', target: 'roomLinkage', allow: LINKAGE_MEMBERS, ok: 200 },
  { op: 'GET /api/rooms/{id}/members', resource: 'linkage-room', action: 'list-members', target: 'roomLinkage', allow: LINKAGE_MEMBERS, ok: 200 },
  { op: 'POST /api/rooms/{id}/members', resource: 'linkage-room', action: 'invite', target: 'roomLinkage', allow: { judge: OWN }, ok: 200,
    call: (w) => ({ body: { userIds: [w.staffMemberA] } }) },
  { op: 'DELETE /api/rooms/{id}/members/{userId}', resource: 'linkage-room', action: 'remove-member', target: 'roomLinkage', allow: { judge: OWN }, ok: 200,
    call: async (w) => {
      expectStatus(await w.clients.judge.post(`/rooms/${w.rooms.linkage}/members`, { userIds: [w.staffMemberB] }), 200);
      return { params: { userId: w.staffMemberB }, query: '?reason=test' };
    },
    cleanup: async (w) => { expectStatus(await w.clients.judge.request('DELETE', `/rooms/${w.rooms.linkage}/members/${w.staffMemberB}`), 200); } },
  { op: 'DELETE /api/rooms/{id}/orgs/{orgId}', resource: 'linkage-room', action: 'remove-organisation', target: 'roomLinkage', allow: { judge: OWN }, ok: 200,
    call: async (w) => {
      expectStatus(await w.clients.judge.post(`/rooms/${w.rooms.linkage}/members`, { orgIds: [w.orgs.B] }), 200);
      return { params: { orgId: w.orgs.B } };
    },
    cleanup: async (w) => { expectStatus(await w.clients.judge.request('DELETE', `/rooms/${w.rooms.linkage}/orgs/${w.orgs.B}`), 200); } },
  { op: 'POST /api/rooms/{id}/minutes', resource: 'linkage-room', action: 'record-minutes', target: 'roomLinkage', allow: { judge: OWN }, ok: 201,
    call: () => ({ body: { clientMsgId: unique('min-'), body: '会商纪要（测试）' } }) },
  { op: 'GET /api/rooms/{id}/minutes', resource: 'linkage-room', action: 'read-minutes', target: 'roomLinkage', allow: LINKAGE_MEMBERS, ok: 200 },
  ...(['md', 'csv', 'pdf'] as const).map((format): AuthzRow => ({
    op: 'GET /api/rooms/{id}/minutes/export', resource: 'linkage-room', action: `export-minutes-${format}`, target: 'roomLinkage', allow: LINKAGE_MEMBERS, ok: 200,
    call: () => ({ query: `?format=${format}` }),
  })),

  // —— rooms: history, read receipts, evidence ——
  { op: 'GET /api/rooms/mine', resource: 'room', action: 'list-own', target: null, allow: every(ANY), ok: 200 },
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'GET /api/rooms/{id}/messages', resource: 'room', action: 'history', allow: roomRule(t), ok: 200 })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'GET /api/rooms/{id}/messages', resource: 'room', action: 'history-missed', allow: roomRule(t), ok: 200, call: () => ({ query: '?afterSeq=0' }) })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'GET /api/rooms/{id}/reads', resource: 'room', action: 'read-receipts', allow: roomRule(t), ok: 200 })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'POST /api/rooms/{id}/reads', resource: 'room', action: 'mark-read', allow: roomRule(t), ok: 200, call: () => ({ body: { seq: 1 } }) })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'POST /api/rooms/{id}/attachments', resource: 'attachment', action: 'upload', allow: roomRule(t), ok: 201,
    call: () => ({ upload: { field: 'file', name: 'evidence.png', type: 'image/png', data: PNG_1PX, fields: { clientMsgId: unique('up-') } } }),
  })),
  { op: 'GET /api/rooms/{id}/attachments/{attachmentId}', resource: 'attachment', action: 'download', target: 'roomCaucusA', allow: ROOM_USERS, ok: 200,
    call: (w) => ({ params: { attachmentId: w.attachmentA } }) },
  // naming the attachment under another room of the same case must not work either
  { op: 'GET /api/rooms/{id}/attachments/{attachmentId}', resource: 'attachment', action: 'download-via-other-room', target: 'roomJointA', allow: {}, ok: 200,
    call: (w) => ({ params: { attachmentId: w.attachmentA } }) },

  // —— deadlines and the holiday calendar ——
  { op: 'GET /api/deadlines/regimes', resource: 'deadlines', action: 'list-regimes', target: null, allow: every(ANY, STAFF), ok: 200 },
  { op: 'POST /api/deadlines/compute', resource: 'deadlines', action: 'compute', target: null, allow: every(ANY, STAFF), ok: 200,
    call: () => ({ body: { regime: 'peoples_mediation', start: '2026-02-13T02:00:00.000Z' } }) },
  { op: 'GET /api/deadlines/calendar', resource: 'calendar', action: 'read', target: null, allow: ADMINS, ok: 200 },
  { op: 'PUT /api/deadlines/calendar/years/{year}', resource: 'calendar', action: 'replace-year', target: null, allow: DISTRICT, ok: 200,
    call: () => ({ params: { year: '2031' }, body: { holidays: ['2031-01-01'], makeupWorkdays: [], source: '测试通知' } }) },
  { op: 'GET /api/deadlines/calendar/coverage', resource: 'calendar', action: 'coverage', target: null, allow: ADMINS, ok: 200 },

  // —— notifications and the SMS outbox ——
  { op: 'GET /api/notifications', resource: 'notification', action: 'list-own', target: null, allow: every(ANY), ok: 200 },
  { op: 'POST /api/notifications/read-all', resource: 'notification', action: 'mark-all-read', target: null, allow: every(ANY), ok: 200 },
  { op: 'POST /api/notifications/{id}/read', resource: 'notification', action: 'mark-read', target: 'notificationA', allow: { party: OWN }, ok: 200 },
  { op: 'GET /api/admin/outbox/dead', resource: 'outbox', action: 'list-dead', target: null, allow: DISTRICT, ok: 200 },
  { op: 'POST /api/admin/outbox/{id}/retry', resource: 'outbox', action: 'retry', target: null, allow: DISTRICT, ok: 200, call: (w) => ({ params: { id: w.deadLetter } }) },

  // —— bulk intake (imports, duplicates) and signed webhooks ——
  { op: 'POST /api/intake/imports', resource: 'import', action: 'upload', target: null, allow: DISTRICT, ok: 200,
    call: (w) => ({ upload: { field: 'file', name: 'grid_reports.csv', type: 'text/csv', data: w.importCsv } }) },
  { op: 'GET /api/intake/imports', resource: 'import', action: 'list', target: null, allow: DISTRICT, ok: 200 },
  { op: 'GET /api/intake/imports/{id}', resource: 'import', action: 'read', target: null, allow: DISTRICT, ok: 200, call: (w) => ({ params: { id: w.importRun } }) },
  { op: 'GET /api/intake/imports/{id}/errors.csv', resource: 'import', action: 'export-errors-csv', target: null, allow: DISTRICT, ok: 200, call: (w) => ({ params: { id: w.importRun } }) },
  { op: 'GET /api/intake/duplicates', resource: 'import', action: 'list-duplicates', target: null, allow: DISTRICT, ok: 200, call: () => ({ query: '?status=all' }) },
  // no duplicate pair exists in the world: the district admin gets past the role check to NOT_FOUND, everyone else 403
  { op: 'POST /api/intake/duplicates/{id}/decision', resource: 'import', action: 'decide-duplicate', target: null, allow: DISTRICT, ok: [404, 'NOT_FOUND'],
    call: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' }, body: { decision: 'dismiss' } }) },
  { op: 'POST /api/webhooks/{source}', resource: 'webhook', action: 'deliver-signed', target: null, public: true, allow: every(ANY), ok: 202,
    call: (w) => ({ ...w.signedWebhook(), params: { source: '12345' } }) },

  // —— statistics and the annual report (exports) ——
  ...(['GET /api/stats/summary', 'GET /api/stats/series'] as const).flatMap((op): AuthzRow[] => [
    { op, resource: 'stats', action: 'read', target: null, allow: ADMINS, ok: 200, call: () => ({ query: statsQuery }) },
    // a body admin may ask for their own body only
    ...perTarget(['orgA', 'orgB'], (t): Omit<AuthzRow, 'target'> => ({
      op, resource: 'stats', action: 'read-body', allow: { district_admin: ANY, body_admin: ORG }, ok: 200, call: (w) => ({ query: `${statsQuery}&bodyId=${t === 'orgA' ? w.orgs.A : w.orgs.B}` }),
    })),
  ]),
  { op: 'GET /api/stats/warnings', resource: 'stats', action: 'warnings', target: null, allow: ADMINS, ok: 200 },
  { op: 'GET /api/stats/reports/{year}', resource: 'annual-report', action: 'read', target: null, allow: DISTRICT, ok: 200, call: () => ({ params: { year: '2026' } }) },
  { op: 'GET /api/stats/reports/{year}/report.xlsx', resource: 'annual-report', action: 'export-xlsx', target: null, allow: DISTRICT, ok: 200, call: () => ({ params: { year: '2026' } }) },
  { op: 'GET /api/stats/reports/{year}/report.pdf', resource: 'annual-report', action: 'export-pdf', target: null, allow: DISTRICT, ok: 200, call: () => ({ params: { year: '2026' } }) },
  { op: 'GET /api/stats/reports/{year}/tables/{table}.csv', resource: 'annual-report', action: 'export-csv', target: null, allow: DISTRICT, ok: 200,
    call: () => ({ params: { year: '2026', table: 'summary' } }) },

  // —— socket events ——
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'SOCKET room:join', resource: 'room', action: 'join', allow: roomRule(t), ok: 'ack-ok' as const })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'SOCKET message:send', resource: 'room', action: 'send', allow: roomRule(t), ok: 'ack-ok' as const })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'SOCKET message:read', resource: 'room', action: 'mark-read', allow: roomRule(t), ok: 'ack-ok' as const })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'SOCKET typing', resource: 'room', action: 'typing', allow: roomRule(t), ok: 'ack-ok' as const })),
  ...perTarget(ALL_ROOMS, (t) => ({ op: 'SOCKET presence:list', resource: 'room', action: 'presence', allow: roomRule(t), ok: 'ack-ok' as const })),
  // leaving a room one is not in is harmless and reveals nothing
  ...perTarget(['roomJointA'], () => ({ op: 'SOCKET room:leave', resource: 'room', action: 'leave', allow: every(ANY), ok: 'ack-ok' as const })),
  ...perTarget(CASE_TARGETS, () => ({ op: 'SOCKET case:watch', resource: 'case', action: 'watch', allow: CASE_READERS, ok: 'ack-ok' as const })),
];

/**
 * Text only some principals may ever see in an answer (markers planted in the world's descriptions and
 * messages, case ids, full ID and phone numbers). `seenBy`: who may see it in any answer, taken from the row
 * that reads the thing itself or listed; `alsoVia`: further principals who may see it, but only in the answers
 * of these operations (unmasked personal data is for the audited personal-data read only).
 */
export interface Secret {
  name: string;
  value: (w: World) => string;
  seenBy: { op: string; target: Target | null } | { principals: readonly Principal[] };
  alsoVia?: { ops: readonly string[]; principals: readonly Principal[] };
}
const PERSONAL_DATA_READ = { ops: ['GET /api/cases/{id}/parties/{partyId}/personal-data'], principals: ['medA', 'medA2', 'adminA', 'district'] as Principal[] };

export const SECRETS: readonly Secret[] = [
  ...(['A', 'B', 'C', 'G', 'H'] as const).map((c): Secret => ({ name: `case ${c} description`, value: (w) => w.markers[c], seenBy: { op: 'GET /api/cases/{id}', target: `case${c}` as Target } })),
  ...(['A', 'B', 'C', 'G', 'H'] as const).map((c): Secret => ({ name: `case ${c} id`, value: (w) => w.cases[c], seenBy: { op: 'GET /api/cases/{id}', target: `case${c}` as Target } })),
  { name: 'party A caucus message', value: (w) => w.markers.caucusA, seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomCaucusA' } },
  { name: 'respondent A caucus message', value: (w) => w.markers.caucusRespA, seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomCaucusRespA' } },
  { name: 'case A staff-room message', value: (w) => w.markers.staffA, seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomStaffA' } },
  { name: 'linkage room message', value: (w) => w.markers.linkage, seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomLinkage' } },
  { name: 'applicant A full ID number', value: () => '320612199001011232', seenBy: { principals: ['partyA'] }, alsoVia: PERSONAL_DATA_READ },
  { name: 'applicant A full phone', value: (w) => w.phones.partyA, seenBy: { principals: ['partyA'] }, alsoVia: PERSONAL_DATA_READ },
  { name: 'respondent A full phone', value: (w) => w.phones.respA, seenBy: { principals: ['respA'] } },
  { name: 'applicant B full phone', value: (w) => w.phones.partyB, seenBy: { principals: ['partyB'] } },
  { name: 'respondent B full phone', value: (w) => w.phones.respB, seenBy: { principals: [] } },
  // a mediator account of body B: its own body's staff, the district, and the linkage room it is invited to for a while
  { name: 'body B staff account', value: (w) => w.staffMemberBUsername, seenBy: { principals: ['adminB', 'medB', 'district', 'judge', 'official'] } },
];
