import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

/**
 * A page loaded on first use, from its own chunk: a party's phone downloads only the pages it opens, and staff
 * consoles, charts and editors never reach a party. `name` is the page's named export.
 */
export function lazyPage<P extends object, K extends string>(
  load: () => Promise<Record<K, (props: P) => ReactNode>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy<ComponentType<P>>(async () => ({ default: (await load())[name] }));
}
