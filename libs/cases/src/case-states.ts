import { Role } from '@tiaojie/core';

/**
 * A dispute's states (label, stage, what the party is told comes next) and the types of the lifecycle's
 * transitions (case-lifecycle.ts).
 */
export const CASE_STATUSES = {
  received: { label: '已受理', stage: 1, next: '正在为您分派调解组织' },
  routed: { label: '已分派', stage: 2, next: '等待调解组织签收' },
  returned: { label: '已退回', stage: 2, next: '正在重新分派调解组织' },
  district_queue: { label: '待区级统筹', stage: 2, next: '区矛调中心正在为您协调调解组织' },
  accepted: { label: '已签收', stage: 3, next: '调解组织将指派调解员并安排调解' },
  in_mediation: { label: '调解中', stage: 4, next: '请按调解员安排参加调解' },
  agreement_pending: { label: '协议待签署', stage: 5, next: '请核对调解协议并签名确认' },
  agreement: { label: '达成协议', stage: 5, next: '协议已生效，可在 30 日内共同申请司法确认' },
  no_agreement: { label: '调解不成', stage: 5, next: '可依法申请仲裁、提起诉讼或行政复议' },
  withdrawn: { label: '已撤回', stage: 5, next: '案件已撤回' },
  terminated: { label: '调解终止', stage: 5, next: '调解已终止，可依法通过其他途径解决' },
  confirmation_requested: { label: '司法确认申请中', stage: 6, next: '等待人民法院审查' },
  confirmed: { label: '已司法确认', stage: 6, next: '请按协议履行' },
  confirmation_rejected: { label: '司法确认被驳回', stage: 6, next: '可变更原协议、达成新协议或向法院起诉' },
  performing: { label: '履行中', stage: 7, next: '请按协议约定期限履行' },
  performed: { label: '已履行', stage: 7, next: '调解组织将进行回访' },
  breached: { label: '未履行', stage: 7, next: '可申请司法确认后向法院申请强制执行' },
  enforcement_requested: {
    label: '已申请强制执行',
    stage: 7,
    next: '执行申请已移送人民法院，等待法院接收',
  },
  enforcement_received: { label: '法院已接收执行申请', stage: 7, next: '人民法院依法办理执行' },
  followed_up: { label: '已回访', stage: 8, next: '案件即将结案' },
  closed: { label: '已结案', stage: 9, next: '案件已办结，感谢您的评价' },
} as const;

export type CaseStatus = keyof typeof CASE_STATUSES;

/** How the actor relates to the case; computed per request from the case and its parties. */
export type Relation =
  | 'party'
  | 'applicant'
  | 'handling_body'
  | 'assigned_mediator'
  | 'district'
  | 'court'
  | 'creator'
  | 'former_body'
  | 'any';

export interface Permission {
  role: Role;
  relation: Relation;
}

export type Clock = 'mediation' | 'judicial_confirmation' | 'performance';

export interface TransitionDef {
  action: string;
  label: string;
  from: readonly CaseStatus[];
  /** Target state; `null` keeps the state (e.g. assigning a mediator). */
  to: CaseStatus | null;
  by: readonly Permission[];
  requiresReason?: boolean;
  startsClock?: Clock;
  stopsClock?: Clock;
}
