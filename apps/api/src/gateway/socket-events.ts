import type { MessageView } from '@tiaojie/rooms';

/**
 * The typed socket protocol. docs/asyncapi.yaml documents the same events (apps/api/src/gateway/asyncapi.spec.ts
 * keeps the document, these maps and the CLIENT_EVENTS / SERVER_EVENTS arrays in sync).
 */
export interface ErrorPayload {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Every client event answers through its ack; sent without an ack, a refusal arrives as an `error` event instead. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

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
  sessionMode: string | null;
  /** Every message after the requested lastSeq, oldest first, at most 1000. */
  messages: MessageView[];
  /** More than 1000 were missed: join again with the last seq received. */
  hasMore: boolean;
  reads: ReadReceiptView[];
}

export interface ClientToServerEvents {
  'room:join': (req: { roomId: string; lastSeq?: number }, ack: (res: Ack<JoinResult>) => void) => void;
  'room:leave': (req: { roomId: string }, ack: (res: Ack<{ left: true }>) => void) => void;
  'message:send': (
    req: { roomId: string; clientMsgId: string; body: string },
    ack: (res: Ack<{ message: MessageView; duplicate: boolean }>) => void,
  ) => void;
  'message:read': (
    req: { roomId: string; seq: number },
    ack: (res: Ack<{ seq: number; advanced: boolean }>) => void,
  ) => void;
  typing: (req: { roomId: string; typing: boolean }, ack: (res: Ack<{ sent: true }>) => void) => void;
  'presence:list': (
    req: { roomId: string },
    ack: (res: Ack<{ roomId: string; users: PresenceUser[]; partial: boolean }>) => void,
  ) => void;
  'case:watch': (req: { disputeId: string }, ack: (res: Ack<{ watching: true }>) => void) => void;
}

export interface ServerToClientEvents {
  'message:new': (m: MessageView) => void;
  'message:read': (r: {
    roomId: string;
    userId: string;
    name: string;
    lastReadSeq: number;
    at: string;
  }) => void;
  typing: (t: { roomId: string; userId: string; name: string; typing: boolean }) => void;
  'presence:changed': (p: {
    roomId: string;
    userId: string;
    name?: string;
    role?: string;
    online: boolean;
  }) => void;
  'room:invited': (r: { roomId: string; kind: string; title: string; role: string }) => void;
  'room:removed': (r: { roomId: string; reason: 'removed' | 'case_changed'; message: string }) => void;
  'case:updated': (c: {
    id: string;
    number: string;
    status: string;
    statusLabel: string;
    version: number;
    action: string;
    sessionMode: string;
  }) => void;
  /** A case changed (created, routed, transitioned, transferred, signed, a session): refetch the lists and views showing it. */
  'case:changed': (c: {
    id: string;
    number: string;
    status: string;
    statusLabel: string;
    version: number;
    action: string;
  }) => void;
  'queue:updated': (c: {
    id: string;
    number: string;
    status: string;
    version: number;
    action: string;
  }) => void;
  'notification:new': (n: {
    id: string;
    kind: string;
    title: string;
    body: string;
    disputeId: string | null;
    read: boolean;
    createdAt: string;
  }) => void;
  error: (e: ErrorPayload & { event?: string }) => void;
}

export const CLIENT_EVENTS = [
  'room:join',
  'room:leave',
  'message:send',
  'message:read',
  'typing',
  'presence:list',
  'case:watch',
] as const;
export const SERVER_EVENTS = [
  'message:new',
  'message:read',
  'typing',
  'presence:changed',
  'room:invited',
  'room:removed',
  'case:updated',
  'case:changed',
  'queue:updated',
  'notification:new',
  'error',
] as const;

// Compile-time: the arrays list exactly the keys of the typed maps (a missing or extra name fails `tsc`).
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CLIENT_EVENTS_IN_SYNC: Exactly<(typeof CLIENT_EVENTS)[number], keyof ClientToServerEvents> =
  true;
export const SERVER_EVENTS_IN_SYNC: Exactly<(typeof SERVER_EVENTS)[number], keyof ServerToClientEvents> =
  true;
