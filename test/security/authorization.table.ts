import { CALL_ROWS } from './authorization/calls.table';
import { CASE_ROWS } from './authorization/cases.table';
import { OPERATIONS_ROWS } from './authorization/operations.table';
import { ROOM_ROWS } from './authorization/rooms.table';
import { ROUTING_REGISTRY_ROWS } from './authorization/routing-registry.table';
import { AuthzRow } from './authorization/shared';
import { SOCKET_ROWS } from './authorization/sockets.table';
import { SYSTEM_ACCOUNT_ROWS } from './authorization/system-accounts.table';

/**
 * THE authorisation table: role × resource × action × relation → allow, for every HTTP operation of
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
 *
 * The rows live by endpoint family under ./authorization/ (*.table.ts); this file assembles them in a fixed
 * order and re-exports the table's types, RELATIONS, targetId and SECRETS.
 */

export { ROLES } from './authorization/shared';
export type { AuthzRow, Call, Relation, Role, Rule, Target } from './authorization/shared';
export { RELATIONS, targetId } from './authorization/targets';
export { SECRETS } from './authorization/secrets.table';
export type { Secret } from './authorization/secrets.table';

export const AUTHZ_TABLE: readonly AuthzRow[] = [
  ...SYSTEM_ACCOUNT_ROWS,
  ...CASE_ROWS,
  ...ROUTING_REGISTRY_ROWS,
  ...ROOM_ROWS,
  ...OPERATIONS_ROWS,
  ...SOCKET_ROWS,
  ...CALL_ROWS,
];
