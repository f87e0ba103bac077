import { useSyncExternalStore } from 'react';
import type { Schemas } from './api-types';

type SessionUser = Schemas['SignedInUser'];
type TokenPair = Schemas['TokenPair'];

/** The signed-in session, persisted in localStorage and kept in step across tabs. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'tj.session';
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cached: Session | null = null;

function read(): Session | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    raw = null;
  }
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  try {
    cached = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    cached = null;
  }
  return cached;
}

function emit(): void {
  listeners.forEach((fn) => fn());
}

export function getSession(): Session | null {
  return read();
}

export function setSession(pair: TokenPair | Session | null): void {
  if (pair === null) {
    localStorage.removeItem(KEY);
  } else {
    const s: Session = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: pair.user };
    localStorage.setItem(KEY, JSON.stringify(s));
  }
  emit();
}

export function subscribeSession(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === KEY || e.key === null) emit();
  });
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, read, read);
}

/** Seconds until the access token expires (from its `exp` claim); null when unreadable. */
export function secondsLeft(token: string): number | null {
  try {
    const part = token.split('.')[1];
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof json.exp === 'number' ? json.exp - Date.now() / 1000 : null;
  } catch {
    return null;
  }
}

export const isStaff = (u: SessionUser | null | undefined): boolean => !!u && u.role !== 'party';
