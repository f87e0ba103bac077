/** Escalation ladder community → street → district: triggers and their wording (internal). */
import type { Escalation, EscalationTrigger } from './decision.types';
import type { DisputeFacts } from './rule.matcher';
import { formatYuan } from './rule.matcher';
import { LEVELS_BY_ORDER, levelLabel } from './routing.constants';

export interface EscalationThresholds {
  readonly claimAmountThreshold: number;
  readonly peopleInvolvedThreshold: number;
  readonly escalateRepeated: boolean;
}

/** Thresholds the dispute crosses; each one raises the required level one rung above the rules' choice. */
export function thresholdTriggers(f: DisputeFacts, t: EscalationThresholds): EscalationTrigger[] {
  const out: EscalationTrigger[] = [];
  if (f.claimAmount !== undefined && f.claimAmount >= t.claimAmountThreshold) {
    out.push({
      code: 'CLAIM_AMOUNT',
      zh: `标的额 ${f.claimText} 元达到 ${formatYuan(t.claimAmountThreshold)} 元的升级标准`,
      en: `the claim amount of ${f.claimText} yuan reaches the ${formatYuan(t.claimAmountThreshold)} yuan threshold`,
    });
  }
  if (f.people >= t.peopleInvolvedThreshold) {
    out.push({
      code: 'PEOPLE_INVOLVED',
      zh: `涉及 ${f.people} 人，达到 ${t.peopleInvolvedThreshold} 人的升级标准`,
      en: `${f.people} people are involved (threshold ${t.peopleInvolvedThreshold})`,
    });
  }
  if (t.escalateRepeated && f.repeated) {
    out.push({ code: 'REPEATED_DISPUTE', zh: '属于重复纠纷', en: 'it is a repeated dispute' });
  }
  return out;
}

export function levelStepTrigger(levelOrder: number, hadEligible: boolean): EscalationTrigger {
  const level = LEVELS_BY_ORDER[levelOrder];
  const label = levelLabel(level);
  return hadEligible
    ? {
        code: 'LEVEL_OVER_CAPACITY',
        level,
        zh: `${label.zh}符合条件的调解组织均已满负荷`,
        en: `every eligible ${label.en} body is over capacity`,
      }
    : {
        code: 'NO_BODY_AT_LEVEL',
        level,
        zh: `${label.zh}没有可受理的调解组织`,
        en: `no eligible body at ${label.en}`,
      };
}

export function describeEscalation(
  fromOrder: number,
  toOrder: number,
  triggers: EscalationTrigger[],
): Escalation {
  const from = LEVELS_BY_ORDER[fromOrder];
  const to = LEVELS_BY_ORDER[toOrder];
  const why = { zh: triggers.map((t) => t.zh).join('，'), en: triggers.map((t) => t.en).join(', and ') };
  if (fromOrder === toOrder) {
    return {
      from,
      to,
      triggers,
      zh: `${why.zh}；已是${levelLabel(to).zh}，无法再升级`,
      en: `${why.en}; already at ${levelLabel(to).en}, no higher level`,
    };
  }
  return {
    from,
    to,
    triggers,
    zh: `因${why.zh}，由${levelLabel(from).zh}升级至${levelLabel(to).zh}`,
    en: `escalated from ${levelLabel(from).en} to ${levelLabel(to).en} because ${why.en}`,
  };
}
