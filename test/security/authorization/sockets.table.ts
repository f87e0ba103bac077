import { ALL_ROOMS, ANY, AuthzRow, CASE_READERS, CASE_TARGETS, every, perTarget, roomRule } from './shared';

/** Client socket event rows of the authorisation table. */
export const SOCKET_ROWS: readonly AuthzRow[] = [
  // —— socket events ——
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'SOCKET room:join',
    resource: 'room',
    action: 'join',
    allow: roomRule(t),
    ok: 'ack-ok' as const,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'SOCKET message:send',
    resource: 'room',
    action: 'send',
    allow: roomRule(t),
    ok: 'ack-ok' as const,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'SOCKET message:read',
    resource: 'room',
    action: 'mark-read',
    allow: roomRule(t),
    ok: 'ack-ok' as const,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'SOCKET typing',
    resource: 'room',
    action: 'typing',
    allow: roomRule(t),
    ok: 'ack-ok' as const,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'SOCKET presence:list',
    resource: 'room',
    action: 'presence',
    allow: roomRule(t),
    ok: 'ack-ok' as const,
  })),
  // leaving a room one is not in is harmless and reveals nothing
  ...perTarget(['roomJointA'], () => ({
    op: 'SOCKET room:leave',
    resource: 'room',
    action: 'leave',
    allow: every(ANY),
    ok: 'ack-ok' as const,
  })),
  ...perTarget(CASE_TARGETS, () => ({
    op: 'SOCKET case:watch',
    resource: 'case',
    action: 'watch',
    allow: CASE_READERS,
    ok: 'ack-ok' as const,
  })),
];
