import { ROLE_OF, freshPhone } from '../support/world';
import {
  ANY, AuthzRow, CASE_MEDIATOR, CASE_READERS, CASE_TARGETS, CONFLICT, DISTRICT, HANDLING_STAFF, ILLEGAL, ORG, OWN, OWN_ORG, STAFF, STALE,
  every, perTarget, unique, versionProbe,
} from './shared';

const application = () => ({
  category: 'neighbour', description: '楼上漏水导致天花板受损，协商未果。', streetCode: 'JS', applicant: { name: '申请人' }, respondents: [{ name: '被申请人', phone: freshPhone('1391') }],
});
const REGISTER_CHANNEL: Partial<Record<string, string>> = { grid: 'grid', hotline: 'hotline_12345' };

/** Case rows of the authorisation table: intake, reading, commands, sessions, agreement, performance, follow-up. */
export const CASE_ROWS: readonly AuthzRow[] = [
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
];
