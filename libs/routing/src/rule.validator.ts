/** Validation of a rule set before it is saved: stable codes, Chinese + English messages. */
import type { RuleValidationCode, RuleValidationError } from './decision.types';
import type { BodyRecord, CompiledRegistry } from './registry.compiler';
import type { RoutingRegistry, RoutingRule, RuleConditions, RuleTarget } from './routing.types';
import { compileRegistry } from './registry.compiler';
import { isBodyKind, isBodyLevel, isDisputeKind, isIntakeChannel, isPartyType } from './routing.constants';

function error(ruleId: string, code: RuleValidationCode, zh: string, en: string): RuleValidationError {
  return { ruleId, code, zh, en, message: `${zh} / ${en}` };
}

const sortedUnique = (list: readonly string[] | undefined) =>
  list && list.length > 0 ? [...new Set(list)].sort() : null;

/** Canonical form of conditions, so that differently ordered but equal conditions compare equal. */
function conditionsKey(c: RuleConditions): string {
  return JSON.stringify([
    sortedUnique(c.categories),
    sortedUnique(c.streets),
    sortedUnique(c.communities),
    c.claimAmountMin ?? null,
    c.claimAmountMax ?? null,
    sortedUnique(c.partyTypes),
    c.peopleInvolvedMin ?? null,
    sortedUnique(c.channels),
    sortedUnique(c.disputeKinds),
  ]);
}

function targetKey(t: RuleTarget): string {
  if (t.type === 'bodies') return JSON.stringify(['bodies', sortedUnique(t.bodyIds)]);
  const s = t.selector;
  return JSON.stringify([
    'selector',
    sortedUnique(s.kinds),
    sortedUnique(s.levels),
    s.matchCategory === true,
    s.inJurisdiction === true,
  ]);
}

function checkNumbers(rule: RoutingRule, out: RuleValidationError[]): void {
  const c = rule.conditions;
  const bad: string[] = [];
  if (!Number.isFinite(rule.priority)) bad.push('priority');
  if (!Number.isFinite(rule.weight)) bad.push('weight');
  for (const [k, v] of [
    ['claimAmountMin', c.claimAmountMin],
    ['claimAmountMax', c.claimAmountMax],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) bad.push(k);
  }
  if (
    c.peopleInvolvedMin !== undefined &&
    !(Number.isInteger(c.peopleInvolvedMin) && c.peopleInvolvedMin >= 0)
  )
    bad.push('peopleInvolvedMin');
  if (bad.length > 0) {
    out.push(
      error(rule.id, 'INVALID_NUMBER', `数值无效：${bad.join('、')}`, `invalid number: ${bad.join(', ')}`),
    );
  }
  if (
    c.claimAmountMin !== undefined &&
    c.claimAmountMax !== undefined &&
    c.claimAmountMin > c.claimAmountMax
  ) {
    out.push(
      error(
        rule.id,
        'CLAIM_RANGE_CONTRADICTORY',
        `标的额下限 ${c.claimAmountMin} 大于上限 ${c.claimAmountMax}，规则永远不会命中`,
        `claim amount minimum ${c.claimAmountMin} exceeds maximum ${c.claimAmountMax}; the rule can never match`,
      ),
    );
  }
}

function checkLists(
  rule: RoutingRule,
  known: ReadonlySet<string>,
  reg: CompiledRegistry,
  out: RuleValidationError[],
): void {
  const c = rule.conditions;
  const lists = {
    categories: c.categories,
    streets: c.streets,
    communities: c.communities,
    partyTypes: c.partyTypes,
    channels: c.channels,
    disputeKinds: c.disputeKinds,
  };
  for (const [name, list] of Object.entries(lists)) {
    if (list !== undefined && list.length === 0) {
      out.push(
        error(
          rule.id,
          'EMPTY_CONDITION_LIST',
          `条件「${name}」为空列表，请删除该条件或填写取值`,
          `condition "${name}" is an empty list; remove it or give values`,
        ),
      );
    }
  }
  const unknown = (
    code: RuleValidationCode,
    list: readonly string[] | undefined,
    ok: (x: string) => boolean,
    zh: string,
    en: string,
  ) => {
    for (const x of new Set(list ?? []))
      if (!ok(x)) out.push(error(rule.id, code, `未知${zh}：${x}`, `unknown ${en}: ${x}`));
  };
  unknown('UNKNOWN_CATEGORY', c.categories, (x) => known.has(x), '纠纷类别', 'category');
  unknown('UNKNOWN_STREET', c.streets, (x) => reg.knownStreets.has(x), '街道', 'street');
  unknown('UNKNOWN_COMMUNITY', c.communities, (x) => reg.knownCommunities.has(x), '社区', 'community');
  unknown('UNKNOWN_CHANNEL', c.channels, isIntakeChannel, '受理渠道', 'channel');
  unknown('UNKNOWN_DISPUTE_KIND', c.disputeKinds, isDisputeKind, '纠纷性质', 'dispute kind');
  unknown('UNKNOWN_PARTY_TYPE', c.partyTypes, isPartyType, '当事人类型', 'party type');
  if (rule.target.type === 'bodies') {
    unknown('UNKNOWN_BODY', rule.target.bodyIds, (x) => reg.byId.has(x), '调解组织', 'body id');
  } else {
    unknown('UNKNOWN_SELECTOR_VALUE', rule.target.selector.kinds, isBodyKind, '调解组织类型', 'body kind');
    unknown('UNKNOWN_SELECTOR_VALUE', rule.target.selector.levels, isBodyLevel, '调解组织层级', 'body level');
  }
}

/**
 * Whether a body could ever accept a dispute satisfying the rule's category and location conditions:
 * active, accepting one of the categories, covering one of the places (routing excludes the others).
 */
function couldAccept(r: BodyRecord, c: RuleConditions, reg: CompiledRegistry): boolean {
  if (!r.body.active) return false;
  const categories = c.categories ?? [];
  if (categories.length > 0 ? !categories.some((x) => r.categories.has(x)) : r.categories.size === 0)
    return false;
  if (r.body.level === 'district') return true;
  const streets = new Set(r.body.jurisdiction.streets);
  const communities = new Set(r.body.jurisdiction.communities);
  if ((c.streets?.length ?? 0) + (c.communities?.length ?? 0) === 0)
    return streets.size + communities.size > 0;
  // a community whose street is unknown might lie in a listed street: give the rule the benefit of the doubt
  const streetOf = (x: string) => reg.streetOfCommunity.get(x);
  for (const s of c.streets ?? []) {
    if (streets.has(s) || [...communities].some((x) => streetOf(x) === s || streetOf(x) === undefined))
      return true;
  }
  return (c.communities ?? []).some((x) => communities.has(x) || streets.has(streetOf(x) ?? '\u0000'));
}

function checkCandidates(rule: RoutingRule, reg: CompiledRegistry, out: RuleValidationError[]): void {
  const t = rule.target;
  const pool: BodyRecord[] =
    t.type === 'bodies'
      ? t.bodyIds.map((id) => reg.byId.get(id)).filter((r): r is BodyRecord => r !== undefined)
      : reg.records.filter(
          (r) =>
            (!t.selector.kinds?.length || t.selector.kinds.includes(r.body.kind)) &&
            (!t.selector.levels?.length || t.selector.levels.includes(r.body.level)),
        );
  if (!pool.some((r) => couldAccept(r, rule.conditions, reg))) {
    out.push(
      error(
        rule.id,
        'EMPTY_CANDIDATE_SET',
        '规则目标选不出任何能受理其纠纷的启用调解组织（停用、不受理该类别或不在所列辖区）',
        "the rule's target selects no active body that could accept its disputes (inactive, category not accepted or outside the listed area)",
      ),
    );
  }
}

/**
 * Validates a rule set against the known categories and a registry snapshot. Returns every error found,
 * in rule order; an empty list means the rules may be saved.
 */
export function validateRules(
  rules: readonly RoutingRule[],
  knownCategories: readonly string[],
  registry: RoutingRegistry,
): RuleValidationError[] {
  const reg = compileRegistry(registry);
  const known = new Set(knownCategories);
  const out: RuleValidationError[] = [];
  const seenIds = new Set<string>();
  const groups = new Map<string, RoutingRule[]>();
  for (const rule of rules) {
    if (seenIds.has(rule.id)) {
      out.push(
        error(rule.id, 'DUPLICATE_RULE_ID', `规则编号 ${rule.id} 重复`, `duplicate rule id ${rule.id}`),
      );
    }
    seenIds.add(rule.id);
    checkNumbers(rule, out);
    checkLists(rule, known, reg, out);
    checkCandidates(rule, reg, out);
    if (rule.enabled) {
      const key = `${rule.priority}|${conditionsKey(rule.conditions)}`;
      const group = groups.get(key);
      if (group) group.push(rule);
      else groups.set(key, [rule]);
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const rule of group) {
      const others = group
        .filter((o) => o !== rule && targetKey(o.target) !== targetKey(rule.target))
        .map((o) => o.id);
      if (others.length === 0) continue;
      out.push(
        error(
          rule.id,
          'CONFLICTING_RULES',
          `与规则 ${others.join('、')} 优先级相同、条件相同但目标不同`,
          `same priority and identical conditions as rule(s) ${others.join(', ')} but a different target`,
        ),
      );
    }
  }
  return out;
}
