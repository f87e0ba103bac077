/** Candidate bookkeeping, exclusion checks and the ranking order (internal). */
import type { CandidateEvaluation, CandidateExclusion, RuleContribution } from './decision.types';
import type { BodyRecord } from './registry.compiler';
import { categoryLabelEn, categoryLabelZh } from './dispute-category.constants';
import { levelLabel } from './routing.constants';

export interface CandidateAcc {
  readonly record: BodyRecord;
  score: number;
  /** Highest priority of the proposing rules; -Infinity for escalation-only candidates. */
  tier: number;
  readonly proposedBy: RuleContribution[];
  readonly viaEscalation: boolean;
  /** Escalation-only candidates of the same kind as the rules' first choice rank first. */
  readonly kindAffinity: number;
  readonly exclusions: CandidateExclusion[];
  /** Excluded for a reason other than capacity. */
  hard: boolean;
}

export interface ExclusionContext {
  readonly category: string;
  readonly cover: Uint8Array;
  readonly returned: ReadonlySet<string>;
}

export function newCandidate(record: BodyRecord, viaEscalation: boolean, kindAffinity = 0): CandidateAcc {
  return {
    record,
    score: 0,
    tier: Number.NEGATIVE_INFINITY,
    proposedBy: [],
    viaEscalation,
    kindAffinity,
    exclusions: [],
    hard: false,
  };
}

/** Fills acc.exclusions: hard reasons first, then OVER_CAPACITY. */
export function applyExclusions(acc: CandidateAcc, ctx: ExclusionContext): void {
  const { body } = acc.record;
  const out = acc.exclusions;
  if (!body.active) out.push({ code: 'INACTIVE', zh: '该调解组织已停用', en: 'the body is inactive' });
  if (ctx.cover[acc.record.index] !== 1) {
    out.push({
      code: 'OUT_OF_JURISDICTION',
      zh: '纠纷发生地不在其辖区',
      en: 'the location is outside its jurisdiction',
    });
  }
  if (!acc.record.categories.has(ctx.category)) {
    out.push({
      code: 'CATEGORY_NOT_HANDLED',
      zh: `不受理「${categoryLabelZh(ctx.category)}」类纠纷`,
      en: `it does not accept ${categoryLabelEn(ctx.category)} disputes`,
    });
  }
  if (ctx.returned.has(body.id)) {
    out.push({ code: 'RETURNED_BEFORE', zh: '曾退回该纠纷', en: 'it returned this dispute before' });
  }
  acc.hard = out.length > 0;
  if (acc.record.overCapacity) {
    out.push({
      code: 'OVER_CAPACITY',
      zh: `已满负荷（在办 ${body.openCases}/${body.capacity} 件）`,
      en: `over capacity (${body.openCases}/${body.capacity} open cases)`,
    });
  }
}

export function excludeBelowLevel(acc: CandidateAcc, requiredLevel: string): void {
  const label = levelLabel(requiredLevel);
  acc.exclusions.push({
    code: 'BELOW_REQUIRED_LEVEL',
    zh: `该纠纷须由${label.zh}或更高层级调解组织办理`,
    en: `the dispute requires a body at ${label.en} or higher`,
  });
  acc.hard = true;
}

/** Ranking: tier desc, score desc, kind affinity desc, load ratio asc, id asc. */
export function compareCandidates(a: CandidateAcc, b: CandidateAcc): number {
  if (a.tier !== b.tier) return a.tier > b.tier ? -1 : 1;
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  if (a.kindAffinity !== b.kindAffinity) return a.kindAffinity > b.kindAffinity ? -1 : 1;
  const la = a.record.loadRatio;
  const lb = b.record.loadRatio;
  if (la !== lb && !(Number.isNaN(la) || Number.isNaN(lb))) return la < lb ? -1 : 1;
  const ia = a.record.body.id;
  const ib = b.record.body.id;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

export function toEvaluation(acc: CandidateAcc, rank: number, selected: boolean): CandidateEvaluation {
  const { body } = acc.record;
  return {
    bodyId: body.id,
    name: body.name,
    kind: body.kind,
    level: body.level,
    rank,
    score: acc.score,
    tier: acc.viaEscalation && acc.proposedBy.length === 0 ? null : acc.tier,
    openCases: body.openCases,
    capacity: body.capacity,
    loadRatio: acc.record.loadRatio,
    proposedBy: acc.proposedBy,
    viaEscalation: acc.viaEscalation,
    exclusions: acc.exclusions,
    selected,
  };
}
