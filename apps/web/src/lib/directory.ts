import { apiClient, unwrap } from './typed-api';
import { useAsync } from './use-async';
import type { Schemas } from './api-types';

type Directory = Schemas['Directory'];

let cache: Promise<Directory> | null = null;

/** GET /directory (categories, streets with communities, organisations), loaded once per page load. */
export function loadDirectory(): Promise<Directory> {
  cache ??= unwrap(apiClient.GET('/api/directory')).catch((e: unknown) => {
    cache = null;
    throw e;
  });
  return cache;
}

export function useDirectory() {
  return useAsync(loadDirectory, []);
}

/** Label lookups over a loaded directory (codes shown as-is when unknown). */
export function labels(dir: Directory | null) {
  const cat = new Map(dir?.categories.map((c) => [c.code, c.label]) ?? []);
  const street = new Map(dir?.streets.map((s) => [s.code, s.name]) ?? []);
  const community = new Map(
    dir?.streets.flatMap((s) => s.communities.map((c) => [c.code, `${s.name}${c.name}`] as const)) ?? [],
  );
  const org = new Map(dir?.organizations.map((o) => [o.id, o.name]) ?? []);
  return {
    category: (c: string) => cat.get(c) ?? c,
    street: (c: string | null | undefined) => (c ? (street.get(c) ?? c) : '—'),
    community: (c: string) => community.get(c) ?? c,
    org: (id: string | null | undefined) => (id ? (org.get(id) ?? '—') : '—'),
  };
}
