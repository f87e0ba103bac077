/** Precomputed indexes over one registry snapshot (internal). */
import type { Mediator, MediationBody, RoutingRegistry } from './routing.types';
import { LEVEL_ORDER } from './routing.constants';

export interface BodyRecord {
  readonly index: number;
  readonly body: MediationBody;
  readonly levelOrder: number;
  readonly categories: ReadonlySet<string>;
  readonly loadRatio: number;
  readonly overCapacity: boolean;
}

export interface CompiledRegistry {
  readonly records: readonly BodyRecord[];
  readonly byId: ReadonlyMap<string, BodyRecord>;
  readonly streetOfCommunity: ReadonlyMap<string, string>;
  readonly knownStreets: ReadonlySet<string>;
  readonly knownCommunities: ReadonlySet<string>;
  /** All categories accepted by at least one body. */
  readonly handledCategories: ReadonlySet<string>;
  readonly mediatorsByBody: ReadonlyMap<string, readonly Mediator[]>;
  /** Flags (by record index) of the bodies whose jurisdiction covers a location. */
  coverage(street: string | undefined, community: string | undefined): Uint8Array;
  /** Bodies of a level that accept a category (any jurisdiction, any active flag). */
  atLevelForCategory(levelOrder: number, category: string): readonly BodyRecord[];
}

export function loadRatioOf(body: Pick<MediationBody, 'openCases' | 'capacity'>): number {
  if (body.capacity > 0) return body.openCases / body.capacity;
  return body.openCases > 0 ? Number.POSITIVE_INFINITY : 1;
}

export function isOverCapacity(body: Pick<MediationBody, 'openCases' | 'capacity'>): boolean {
  return !(body.openCases < body.capacity);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileRegistry(registry: RoutingRegistry): CompiledRegistry {
  const records: BodyRecord[] = [];
  const byId = new Map<string, BodyRecord>();
  for (const body of registry.bodies) {
    if (byId.has(body.id)) continue; // first occurrence wins; ids are unique in a sane snapshot
    const record: BodyRecord = {
      index: records.length,
      body,
      levelOrder: LEVEL_ORDER[body.level] ?? 0,
      categories: new Set(body.categories),
      loadRatio: loadRatioOf(body),
      overCapacity: isOverCapacity(body),
    };
    records.push(record);
    byId.set(body.id, record);
  }

  const streetOfCommunity = new Map<string, string>();
  const knownStreets = new Set<string>();
  const knownCommunities = new Set<string>();
  for (const street of registry.streets ?? []) {
    knownStreets.add(street.code);
    for (const c of street.communities) {
      knownCommunities.add(c);
      if (!streetOfCommunity.has(c)) streetOfCommunity.set(c, street.code);
    }
  }
  if (!registry.streets) {
    for (const { body } of records) {
      body.jurisdiction.streets.forEach((s) => knownStreets.add(s));
      body.jurisdiction.communities.forEach((c) => knownCommunities.add(c));
    }
  }

  const byStreet = new Map<string, number[]>();
  const byCommunity = new Map<string, number[]>();
  const districtWide: number[] = [];
  const levelCategory = new Map<string, BodyRecord[]>();
  const handledCategories = new Set<string>();
  for (const r of records) {
    if (r.body.level === 'district') districtWide.push(r.index);
    else {
      r.body.jurisdiction.streets.forEach((s) => push(byStreet, s, r.index));
      r.body.jurisdiction.communities.forEach((c) => push(byCommunity, c, r.index));
    }
    for (const c of r.categories) {
      handledCategories.add(c);
      push(levelCategory, `${r.levelOrder}|${c}`, r);
    }
  }

  const mediatorsByBody = new Map<string, Mediator[]>();
  for (const m of registry.mediators ?? []) push(mediatorsByBody, m.bodyId, m);

  const n = records.length;
  const empty: readonly BodyRecord[] = [];
  return {
    records,
    byId,
    streetOfCommunity,
    knownStreets,
    knownCommunities,
    handledCategories,
    mediatorsByBody,
    coverage(street, community) {
      const flags = new Uint8Array(n);
      for (const i of districtWide) flags[i] = 1;
      if (street !== undefined) for (const i of byStreet.get(street) ?? []) flags[i] = 1;
      if (community !== undefined) for (const i of byCommunity.get(community) ?? []) flags[i] = 1;
      return flags;
    },
    atLevelForCategory(levelOrder, category) {
      return levelCategory.get(`${levelOrder}|${category}`) ?? empty;
    },
  };
}
