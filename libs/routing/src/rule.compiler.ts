/** Rules compiled against one registry snapshot: condition sets and precomputed target lists (internal). */
import type { RoutingRule } from './routing.types';
import type { BodyRecord, CompiledRegistry } from './registry.compiler';

export interface CompiledRule {
  readonly rule: RoutingRule;
  readonly categories: ReadonlySet<string> | null;
  readonly streets: ReadonlySet<string> | null;
  readonly communities: ReadonlySet<string> | null;
  readonly partyTypes: ReadonlySet<string> | null;
  readonly channels: ReadonlySet<string> | null;
  readonly disputeKinds: ReadonlySet<string> | null;
  readonly claimMin: number | undefined;
  readonly claimMax: number | undefined;
  readonly peopleMin: number | undefined;
  /** Explicit targets found in the registry, or the bodies passing the selector's kind/level filters. */
  readonly baseTargets: readonly BodyRecord[];
  readonly unknownBodyIds: readonly string[];
  readonly matchCategory: boolean;
  readonly inJurisdiction: boolean;
  /** Lazily filled: baseTargets accepting a category (only when matchCategory). */
  readonly byCategory: Map<string, readonly BodyRecord[]>;
}

function setOf(list: readonly string[] | undefined): ReadonlySet<string> | null {
  return list && list.length > 0 ? new Set(list) : null;
}

/** Stable rule order: priority descending, then id. */
export function compareRules(a: RoutingRule, b: RoutingRule): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compileRule(rule: RoutingRule, registry: CompiledRegistry): CompiledRule {
  const c = rule.conditions;
  let baseTargets: BodyRecord[] = [];
  const unknownBodyIds: string[] = [];
  let matchCategory = false;
  let inJurisdiction = false;
  if (rule.target.type === 'bodies') {
    const seen = new Set<string>();
    for (const id of rule.target.bodyIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const record = registry.byId.get(id);
      if (record) baseTargets.push(record);
      else unknownBodyIds.push(id);
    }
  } else {
    const s = rule.target.selector;
    const kinds = setOf(s.kinds);
    const levels = setOf(s.levels);
    baseTargets = registry.records.filter(
      (r) => (!kinds || kinds.has(r.body.kind)) && (!levels || levels.has(r.body.level)),
    );
    matchCategory = s.matchCategory === true;
    inJurisdiction = s.inJurisdiction === true;
  }
  return {
    rule,
    categories: setOf(c.categories),
    streets: setOf(c.streets),
    communities: setOf(c.communities),
    partyTypes: setOf(c.partyTypes),
    channels: setOf(c.channels),
    disputeKinds: setOf(c.disputeKinds),
    claimMin: c.claimAmountMin,
    claimMax: c.claimAmountMax,
    peopleMin: c.peopleInvolvedMin,
    baseTargets,
    unknownBodyIds,
    matchCategory,
    inJurisdiction,
    byCategory: new Map(),
  };
}

export function compileRules(rules: readonly RoutingRule[], registry: CompiledRegistry): CompiledRule[] {
  return [...rules].sort(compareRules).map((r) => compileRule(r, registry));
}

const NONE: readonly BodyRecord[] = [];

/** Bodies a matched rule proposes for a dispute of this category at a location with these coverage flags. */
export function selectTargets(
  rule: CompiledRule,
  registry: CompiledRegistry,
  category: string,
  cover: Uint8Array,
): readonly BodyRecord[] {
  let list = rule.baseTargets;
  if (rule.matchCategory) {
    if (!registry.handledCategories.has(category)) return NONE;
    let cached = rule.byCategory.get(category);
    if (!cached) {
      cached = list.filter((r) => r.categories.has(category));
      rule.byCategory.set(category, cached);
    }
    list = cached;
  }
  if (rule.inJurisdiction) list = list.filter((r) => cover[r.index] === 1);
  return list;
}
