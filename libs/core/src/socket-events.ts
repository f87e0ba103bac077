/**
 * The socket protocol, one typed map for the gateway, the domain publishers and the web app (which bundles this
 * file through a path alias, so it imports nothing). docs/asyncapi.yaml documents the same events: its test
 * (apps/api/src/gateway/asyncapi.spec.ts) compares the names and required fields with SOCKET_EVENT_FIELDS below.
 */
export interface ErrorPayload {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Every client event answers through its ack; sent without an ack, a refusal arrives as an `error` event instead. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export type SessionMode = 'joint' | 'caucus';

export interface AttachmentPayload {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** A stored room message (text, system, attachment, minutes): the body is plain text, never HTML. */
export interface MessagePayload {
  id: string;
  roomId: string;
  seq: number;
  kind: string;
  senderId: string | null;
  senderName: string;
  senderRole: string;
  clientMsgId: string | null;
  body: string;
  createdAt: string;
  attachment: AttachmentPayload | null;
}

export interface RoomRefView {
  id: string;
  kind: string;
  title: string;
  disputeId: string | null;
}

export interface ReadReceiptView {
  userId: string;
  name: string;
  lastReadSeq: number;
  at: string;
}

export interface PresenceUser {
  userId: string;
  name: string;
  role: string;
}

export interface JoinResult {
  room: RoomRefView;
  /** joint | caucus for case rooms (parties see which session they are in); null for linkage rooms. */
  sessionMode: SessionMode | null;
  /** Every message after the requested lastSeq, oldest first, at most 1000. */
  messages: MessagePayload[];
  /** More than 1000 were missed: join again with the last seq received. */
  hasMore: boolean;
  reads: ReadReceiptView[];
  /** The room's latest seq when the join was answered: a client holding less asks again from its last seq. */
  head: number;
}

export interface RoomJoinRequest {
  roomId: string;
  lastSeq?: number;
}
export interface RoomRequest {
  roomId: string;
}
export interface MessageSendRequest {
  roomId: string;
  clientMsgId: string;
  body: string;
}
export interface MessageReadRequest {
  roomId: string;
  seq: number;
}
export interface TypingRequest {
  roomId: string;
  typing: boolean;
}
export interface CaseWatchRequest {
  disputeId: string;
}

export interface MessageReadEvent extends ReadReceiptView {
  roomId: string;
}
export interface TypingEvent {
  roomId: string;
  userId: string;
  name: string;
  typing: boolean;
}
export interface PresenceChangedEvent {
  roomId: string;
  userId: string;
  name?: string;
  role?: string;
  online: boolean;
}
/**
 * 'room:head': the latest seq of a joined room, sent periodically when it changed and at once when another api
 * instance disappears (its last broadcasts may be lost): a client holding less joins again from its last seq.
 */
export interface RoomHeadEvent {
  roomId: string;
  seq: number;
}
export interface RoomInvitedEvent {
  roomId: string;
  kind: string;
  title: string;
  role: string;
}
export interface RoomRemovedEvent {
  roomId: string;
  reason: 'removed' | 'case_changed';
  message: string;
}
/** 'case:changed': a case the user lists changed; a refetch hint with no personal data. */
export interface CaseChangedEvent {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  action: string;
}
/** 'case:updated' on `case:<id>`: a watched case changed status, mode or assignment. */
export interface CaseUpdatedEvent extends CaseChangedEvent {
  sessionMode: SessionMode;
}
export interface QueueUpdatedEvent {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  action: string;
}
/** An inbox entry, as GET /api/notifications lists it. */
export interface NotificationEvent {
  id: string;
  kind: string;
  title: string;
  body: string;
  disputeId: string | null;
  /** a call invitation's session: the entry opens the call */
  sessionId: string | null;
  read: boolean;
  createdAt: string;
}
/** An upload's progress, sent to the uploader's sockets. */
export interface ImportProgressEvent {
  runId: string;
  file: string;
  format: string | null;
  status: 'running' | 'completed' | 'failed';
  rows: number;
  total: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
export interface SocketErrorEvent extends ErrorPayload {
  /** The client event that was refused. */
  event?: string;
}

/** Who a call participant is: the assigned mediator, a party, a party's agent, or staff the mediator invited. */
export type CallRole = 'mediator' | 'party' | 'agent' | 'invited';

export interface CallPeer {
  /** One per joined socket; a rejoin gets a new one. Ids sort in join order. */
  peerId: string;
  userId: string;
  name: string;
  role: CallRole;
  /** Chinese label for the page (调解员, 申请人, 被申请人, 代理人, 调解法官 …). */
  label: string;
  /** The party a party or agent stands for (the value `with` names in caucus). */
  partyId?: string;
}

export type CallRecordingState = 'off' | 'waiting' | 'on';

export interface CallRecordingEvent {
  sessionId: string;
  /** off: nobody consented; waiting: some have; on: every participant has and the mediator's page records. */
  state: CallRecordingState;
  /** userIds of the current participants who consented. */
  consented: string[];
  /** While on: the id the mediator's chunks carry. */
  recordingId?: string;
}

export interface CallJoinResult {
  selfPeerId: string;
  /** The caller as the others see it (its peerId, name, role and label, the party it stands for). */
  self: CallPeer;
  /** Everyone else in the call; connect only to peers in your own group (see `groups`). */
  peers: CallPeer[];
  mode: SessionMode;
  /** In caucus: the partyId of the party with the mediator. */
  with?: string;
  /** peerIds by call group: one group in joint mode, two in caucus. */
  groups: string[][];
  recording: CallRecordingEvent;
}

export interface CallRequest {
  sessionId: string;
}
export interface CallSignalRequest {
  sessionId: string;
  /** The peerId to relay to; it must be in the sender's current group. */
  to: string;
  description?: { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string };
  candidate?: Record<string, unknown> | null;
}
export interface CallModeRequest {
  sessionId: string;
  mode: SessionMode;
  /** For caucus: the partyId of the party the mediator meets alone. */
  with?: string;
}
export interface CallRecordingConsentRequest {
  sessionId: string;
  consent: boolean;
}
export interface CallRecordingChunkRequest {
  sessionId: string;
  recordingId: string;
  /** 0, 1, 2 … in recording order; a resent seq already stored is acknowledged again, not appended. */
  seq: number;
  /** The MediaRecorder blob's bytes (socket.io binary attachment), ≤ 1 MB. */
  data: ArrayBuffer | Uint8Array;
  /** The recorder stopped: this is the last chunk, the file is finalised. */
  last?: boolean;
}

export interface CallSignalEvent {
  sessionId: string;
  from: string;
  description?: CallSignalRequest['description'];
  candidate?: CallSignalRequest['candidate'];
}
export interface CallPeerJoinedEvent {
  sessionId: string;
  peer: CallPeer;
  /** The groups with the newcomer: connect to it only when it shares your group. */
  groups: string[][];
}
export interface CallPeerLeftEvent {
  sessionId: string;
  peerId: string;
  groups: string[][];
}
export interface CallModeEvent {
  sessionId: string;
  mode: SessionMode;
  with?: string;
  groups: string[][];
}
export interface CallClosePeerEvent {
  sessionId: string;
  peerId: string;
}
export interface CallRecordingChunkResult {
  seq: number;
  /** Bytes stored so far for this recording. */
  bytes: number;
  duplicate: boolean;
  /** Set once the file is finalised (after the last chunk). */
  file?: { id: string; sha256: string; size: number };
}

type AckFn<T> = (res: Ack<T>) => void;

export interface ClientToServerEvents {
  'room:join': (req: RoomJoinRequest, ack: AckFn<JoinResult>) => void;
  'room:leave': (req: RoomRequest, ack: AckFn<{ left: true }>) => void;
  'message:send': (
    req: MessageSendRequest,
    ack: AckFn<{ message: MessagePayload; duplicate: boolean }>,
  ) => void;
  'message:read': (req: MessageReadRequest, ack: AckFn<{ seq: number; advanced: boolean }>) => void;
  typing: (req: TypingRequest, ack: AckFn<{ sent: true }>) => void;
  'presence:list': (
    req: RoomRequest,
    ack: AckFn<{ roomId: string; users: PresenceUser[]; partial: boolean }>,
  ) => void;
  'case:watch': (req: CaseWatchRequest, ack: AckFn<{ watching: true }>) => void;
  'call:join': (req: CallRequest, ack: AckFn<CallJoinResult>) => void;
  'call:signal': (req: CallSignalRequest, ack: AckFn<{ relayed: true }>) => void;
  'call:mode': (req: CallModeRequest, ack: AckFn<Omit<CallModeEvent, 'sessionId'>>) => void;
  'call:leave': (req: CallRequest, ack: AckFn<{ left: true }>) => void;
  'call:recording-consent': (req: CallRecordingConsentRequest, ack: AckFn<CallRecordingEvent>) => void;
  'call:recording-chunk': (req: CallRecordingChunkRequest, ack: AckFn<CallRecordingChunkResult>) => void;
}

export interface ServerToClientEvents {
  'message:new': (m: MessagePayload) => void;
  'message:read': (r: MessageReadEvent) => void;
  typing: (t: TypingEvent) => void;
  'presence:changed': (p: PresenceChangedEvent) => void;
  'room:head': (h: RoomHeadEvent) => void;
  'room:invited': (r: RoomInvitedEvent) => void;
  'room:removed': (r: RoomRemovedEvent) => void;
  'case:updated': (c: CaseUpdatedEvent) => void;
  /** A case changed (created, routed, transitioned, transferred, signed, a session): refetch what shows it. */
  'case:changed': (c: CaseChangedEvent) => void;
  'queue:updated': (c: QueueUpdatedEvent) => void;
  'notification:new': (n: NotificationEvent) => void;
  'import:progress': (p: ImportProgressEvent) => void;
  'call:signal': (s: CallSignalEvent) => void;
  'call:peer-joined': (p: CallPeerJoinedEvent) => void;
  'call:peer-left': (p: CallPeerLeftEvent) => void;
  'call:mode': (m: CallModeEvent) => void;
  /** Close the connection to this peer now: the call groups separated. */
  'call:close-peer': (c: CallClosePeerEvent) => void;
  'call:recording': (r: CallRecordingEvent) => void;
  error: (e: SocketErrorEvent) => void;
}

export type ServerEvent = keyof ServerToClientEvents;
export type ClientEvent = keyof ClientToServerEvents;
export type ServerPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
export type ClientPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];

/** The socket.io rooms events are addressed to; the domain names a channel, the gateway delivers to it. */
export const channels = {
  user: (userId: string) => `user:${userId}` as const,
  org: (orgId: string) => `org:${orgId}` as const,
  case: (disputeId: string) => `case:${disputeId}` as const,
  room: (roomId: string) => `room:${roomId}` as const,
  /** Every socket in an online session's call (each call group is addressed peer by peer). */
  call: (sessionId: string) => `call:${sessionId}` as const,
  /** Every district admin's sockets. */
  district: 'district' as const,
};
export type Channel =
  ReturnType<(typeof channels)[Exclude<keyof typeof channels, 'district'>]> | typeof channels.district;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Every event name with its payload's required fields, at run time (the AsyncAPI test compares them with the
 * document). The checks below fail `tsc` when a name or a required field differs from the typed maps.
 */
export const SOCKET_EVENT_FIELDS = {
  client: {
    'room:join': ['roomId'],
    'room:leave': ['roomId'],
    'message:send': ['roomId', 'clientMsgId', 'body'],
    'message:read': ['roomId', 'seq'],
    typing: ['roomId', 'typing'],
    'presence:list': ['roomId'],
    'case:watch': ['disputeId'],
    'call:join': ['sessionId'],
    'call:signal': ['sessionId', 'to'],
    'call:mode': ['sessionId', 'mode'],
    'call:leave': ['sessionId'],
    'call:recording-consent': ['sessionId', 'consent'],
    'call:recording-chunk': ['sessionId', 'recordingId', 'seq', 'data'],
  },
  server: {
    'message:new': [
      'id',
      'roomId',
      'seq',
      'kind',
      'senderId',
      'senderName',
      'senderRole',
      'clientMsgId',
      'body',
      'createdAt',
      'attachment',
    ],
    'message:read': ['roomId', 'userId', 'name', 'lastReadSeq', 'at'],
    typing: ['roomId', 'userId', 'name', 'typing'],
    'presence:changed': ['roomId', 'userId', 'online'],
    'room:head': ['roomId', 'seq'],
    'room:invited': ['roomId', 'kind', 'title', 'role'],
    'room:removed': ['roomId', 'reason', 'message'],
    'case:updated': ['id', 'number', 'status', 'statusLabel', 'version', 'action', 'sessionMode'],
    'case:changed': ['id', 'number', 'status', 'statusLabel', 'version', 'action'],
    'queue:updated': ['id', 'number', 'status', 'statusLabel', 'version', 'action'],
    'notification:new': ['id', 'kind', 'title', 'body', 'disputeId', 'sessionId', 'read', 'createdAt'],
    'import:progress': [
      'runId',
      'file',
      'format',
      'status',
      'rows',
      'total',
      'created',
      'updated',
      'unchanged',
      'rejected',
    ],
    'call:signal': ['sessionId', 'from'],
    'call:peer-joined': ['sessionId', 'peer', 'groups'],
    'call:peer-left': ['sessionId', 'peerId', 'groups'],
    'call:mode': ['sessionId', 'mode', 'groups'],
    'call:close-peer': ['sessionId', 'peerId'],
    'call:recording': ['sessionId', 'state', 'consented'],
    error: ['code', 'message'],
  },
} as const;

type Fields = typeof SOCKET_EVENT_FIELDS;
type AllTrue<T> = T[keyof T] extends true ? true : false;
export const SOCKET_EVENT_FIELDS_IN_SYNC: [
  Exactly<keyof Fields['client'], ClientEvent>,
  Exactly<keyof Fields['server'], ServerEvent>,
  AllTrue<{ [E in ClientEvent]: Exactly<Fields['client'][E][number], RequiredKeys<ClientPayload<E>>> }>,
  AllTrue<{ [E in ServerEvent]: Exactly<Fields['server'][E][number], RequiredKeys<ServerPayload<E>>> }>,
] = [true, true, true, true];

/** The required fields of the `call:join` ack's data (the AsyncAPI test compares them with `CallJoinResult`). */
export const CALL_JOIN_RESULT_FIELDS = [
  'selfPeerId',
  'self',
  'peers',
  'mode',
  'groups',
  'recording',
] as const;
export const CALL_JOIN_RESULT_FIELDS_IN_SYNC: Exactly<
  (typeof CALL_JOIN_RESULT_FIELDS)[number],
  RequiredKeys<CallJoinResult>
> = true;

export const CLIENT_EVENTS = Object.keys(SOCKET_EVENT_FIELDS.client) as ClientEvent[];
export const SERVER_EVENTS = Object.keys(SOCKET_EVENT_FIELDS.server) as ServerEvent[];
