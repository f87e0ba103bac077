import { useSyncExternalStore } from 'react';

/**
 * 关怀模式 (elder-friendly mode): larger type and tap targets, higher contrast. Kept in localStorage under its own
 * key, apart from the session, so it survives signing out and applies on the sign-in page of the next visit.
 */
const KEY = 'tj.care';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  // CSS rules under [data-care] enlarge what antd's theme tokens do not reach
  if (on) document.documentElement.dataset.care = 'on';
  else delete document.documentElement.dataset.care;
}

export function setCareMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* storage unavailable (private mode): the switch still applies until reload */
  }
  apply(on);
  listeners.forEach((fn) => fn());
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY || e.key === null) {
      apply(read());
      fn();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCareMode(): boolean {
  return useSyncExternalStore(subscribe, read, read);
}

if (typeof window !== 'undefined') apply(read());
