import { Principal, World } from '../support/world';
import { Target } from './shared';

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
const PERSONAL_DATA_READ = {
  ops: ['GET /api/cases/{id}/parties/{partyId}/personal-data'],
  principals: ['medA', 'medA2', 'adminA', 'district'] as Principal[],
};

export const SECRETS: readonly Secret[] = [
  ...(['A', 'B', 'C', 'G', 'H'] as const).map((c): Secret => ({
    name: `case ${c} description`,
    value: (w) => w.markers[c],
    seenBy: { op: 'GET /api/cases/{id}', target: `case${c}` as Target },
  })),
  ...(['A', 'B', 'C', 'G', 'H'] as const).map((c): Secret => ({
    name: `case ${c} id`,
    value: (w) => w.cases[c],
    seenBy: { op: 'GET /api/cases/{id}', target: `case${c}` as Target },
  })),
  {
    name: 'party A caucus message',
    value: (w) => w.markers.caucusA,
    seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomCaucusA' },
  },
  {
    name: 'respondent A caucus message',
    value: (w) => w.markers.caucusRespA,
    seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomCaucusRespA' },
  },
  {
    name: 'case A staff-room message',
    value: (w) => w.markers.staffA,
    seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomStaffA' },
  },
  {
    name: 'linkage room message',
    value: (w) => w.markers.linkage,
    seenBy: { op: 'GET /api/rooms/{id}/messages', target: 'roomLinkage' },
  },
  {
    name: 'applicant A full ID number',
    value: () => '320612199001011232',
    seenBy: { principals: ['partyA'] },
    alsoVia: PERSONAL_DATA_READ,
  },
  {
    name: 'applicant A full phone',
    value: (w) => w.phones.partyA,
    seenBy: { principals: ['partyA'] },
    alsoVia: PERSONAL_DATA_READ,
  },
  { name: 'respondent A full phone', value: (w) => w.phones.respA, seenBy: { principals: ['respA'] } },
  { name: 'applicant B full phone', value: (w) => w.phones.partyB, seenBy: { principals: ['partyB'] } },
  { name: 'respondent B full phone', value: (w) => w.phones.respB, seenBy: { principals: [] } },
  // a mediator account of body B: its own body's staff, the district, and the linkage room it is invited to for a while
  {
    name: 'body B staff account',
    value: (w) => w.staffMemberBUsername,
    seenBy: { principals: ['adminB', 'medB', 'district', 'judge', 'official'] },
  },
];
