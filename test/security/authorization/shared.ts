import { Principal, World } from '../support/world';

/** Types and helpers shared by the authorisation table's row files (see ../authorization.table.ts). */

export type Relation = 'own' | 'org' | 'other';
export type Role =
  | 'party'
  | 'mediator'
  | 'body_admin'
  | 'grid_worker'
  | 'hotline_operator'
  | 'court_clerk'
  | 'judge'
  | 'official'
  | 'district_admin';
export const ROLES: readonly Role[] = [
  'party',
  'mediator',
  'body_admin',
  'grid_worker',
  'hotline_operator',
  'court_clerk',
  'judge',
  'official',
  'district_admin',
];
export type Target =
  | 'caseA'
  | 'caseB'
  | 'caseC'
  | 'caseG'
  | 'caseH'
  | 'roomJointA'
  | 'roomCaucusA'
  | 'roomCaucusRespA'
  | 'roomStaffA'
  | 'roomLinkage'
  | 'callB'
  | 'notificationA'
  | 'staffMemberA'
  | 'mediatorA'
  | 'orgA'
  | 'orgB';

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

export const ANY: readonly Relation[] = ['own', 'org', 'other'];
export const OWN: readonly Relation[] = ['own'];
export const ORG: readonly Relation[] = ['org'];
export const OWN_ORG: readonly Relation[] = ['own', 'org'];
export const every = (rel: readonly Relation[], roles: readonly Role[] = ROLES): Rule =>
  Object.fromEntries(roles.map((r) => [r, rel]));
export const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'party');
export const ADMINS: Rule = { district_admin: ANY, body_admin: ANY };
export const DISTRICT: Rule = { district_admin: ANY };
/** Who reads a case: its parties, whoever it was referred or registered by, the handling body, the district. */
export const CASE_READERS: Rule = {
  party: OWN,
  mediator: OWN_ORG,
  body_admin: ORG,
  judge: OWN_ORG,
  court_clerk: OWN_ORG,
  official: OWN_ORG,
  grid_worker: OWN,
  hotline_operator: OWN,
  district_admin: ANY,
};
/** staffOfBody in the lifecycle: every staff role of the handling body. */
export const HANDLING_STAFF: Rule = {
  mediator: OWN_ORG,
  body_admin: ORG,
  judge: OWN_ORG,
  court_clerk: OWN_ORG,
  official: OWN_ORG,
};
/** mediatorOfCase: the assigned mediator (or judge / official acting as one) and the body's admin. */
export const CASE_MEDIATOR: Rule = { mediator: OWN, judge: OWN, official: OWN, body_admin: ORG };
/** Case rooms: the room's parties, the assigned mediator, the body's admin, the district. */
export const ROOM_USERS: Rule = { party: OWN, mediator: OWN, body_admin: ORG, district_admin: ANY };
export const STAFF_ROOM_USERS: Rule = { mediator: OWN, body_admin: ORG, district_admin: ANY };
/** A call of an online session: its parties and the assigned mediator (invited staff are added per session). */
export const CALL_USERS: Rule = { party: OWN, mediator: OWN };
export const LINKAGE_MEMBERS: Rule = { judge: OWN, official: OWN, court_clerk: OWN, district_admin: OWN };

export const STALE = 999_999; // a valid version no case has: allowed callers get 409 VERSION_CONFLICT, nothing changes
export const versionProbe =
  (extra: Record<string, unknown> = {}) =>
  () => ({ body: { version: STALE, ...extra } });
export const CONFLICT = [409, 'VERSION_CONFLICT'] as const;
export const ILLEGAL = [409, 'ILLEGAL_TRANSITION'] as const;
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// one counter for every row file, so generated names stay unique across the whole table
let seq = 0;
export const unique = (prefix: string) => `${prefix}${process.pid}x${++seq}`;

export const CASE_TARGETS: Target[] = ['caseA', 'caseB', 'caseC', 'caseG', 'caseH'];
const CASE_ROOMS: Target[] = ['roomJointA', 'roomCaucusA', 'roomCaucusRespA', 'roomStaffA'];
export const ALL_ROOMS: Target[] = [...CASE_ROOMS, 'roomLinkage'];
export const roomRule = (t: Target, linkage: Rule = LINKAGE_MEMBERS): Rule =>
  t === 'roomStaffA' ? STAFF_ROOM_USERS : t === 'roomLinkage' ? linkage : ROOM_USERS;

/** One row per target for the same operation. */
export const perTarget = (targets: Target[], row: (t: Target) => Omit<AuthzRow, 'target'>): AuthzRow[] =>
  targets.map((t) => ({ ...row(t), target: t }));
