import { expectStatus } from '../../support/http-client';
import {
  ALL_ROOMS,
  ANY,
  AuthzRow,
  LINKAGE_MEMBERS,
  OWN,
  PNG_1PX,
  ROOM_USERS,
  every,
  perTarget,
  roomRule,
  unique,
} from './shared';

/** Room rows of the authorisation table: linkage rooms (府院联动), room history, read receipts, evidence. */
export const ROOM_ROWS: readonly AuthzRow[] = [
  // —— linkage rooms (府院联动) ——
  {
    op: 'POST /api/rooms/linkage',
    resource: 'linkage-room',
    action: 'create',
    target: null,
    allow: { district_admin: ANY, judge: ANY, court_clerk: ANY, official: ANY },
    ok: 201,
    call: () => ({ body: { title: '测试会商', topic: '测试议题' } }),
  },
  {
    op: 'GET /api/rooms/linkage/{id}',
    resource: 'linkage-room',
    action: 'read',
    target: 'roomLinkage',
    allow: LINKAGE_MEMBERS,
    ok: 200,
  },
  {
    op: 'GET /api/rooms/{id}/members',
    resource: 'linkage-room',
    action: 'list-members',
    target: 'roomLinkage',
    allow: LINKAGE_MEMBERS,
    ok: 200,
  },
  {
    op: 'POST /api/rooms/{id}/members',
    resource: 'linkage-room',
    action: 'invite',
    target: 'roomLinkage',
    allow: { judge: OWN },
    ok: 200,
    call: (w) => ({ body: { userIds: [w.staffMemberA] } }),
  },
  {
    op: 'DELETE /api/rooms/{id}/members/{userId}',
    resource: 'linkage-room',
    action: 'remove-member',
    target: 'roomLinkage',
    allow: { judge: OWN },
    ok: 200,
    call: async (w) => {
      expectStatus(
        await w.clients.judge.post(`/rooms/${w.rooms.linkage}/members`, { userIds: [w.staffMemberB] }),
        200,
      );
      return { params: { userId: w.staffMemberB }, query: '?reason=test' };
    },
    cleanup: async (w) => {
      expectStatus(
        await w.clients.judge.request('DELETE', `/rooms/${w.rooms.linkage}/members/${w.staffMemberB}`),
        200,
      );
    },
  },
  {
    op: 'DELETE /api/rooms/{id}/orgs/{orgId}',
    resource: 'linkage-room',
    action: 'remove-organisation',
    target: 'roomLinkage',
    allow: { judge: OWN },
    ok: 200,
    call: async (w) => {
      expectStatus(
        await w.clients.judge.post(`/rooms/${w.rooms.linkage}/members`, { orgIds: [w.orgs.B] }),
        200,
      );
      return { params: { orgId: w.orgs.B } };
    },
    cleanup: async (w) => {
      expectStatus(
        await w.clients.judge.request('DELETE', `/rooms/${w.rooms.linkage}/orgs/${w.orgs.B}`),
        200,
      );
    },
  },
  {
    op: 'POST /api/rooms/{id}/minutes',
    resource: 'linkage-room',
    action: 'record-minutes',
    target: 'roomLinkage',
    allow: { judge: OWN },
    ok: 201,
    call: () => ({ body: { clientMsgId: unique('min-'), body: '会商纪要（测试）' } }),
  },
  {
    op: 'GET /api/rooms/{id}/minutes',
    resource: 'linkage-room',
    action: 'read-minutes',
    target: 'roomLinkage',
    allow: LINKAGE_MEMBERS,
    ok: 200,
  },
  ...(['md', 'csv', 'pdf'] as const).map((format): AuthzRow => ({
    op: 'GET /api/rooms/{id}/minutes/export',
    resource: 'linkage-room',
    action: `export-minutes-${format}`,
    target: 'roomLinkage',
    allow: LINKAGE_MEMBERS,
    ok: 200,
    call: () => ({ query: `?format=${format}` }),
  })),

  // —— rooms: history, read receipts, evidence ——
  {
    op: 'GET /api/rooms/mine',
    resource: 'room',
    action: 'list-own',
    target: null,
    allow: every(ANY),
    ok: 200,
  },
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'GET /api/rooms/{id}/messages',
    resource: 'room',
    action: 'history',
    allow: roomRule(t),
    ok: 200,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'GET /api/rooms/{id}/messages',
    resource: 'room',
    action: 'history-missed',
    allow: roomRule(t),
    ok: 200,
    call: () => ({ query: '?afterSeq=0' }),
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'GET /api/rooms/{id}/reads',
    resource: 'room',
    action: 'read-receipts',
    allow: roomRule(t),
    ok: 200,
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'POST /api/rooms/{id}/reads',
    resource: 'room',
    action: 'mark-read',
    allow: roomRule(t),
    ok: 200,
    call: () => ({ body: { seq: 1 } }),
  })),
  ...perTarget(ALL_ROOMS, (t) => ({
    op: 'POST /api/rooms/{id}/attachments',
    resource: 'attachment',
    action: 'upload',
    allow: roomRule(t),
    ok: 201,
    call: () => ({
      upload: {
        field: 'file',
        name: 'evidence.png',
        type: 'image/png',
        data: PNG_1PX,
        fields: { clientMsgId: unique('up-') },
      },
    }),
  })),
  {
    op: 'GET /api/rooms/{id}/attachments/{attachmentId}',
    resource: 'attachment',
    action: 'download',
    target: 'roomCaucusA',
    allow: ROOM_USERS,
    ok: 200,
    call: (w) => ({ params: { attachmentId: w.attachmentA } }),
  },
  // naming the attachment under another room of the same case must not work either
  {
    op: 'GET /api/rooms/{id}/attachments/{attachmentId}',
    resource: 'attachment',
    action: 'download-via-other-room',
    target: 'roomJointA',
    allow: {},
    ok: 200,
    call: (w) => ({ params: { attachmentId: w.attachmentA } }),
  },
];
