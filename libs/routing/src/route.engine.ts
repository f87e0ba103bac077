/** The routing engine: compile a registry snapshot and rules once, then route disputes quickly. */
import type { CandidateAcc } from './candidate.ranker';
import type {
  Escalation,
  EscalationTrigger,
  MediatorProposal,
  QueueReasonCode,
  RoutingDecision,
  RuleEvaluation,
  RuleMismatch,
} from './decision.types';
import type { CompiledRegistry } from './registry.compiler';
import type { CompiledRule } from './rule.compiler';
import type { DisputeFacts } from './rule.matcher';
import type { RouteOptions, RoutingDispute, RoutingRegistry, RoutingRule } from './routing.types';
import {
  applyExclusions,
  compareCandidates,
  excludeBelowLevel,
  newCandidate,
  toEvaluation,
} from './candidate.ranker';
import { describeEscalation, levelStepTrigger, thresholdTriggers } from './escalation.policy';
import { assignedSummary, queueReason, queueSummary } from './explanation.builder';
import { proposeMediator } from './mediator.proposer';
import { compileRegistry } from './registry.compiler';
import { compileRules, selectTargets } from './rule.compiler';
import { MismatchTexts, formatYuan, ruleMismatches } from './rule.matcher';
import { LEVELS_BY_ORDER, ROUTING_DEFAULTS } from './routing.constants';

/** A router bound to one registry snapshot and one rule set. Recompile when either changes. */
export interface Router {
  readonly bodyCount: number;
  readonly ruleCount: number;
  route(dispute: RoutingDispute, options?: RouteOptions): RoutingDecision;
  /** proposeMediator over the snapshot's mediators of one body; throws on an unknown body id. */
  proposeMediator(dispute: RoutingDispute, bodyId: string): MediatorProposal;
}

type ResolvedOptions = Required<RouteOptions>;

function resolve(base: ResolvedOptions, o: RouteOptions | undefined): ResolvedOptions {
  if (!o) return base;
  return {
    maxReturns: o.maxReturns ?? base.maxReturns,
    claimAmountThreshold: o.claimAmountThreshold ?? base.claimAmountThreshold,
    peopleInvolvedThreshold: o.peopleInvolvedThreshold ?? base.peopleInvolvedThreshold,
    escalateRepeated: o.escalateRepeated ?? base.escalateRepeated,
  };
}

function factsOf(d: RoutingDispute, reg: CompiledRegistry): DisputeFacts {
  const street =
    d.streetCode ?? (d.communityCode === undefined ? undefined : reg.streetOfCommunity.get(d.communityCode));
  const partyTypes = new Set<string>();
  for (const p of d.parties) partyTypes.add(p.type);
  return {
    category: d.category,
    channel: d.channel,
    kind: d.kind ?? 'peoples',
    street,
    community: d.communityCode,
    claimAmount: d.claimAmount,
    people: d.peopleInvolved ?? d.parties.length,
    partyTypes,
    repeated: d.repeated === true,
    where: [street, d.communityCode].filter((x) => x !== undefined).join('/') || '—',
    claimText: d.claimAmount === undefined ? '' : formatYuan(d.claimAmount),
  };
}

interface Selection {
  winner: CandidateAcc | null;
  queue: QueueReasonCode | null;
  escalation: Escalation | null;
  fellBack: boolean;
  eligibleCount: number;
}

const queued = (queue: QueueReasonCode): Selection => ({
  winner: null,
  queue,
  escalation: null,
  fellBack: false,
  eligibleCount: 0,
});

/** Picks the winner among ranked rule candidates, climbing the ladder when needed. */
function select(
  reg: CompiledRegistry,
  f: DisputeFacts,
  o: ResolvedOptions,
  ranked: CandidateAcc[],
  cands: Map<number, CandidateAcc>,
  cover: Uint8Array,
  returned: ReadonlySet<string>,
): Selection {
  const eligible = ranked.filter((a) => !a.hard);
  if (eligible.length === 0) return queued('NO_ELIGIBLE_CANDIDATE');
  const first = eligible[0].record;
  const natural = first.levelOrder;
  const thresholds = thresholdTriggers(f, o);
  const start = thresholds.length > 0 ? Math.min(natural + 1, 2) : natural;
  const floor = thresholds.length > 0 ? start : 0;
  for (const a of eligible) if (a.record.levelOrder < floor) excludeBelowLevel(a, LEVELS_BY_ORDER[floor]);

  const steps: EscalationTrigger[] = [];
  const ctx = { category: f.category, cover, returned };
  let winner: CandidateAcc | null = null;
  for (let level = start; level <= 2 && !winner; level++) {
    const atLevel = eligible.filter((a) => a.record.levelOrder === level && !a.hard);
    if (level > natural) {
      const pool: CandidateAcc[] = [];
      for (const rec of reg.atLevelForCategory(level, f.category)) {
        if (cover[rec.index] !== 1 || cands.has(rec.index)) continue;
        const acc = newCandidate(rec, true, rec.body.kind === first.body.kind ? 1 : 0);
        applyExclusions(acc, ctx);
        cands.set(rec.index, acc);
        if (!acc.hard) pool.push(acc);
      }
      atLevel.push(...pool.sort(compareCandidates));
    }
    winner = atLevel.find((a) => !a.record.overCapacity) ?? null;
    if (!winner && level < 2) steps.push(levelStepTrigger(level, atLevel.length > 0));
  }
  let fellBack = false;
  if (!winner) {
    winner = eligible.find((a) => !a.hard && a.record.levelOrder < natural && !a.record.overCapacity) ?? null;
    fellBack = winner !== null;
  }
  const triggers = [...thresholds, ...steps];
  let escalation: Escalation | null = null;
  if (triggers.length > 0 && !fellBack)
    escalation = describeEscalation(natural, winner ? winner.record.levelOrder : 2, triggers);
  let eligibleCount = 0;
  for (const a of cands.values()) if (!a.hard && !a.record.overCapacity) eligibleCount++;
  const anyLeft = [...cands.values()].some((a) => !a.hard);
  const queue: QueueReasonCode | null = winner
    ? null
    : anyLeft
      ? 'ALL_OVER_CAPACITY'
      : 'NO_ELIGIBLE_CANDIDATE';
  return { winner, queue, escalation, fellBack, eligibleCount };
}

const NONE: readonly string[] = Object.freeze([]);
const NONE_MISMATCH: readonly RuleMismatch[] = Object.freeze([]);
const DISABLED: readonly RuleMismatch[] = Object.freeze([
  Object.freeze({ code: 'RULE_DISABLED' as const, zh: '规则未启用', en: 'the rule is disabled' }),
]);

interface Compiled {
  readonly reg: CompiledRegistry;
  readonly rules: readonly CompiledRule[];
  readonly ruleNames: ReadonlyMap<string, string>;
  readonly texts: MismatchTexts;
}

function decide(
  { reg, rules, ruleNames, texts }: Compiled,
  d: RoutingDispute,
  o: ResolvedOptions,
): RoutingDecision {
  const f = factsOf(d, reg);
  const cover = reg.coverage(f.street, f.community);
  const cands = new Map<number, CandidateAcc>();
  const ruleEvals: RuleEvaluation[] = [];
  let anyMatched = false;
  for (const cr of rules) {
    const { rule } = cr;
    const mismatches = rule.enabled ? ruleMismatches(cr, f, texts) : DISABLED;
    if (mismatches.length > 0) {
      ruleEvals.push({
        ruleId: rule.id,
        name: rule.name,
        priority: rule.priority,
        weight: rule.weight,
        matched: false,
        mismatches,
        proposedBodyIds: NONE,
        unknownBodyIds: NONE,
      });
      continue;
    }
    anyMatched = true;
    const targets = selectTargets(cr, reg, f.category, cover);
    const proposedBodyIds: string[] = [];
    for (const rec of targets) {
      let acc = cands.get(rec.index);
      if (!acc) cands.set(rec.index, (acc = newCandidate(rec, false)));
      acc.score += rule.weight;
      if (rule.priority > acc.tier) acc.tier = rule.priority;
      acc.proposedBy.push({ ruleId: rule.id, weight: rule.weight });
      proposedBodyIds.push(rec.body.id);
    }
    ruleEvals.push({
      ruleId: rule.id,
      name: rule.name,
      priority: rule.priority,
      weight: rule.weight,
      matched: true,
      mismatches: NONE_MISMATCH,
      proposedBodyIds,
      unknownBodyIds: cr.unknownBodyIds,
    });
  }

  const returns = d.returns ?? [];
  const returned = new Set(returns.map((r) => r.bodyId));
  const ctx = { category: f.category, cover, returned };
  const ranked = [...cands.values()];
  for (const acc of ranked) applyExclusions(acc, ctx);
  ranked.sort(compareCandidates);

  let sel: Selection;
  if (returns.length >= o.maxReturns) sel = queued('RETURN_LIMIT_REACHED');
  else if (!anyMatched) sel = queued('NO_RULE_MATCHED');
  else sel = select(reg, f, o, ranked, cands, cover, returned);

  const all = cands.size === ranked.length ? ranked : [...cands.values()].sort(compareCandidates);
  const candidates = all.map((a, i) => toEvaluation(a, i + 1, a === sel.winner));
  const { winner } = sel;
  if (winner) {
    const summary = assignedSummary({
      winner,
      ruleNames,
      eligibleCount: sel.eligibleCount,
      escalation: sel.escalation,
      fellBack: sel.fellBack,
    });
    return {
      disputeId: d.id,
      outcome: 'assigned',
      bodyId: winner.record.body.id,
      bodyLevel: winner.record.body.level,
      queueReason: null,
      escalation: sel.escalation,
      returnsCount: returns.length,
      maxReturns: o.maxReturns,
      explanation: { summary, rules: ruleEvals, candidates },
    };
  }
  const reason = queueReason(sel.queue ?? 'NO_ELIGIBLE_CANDIDATE', {
    returnsCount: returns.length,
    maxReturns: o.maxReturns,
    candidateCount: candidates.length,
    escalation: sel.escalation,
  });
  return {
    disputeId: d.id,
    outcome: 'district_admin_queue',
    bodyId: null,
    bodyLevel: null,
    queueReason: reason,
    escalation: sel.escalation,
    returnsCount: returns.length,
    maxReturns: o.maxReturns,
    explanation: { summary: queueSummary(reason, sel.escalation), rules: ruleEvals, candidates },
  };
}

/**
 * Indexes a registry snapshot and a rule set once (jurisdiction and category indexes, rule condition
 * sets, selector pre-filtering). The snapshot and rules must not be mutated while the router is in use.
 */
export function compileRouting(
  registry: RoutingRegistry,
  rules: readonly RoutingRule[],
  defaults?: RouteOptions,
): Router {
  const reg = compileRegistry(registry);
  const compiled = compileRules(rules, reg);
  const compiledSet: Compiled = {
    reg,
    rules: compiled,
    ruleNames: new Map(rules.map((r) => [r.id, r.name])),
    texts: new MismatchTexts(),
  };
  const base = resolve({ ...ROUTING_DEFAULTS }, defaults);
  return {
    bodyCount: reg.records.length,
    ruleCount: compiled.length,
    route: (dispute, options) => decide(compiledSet, dispute, resolve(base, options)),
    proposeMediator(dispute, bodyId) {
      const record = reg.byId.get(bodyId);
      if (!record) throw new RangeError(`unknown body id: ${bodyId}`);
      return proposeMediator(dispute, record.body, reg.mediatorsByBody.get(bodyId) ?? []);
    },
  };
}

/** One-off routing; compiles the snapshot on every call. Use compileRouting for repeated decisions. */
export function route(
  dispute: RoutingDispute,
  registry: RoutingRegistry,
  rules: readonly RoutingRule[],
  options?: RouteOptions,
): RoutingDecision {
  return compileRouting(registry, rules).route(dispute, options);
}
