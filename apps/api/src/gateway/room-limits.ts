import { ConfigError } from '@tiaojie/core';

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

function rate(env: NodeJS.ProcessEnv, key: string, fallback: Rate): Rate {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d{1,6})\/(\d{1,7})$/.exec(raw.trim());
  const count = m ? Number(m[1]) : NaN;
  const windowMs = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || windowMs < 1)
    throw new ConfigError(`${key} must be <count>/<milliseconds>, e.g. 10/5000, got "${raw}"`);
  return { count, windowMs };
}

/** ROOM_MESSAGE_RATE (default 10/5000: 10 messages per 5 s per socket) and ROOM_TYPING_RATE (default 20/5000). */
export function loadRoomLimits(env: NodeJS.ProcessEnv = process.env): RoomLimits {
  return {
    messages: rate(env, 'ROOM_MESSAGE_RATE', DEFAULT_ROOM_LIMITS.messages),
    typing: rate(env, 'ROOM_TYPING_RATE', DEFAULT_ROOM_LIMITS.typing),
  };
}
