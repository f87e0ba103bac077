import type { MessageView } from '@tiaojie/rooms';

/** Typed socket protocol; docs/asyncapi.yaml documents the same events (a test keeps them in sync). */
export interface ErrorPayload {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export interface ClientToServerEvents {
  'room:join': (req: { roomId: string; lastSeq?: number }, ack: (res: Ack<{ room: { id: string; kind: string; title: string }; sessionMode: string; messages: MessageView[] }>) => void) => void;
  'room:leave': (req: { roomId: string }, ack: (res: Ack<{ left: true }>) => void) => void;
  'message:send': (req: { roomId: string; clientMsgId: string; body: string }, ack: (res: Ack<{ message: MessageView; duplicate: boolean }>) => void) => void;
  'case:watch': (req: { disputeId: string }, ack: (res: Ack<{ watching: true }>) => void) => void;
}

export interface ServerToClientEvents {
  'message:new': (m: MessageView) => void;
  'case:updated': (c: { id: string; number: string; status: string; statusLabel: string; version: number; action: string; sessionMode: string }) => void;
  'queue:updated': (c: { id: string; number: string; status: string; version: number; action: string }) => void;
  error: (e: ErrorPayload) => void;
}

export const CLIENT_EVENTS = ['room:join', 'room:leave', 'message:send', 'case:watch'] as const;
export const SERVER_EVENTS = ['message:new', 'case:updated', 'queue:updated', 'error'] as const;
