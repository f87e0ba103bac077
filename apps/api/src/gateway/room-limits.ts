import { readEnv } from '@tiaojie/core';

export interface Rate {
  count: number;
  windowMs: number;
}

/** Per-socket limits of the realtime protocol. */
export interface RoomLimits {
  messages: Rate;
  typing: Rate;
}

export const ROOM_LIMITS = Symbol('ROOM_LIMITS');

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  messages: { count: 10, windowMs: 5000 },
  typing: { count: 20, windowMs: 5000 },
};

/** ROOM_MESSAGE_RATE (default 10/5000: 10 messages per 5 s per socket) and ROOM_TYPING_RATE (default 20/5000). */
export function loadRoomLimits(env: NodeJS.ProcessEnv = process.env): RoomLimits {
  const e = readEnv(env);
  return { messages: e.ROOM_MESSAGE_RATE, typing: e.ROOM_TYPING_RATE };
}
