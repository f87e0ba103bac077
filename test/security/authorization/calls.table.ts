import { ANY, AuthzRow, CALL_USERS, CASE_READERS, ORG, OWN, OWN_ORG, every, perTarget } from './shared';

/** Audio/video call rows of the authorisation table: ICE servers, invitations, records, recordings, signalling. */
export const CALL_ROWS: readonly AuthzRow[] = [
  {
    op: 'GET /api/rtc/ice-servers',
    resource: 'call',
    action: 'ice-servers',
    target: null,
    allow: every(OWN),
    ok: 200,
  },
  // the assigned mediator invites; the invitation is removed again so the judge stays outside the call rows below
  {
    op: 'POST /api/cases/{id}/sessions/{sessionId}/call-invitations',
    resource: 'call',
    action: 'invite',
    target: 'caseB',
    allow: { mediator: OWN },
    ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionB }, body: { userId: w.me.judge.id } }),
    cleanup: async (w) => {
      await w.t.db
        .raw(w.t.db.db)
        .query(`delete from session_call_events where session_id = $1 and kind = 'invite'`, [w.sessionB]);
    },
  },
  {
    op: 'GET /api/cases/{id}/sessions/{sessionId}/call-invitations',
    resource: 'call',
    action: 'list-invitations',
    target: 'caseB',
    allow: CASE_READERS,
    ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionB } }),
  },
  {
    op: 'GET /api/cases/{id}/sessions/{sessionId}/call-invitees',
    resource: 'call',
    action: 'list-invitees',
    target: 'caseB',
    allow: { mediator: OWN },
    ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionB } }),
  },
  {
    op: 'GET /api/cases/{id}/sessions/{sessionId}/call-record',
    resource: 'call',
    action: 'read-record',
    target: 'caseB',
    allow: CASE_READERS,
    ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionB } }),
  },
  {
    op: 'GET /api/cases/{id}/sessions/{sessionId}/call-record.pdf',
    resource: 'call',
    action: 'export-record',
    target: 'caseB',
    allow: CASE_READERS,
    ok: 200,
    call: (w) => ({ params: { sessionId: w.sessionB } }),
  },
  // the case file is the staff's: the handling body, the district and the referring court, not parties or registrars
  {
    op: 'GET /api/cases/{id}/case-file.pdf',
    resource: 'case-file',
    action: 'export-pdf',
    target: 'caseB',
    allow: {
      mediator: OWN_ORG,
      body_admin: ORG,
      judge: OWN_ORG,
      court_clerk: OWN_ORG,
      official: OWN_ORG,
      district_admin: ANY,
    },
    ok: 200,
  },
  // the world holds no recording: allowed readers get past the case check to 404 NOT_FOUND (the recording);
  // test/calls/call-signalling.e2e-spec.ts downloads a real one as a party and is refused as an outsider and a guest
  {
    op: 'GET /api/cases/{id}/sessions/{sessionId}/recordings/{recordingId}',
    resource: 'call',
    action: 'download-recording',
    target: 'caseB',
    allow: CASE_READERS,
    ok: [404, 'NOT_FOUND'],
    call: (w) => ({ params: { sessionId: w.sessionB, recordingId: w.sessionA } }),
  },

  // —— socket events (the payload names the session; see authorization.e2e-spec.ts) ——
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:join',
    resource: 'call',
    action: 'join',
    allow: CALL_USERS,
    ok: 'ack-ok' as const,
  })),
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:signal',
    resource: 'call',
    action: 'signal',
    allow: CALL_USERS,
    ok: 'ack-ok' as const,
  })),
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:mode',
    resource: 'call',
    action: 'switch-mode',
    allow: { mediator: OWN },
    ok: 'ack-ok' as const,
  })),
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:recording-consent',
    resource: 'call',
    action: 'recording-consent',
    allow: CALL_USERS,
    ok: 'ack-ok' as const,
  })),
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:recording-chunk',
    resource: 'call',
    action: 'upload-recording',
    allow: { mediator: OWN },
    ok: 'ack-ok' as const,
  })),
  // leaving a call one is not in is harmless and reveals nothing
  ...perTarget(['callB'], () => ({
    op: 'SOCKET call:leave',
    resource: 'call',
    action: 'leave',
    allow: every(ANY),
    ok: 'ack-ok' as const,
  })),
];
