/** The one-sentence Chinese and English summaries of a routing decision (internal). */
import type { Bilingual, Escalation, QueueReason, QueueReasonCode } from './decision.types';
import type { CandidateAcc } from './candidate.ranker';
import { kindLabel, levelLabel } from './routing.constants';

export interface AssignedContext {
  readonly winner: CandidateAcc;
  readonly ruleNames: ReadonlyMap<string, string>;
  readonly eligibleCount: number;
  readonly escalation: Escalation | null;
  /** The rules' own level was full and no higher level could take it: a lower-ranked body was chosen. */
  readonly fellBack: boolean;
}

export function assignedSummary(c: AssignedContext): Bilingual {
  const { body } = c.winner.record;
  const level = levelLabel(body.level);
  const kind = kindLabel(body.kind);
  const head = {
    zh: `分派至「${body.name}」（${level.zh}${kind.zh}）`,
    en: `Assigned to "${body.name}" (${level.en}, ${kind.en})`,
  };
  const parts: Bilingual[] = [];
  if (c.winner.proposedBy.length > 0) {
    const top = c.winner.proposedBy.reduce((a, b) => (b.weight > a.weight ? b : a));
    const name = c.ruleNames.get(top.ruleId) ?? top.ruleId;
    const more = c.winner.proposedBy.length - 1;
    parts.push({
      zh: `命中规则「${name}」${more > 0 ? `等 ${more + 1} 条规则` : ''}，得分 ${c.winner.score}`,
      en: `matched rule "${name}"${more > 0 ? ` and ${more} more` : ''}, score ${c.winner.score}`,
    });
  } else {
    parts.push({
      zh: '升级后按辖区与受理范围从登记的调解组织中选出',
      en: 'chosen after escalation from the registered bodies covering the location and accepting the category',
    });
  }
  if (c.escalation) parts.push({ zh: c.escalation.zh, en: c.escalation.en });
  if (c.fellBack) {
    parts.push({
      zh: '规则首选层级的调解组织均已满负荷且无更高层级可接，改派排名其后的候选',
      en: 'the bodies at the level the rules preferred are full and no higher level could take it, so the next-ranked candidate was chosen',
    });
  }
  parts.push({
    zh: `可受理且未满负荷的候选共 ${c.eligibleCount} 个，该组织当前在办 ${body.openCases}/${body.capacity} 件`,
    en: `${c.eligibleCount} eligible candidate(s) with free capacity; its current load is ${body.openCases}/${body.capacity}`,
  });
  return {
    zh: `${head.zh}：${parts.map((p) => p.zh).join('；')}。`,
    en: `${head.en}: ${parts.map((p) => p.en).join('; ')}.`,
  };
}

export interface QueueContext {
  readonly returnsCount: number;
  readonly maxReturns: number;
  readonly candidateCount: number;
  readonly escalation: Escalation | null;
}

export function queueReason(code: QueueReasonCode, c: QueueContext): QueueReason {
  switch (code) {
    case 'RETURN_LIMIT_REACHED':
      return {
        code,
        zh: `该纠纷已被退回 ${c.returnsCount} 次（上限 ${c.maxReturns} 次），不再自动分派`,
        en: `the dispute has been returned ${c.returnsCount} times (limit ${c.maxReturns}); no further automatic assignment`,
      };
    case 'NO_RULE_MATCHED':
      return {
        code,
        zh: '没有启用的分派规则与该纠纷匹配',
        en: 'no enabled routing rule matches the dispute',
      };
    case 'NO_ELIGIBLE_CANDIDATE':
      return {
        code,
        zh: `规则提出的 ${c.candidateCount} 个候选调解组织均不可受理（停用、不在辖区、不受理该类别、层级不足或曾退回）`,
        en:
          `none of the ${c.candidateCount} candidate bodies can take the dispute ` +
          '(inactive, out of jurisdiction, category not accepted, level too low or returned it before)',
      };
    case 'ALL_OVER_CAPACITY':
      return {
        code,
        zh: '可受理的调解组织均已满负荷，逐级升级至区级仍无可接收的组织',
        en: 'every eligible body is over capacity, up to and including district level',
      };
  }
}

export function queueSummary(reason: QueueReason, escalation: Escalation | null): Bilingual {
  const esc = escalation ? { zh: `（${escalation.zh}）`, en: ` (${escalation.en})` } : { zh: '', en: '' };
  return {
    zh: `转区级管理员队列：${reason.zh}${esc.zh}。`,
    en: `Sent to the district admin queue: ${reason.en}${esc.en}.`,
  };
}
