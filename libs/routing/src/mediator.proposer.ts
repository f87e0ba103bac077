/** Proposes a mediator inside a body: specialty match first, then lower load; never a conflicted one. */
import type { MediatorEvaluation, MediatorExclusion, MediatorProposal } from './decision.types';
import type { MediationBody, Mediator, RoutingDispute } from './routing.types';
import { categoryLabelEn, categoryLabelZh } from './dispute-category.constants';
import { normalisePartyKey } from './party-key.util';
import { CONFLICT_KINDS } from './routing.constants';

const CONFLICT_LABEL = new Map<string, { zh: string; en: string }>(CONFLICT_KINDS.map((k) => [k.code, k]));

interface Scored {
  readonly mediator: Mediator;
  readonly specialtyMatch: boolean;
  readonly exclusions: MediatorExclusion[];
}

function compareMediators(a: Scored, b: Scored): number {
  if (a.specialtyMatch !== b.specialtyMatch) return a.specialtyMatch ? -1 : 1;
  if (a.mediator.openCases !== b.mediator.openCases)
    return a.mediator.openCases < b.mediator.openCases ? -1 : 1;
  const ia = a.mediator.id;
  const ib = b.mediator.id;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

function exclusionsOf(m: Mediator, partyKeys: ReadonlySet<string>): MediatorExclusion[] {
  const out: MediatorExclusion[] = [];
  if (!m.active) out.push({ code: 'INACTIVE', zh: '该调解员已停用', en: 'the mediator is inactive' });
  for (const c of m.conflicts) {
    const key = normalisePartyKey(c.partyKey);
    if (key === '' || !partyKeys.has(key)) continue;
    const label = CONFLICT_LABEL.get(c.kind) ?? { zh: c.kind, en: c.kind };
    out.push({
      code: 'CONFLICT_OF_INTEREST',
      conflictKind: c.kind,
      zh: `与当事人存在利害关系（${label.zh}）`,
      en: `declared conflict of interest with a party (${label.en})`,
    });
  }
  if (m.maxOpenCases !== undefined && !(m.openCases < m.maxOpenCases)) {
    out.push({
      code: 'AT_PERSONAL_LIMIT',
      zh: `在办案件已达个人上限（${m.openCases}/${m.maxOpenCases}）`,
      en: `at the personal case limit (${m.openCases}/${m.maxOpenCases})`,
    });
  }
  return out;
}

/**
 * Ranks the body's mediators by specialty match, then open cases, then id, and proposes the first one
 * that is active, has no declared conflict of interest with any party key, and is below its own limit.
 * Mediators of other bodies are ignored (counted in ignoredOtherBody).
 */
export function proposeMediator(
  dispute: RoutingDispute,
  body: Pick<MediationBody, 'id' | 'name'>,
  mediators: readonly Mediator[],
): MediatorProposal {
  const partyKeys = new Set<string>();
  for (const p of dispute.parties) {
    for (const k of p.keys) {
      const key = normalisePartyKey(k);
      if (key !== '') partyKeys.add(key);
    }
  }
  let ignoredOtherBody = 0;
  const scored: Scored[] = [];
  for (const m of mediators) {
    if (m.bodyId !== body.id) {
      ignoredOtherBody++;
      continue;
    }
    scored.push({
      mediator: m,
      specialtyMatch: m.specialties.includes(dispute.category),
      exclusions: exclusionsOf(m, partyKeys),
    });
  }
  scored.sort(compareMediators);
  const winner = scored.find((s) => s.exclusions.length === 0) ?? null;
  const candidates: MediatorEvaluation[] = scored.map((s, i) => ({
    mediatorId: s.mediator.id,
    name: s.mediator.name,
    rank: i + 1,
    specialtyMatch: s.specialtyMatch,
    openCases: s.mediator.openCases,
    exclusions: s.exclusions,
    selected: s === winner,
  }));
  const conflicted = scored.filter((s) => s.exclusions.some((e) => e.code === 'CONFLICT_OF_INTEREST')).length;
  const cat = { zh: categoryLabelZh(dispute.category), en: categoryLabelEn(dispute.category) };
  const conflictNote =
    conflicted > 0
      ? {
          zh: `；已排除 ${conflicted} 名与当事人有利害关系的调解员`,
          en: `; ${conflicted} mediator(s) with a declared conflict of interest excluded`,
        }
      : { zh: '', en: '' };
  if (!winner) {
    return {
      disputeId: dispute.id,
      bodyId: body.id,
      outcome: 'none_available',
      mediatorId: null,
      candidates,
      ignoredOtherBody,
      explanation: {
        zh: `「${body.name}」的 ${scored.length} 名调解员均不可指派（停用、存在利害关系或已达个人上限）${conflictNote.zh}。`,
        en: `None of the ${scored.length} mediators of "${body.name}" can be proposed (inactive, conflicted or at their limit)${conflictNote.en}.`,
      },
    };
  }
  const m = winner.mediator;
  const why = winner.specialtyMatch
    ? {
        zh: `专长与「${cat.zh}」相符，在专长相符的可用调解员中在办案件最少`,
        en: `specialises in ${cat.en} and has the fewest open cases among available specialists`,
      }
    : {
        zh: `没有专长为「${cat.zh}」的可用调解员，按在办案件最少选择`,
        en: `no available mediator specialises in ${cat.en}, so the least-loaded one was chosen`,
      };
  return {
    disputeId: dispute.id,
    bodyId: body.id,
    outcome: 'proposed',
    mediatorId: m.id,
    candidates,
    ignoredOtherBody,
    explanation: {
      zh: `建议由调解员 ${m.name} 承办：${why.zh}（在办 ${m.openCases} 件）${conflictNote.zh}。`,
      en: `Proposed mediator ${m.name}: ${why.en} (${m.openCases} open)${conflictNote.en}.`,
    },
  };
}
