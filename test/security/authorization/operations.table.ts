import { ADMINS, ANY, AuthzRow, DISTRICT, ORG, OWN, STAFF, every, perTarget } from './shared';

const statsQuery = '?from=2026-01-01&to=2027-01-01';

/** Deadlines and the calendar, notifications and the SMS outbox, bulk intake and webhooks, statistics and reports. */
export const OPERATIONS_ROWS: readonly AuthzRow[] = [
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
];
