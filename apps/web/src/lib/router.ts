import { useSyncExternalStore } from 'react';

/** A tiny hash router: `#/cases/<id>` → ['cases', '<id>']. */
function current(): string {
  return window.location.hash.replace(/^#\/?/, '');
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

export function useRoute(): string[] {
  const path = useSyncExternalStore(subscribe, current, current);
  return path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(path: string): void {
  const target = `#/${path.replace(/^\/+/, '')}`;
  if (window.location.hash !== target) window.location.hash = target;
}

export function href(path: string): string {
  return `#/${path.replace(/^\/+/, '')}`;
}
