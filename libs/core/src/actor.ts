import { DomainError } from './domain.error';

/** Roles from the domain reference. `system` is the platform itself (router, worker, importer). */
export enum Role {
  Party = 'party',
  Mediator = 'mediator',
  BodyAdmin = 'body_admin',
  GridWorker = 'grid_worker',
  HotlineOperator = 'hotline_operator',
  CourtClerk = 'court_clerk',
  Judge = 'judge',
  Official = 'official',
  DistrictAdmin = 'district_admin',
  System = 'system',
}

export const STAFF_ROLES: readonly Role[] = [
  Role.Mediator,
  Role.BodyAdmin,
  Role.GridWorker,
  Role.HotlineOperator,
  Role.CourtClerk,
  Role.Judge,
  Role.Official,
  Role.DistrictAdmin,
];

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Party]: '当事人',
  [Role.Mediator]: '调解员',
  [Role.BodyAdmin]: '调解组织管理员',
  [Role.GridWorker]: '网格员',
  [Role.HotlineOperator]: '12345话务员',
  [Role.CourtClerk]: '法院立案庭',
  [Role.Judge]: '调解法官',
  [Role.Official]: '行政机关工作人员',
  [Role.DistrictAdmin]: '区综治管理员',
  [Role.System]: '系统',
};

/** A signed-in account (party or staff), carried from the access token into every service call. */
export interface UserActor {
  id: string;
  role: Role;
  orgId: string | null;
  name: string;
  ip?: string;
}

/** The platform itself (router, worker, importer, webhooks): no account behind it. */
export interface SystemActor {
  id: null;
  role: Role.System;
  orgId: null;
  name: string;
  ip?: string;
}

/** Who is acting. Operations only an account can perform take a `UserActor`. */
export type Actor = UserActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = { id: null, role: Role.System, orgId: null, name: '系统' };

/** The organisation of an actor whose role belongs to one (court or body staff); an account without one is refused. */
export function orgOf(actor: Actor): string {
  if (actor.orgId === null) throw DomainError.forbidden('该账号未隶属任何组织');
  return actor.orgId;
}
