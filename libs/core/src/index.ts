export { ErrorCode, ERROR_HTTP_STATUS } from './error-codes';
export { DomainError } from './domain.error';
export { Clock, SystemClock, FixedClock } from './clock';
export { hasLoneSurrogate, isStorableText } from './well-formed-text';
export { isUuid, UUID_RE } from './uuid';
export { formatDisputeNumber } from './dispute-number';
export { loadConfig, APP_CONFIG } from './app-config';
export { ConfigError, CONFIG_VARIABLES, readEnv } from './config.schema';
export type { ConfigEnv } from './config.schema';
export type { AppConfig, NodeEnv } from './app-config';
export { CoreModule } from './core.module';
export { RealtimePublisher, NoopRealtimePublisher } from './realtime.publisher';
export type { RealtimeEvent, RealtimeEventOf } from './realtime.publisher';
export {
  CALL_JOIN_RESULT_FIELDS,
  channels,
  CLIENT_EVENTS,
  SERVER_EVENTS,
  SOCKET_EVENT_FIELDS,
} from './socket-events';
export type * from './socket-events';
export { Role, STAFF_ROLES, ROLE_LABELS, SYSTEM_ACTOR, orgOf } from './actor';
export type { Actor, SystemActor, UserActor } from './actor';
