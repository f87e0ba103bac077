import { CHANNEL_LABELS, KIND_LABELS, LEVEL_LABELS, money, PARTY_TYPE_LABELS } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';

type RoutingRule = Schemas['RoutingRule'];

interface Names {
  category: (c: string) => string;
  street: (c: string) => string;
  community: (c: string) => string;
  body: (id: string) => string;
}

/** A rule's conditions in plain Chinese ("all disputes" when it has none). */
export function conditionText(r: RoutingRule, n: Names): string {
  const c = r.conditions;
  const parts: string[] = [];
  if (c.categories?.length) parts.push(`类别：${c.categories.map(n.category).join('、')}`);
  const places = [...(c.streets ?? []).map(n.street), ...(c.communities ?? []).map(n.community)];
  if (places.length) parts.push(`地点：${places.join('、')}`);
  if (c.claimAmountMin !== undefined || c.claimAmountMax !== undefined) {
    parts.push(
      `标的额：${c.claimAmountMin !== undefined ? money(c.claimAmountMin) : '不限'} 至 ${c.claimAmountMax !== undefined ? money(c.claimAmountMax) : '不限'}`,
    );
  }
  if (c.partyTypes?.length)
    parts.push(`当事人含：${c.partyTypes.map((t) => PARTY_TYPE_LABELS[t] ?? t).join('、')}`);
  if (c.peopleInvolvedMin !== undefined) parts.push(`涉及人数 ≥ ${c.peopleInvolvedMin}`);
  if (c.disputeKinds?.length)
    parts.push(`纠纷性质：${c.disputeKinds.map((k) => KIND_LABELS[k] ?? k).join('、')}`);
  if (c.channels?.length) parts.push(`来源：${c.channels.map((x) => CHANNEL_LABELS[x] ?? x).join('、')}`);
  return parts.length ? parts.join('；') : '所有纠纷';
}

/** Which bodies a rule proposes. */
export function targetText(r: RoutingRule, n: Names): string {
  if (r.target.type === 'bodies')
    return `指定组织：${(r.target.bodyIds ?? []).map(n.body).join('、') || '（未选择）'}`;
  const s = r.target.selector ?? {};
  const parts = [
    s.levels?.length ? s.levels.map((l) => LEVEL_LABELS[l] ?? l).join('/') : '各层级',
    s.kinds?.length ? s.kinds.map((k) => KIND_LABELS[k] ?? k).join('/') : '各类调解组织',
  ];
  const flags = [
    s.matchCategory ? '受理该类别' : null,
    s.inJurisdiction ? '辖区覆盖纠纷发生地' : null,
  ].filter(Boolean);
  return `${parts.join('')}${flags.length ? `（${flags.join('、')}）` : ''}`;
}
