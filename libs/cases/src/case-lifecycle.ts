import { Role } from '@tiaojie/core';
import type { CaseStatus, Permission, Relation, TransitionDef } from './case-states';

/**
 * The one declarative definition of a dispute's lifecycle: transitions between the states of case-states.ts, who may
 * fire each (role + relation to the case) and which time limit a transition starts or stops.
 * Read by the api (authorisation, 409s), the worker (deadlines) and the front end (buttons, tracker).
 */
/** Staff of the handling body: a mediation committee, an administrative department or the court itself. */
const staffOfBody: Permission[] = [
  { role: Role.BodyAdmin, relation: 'handling_body' },
  { role: Role.Mediator, relation: 'handling_body' },
  { role: Role.Judge, relation: 'handling_body' },
  { role: Role.CourtClerk, relation: 'handling_body' },
  { role: Role.Official, relation: 'handling_body' },
];
const mediatorOfCase: Permission[] = [
  { role: Role.Mediator, relation: 'assigned_mediator' },
  { role: Role.Judge, relation: 'assigned_mediator' },
  { role: Role.Official, relation: 'assigned_mediator' },
  { role: Role.BodyAdmin, relation: 'handling_body' },
];
const OUTCOMES = ['agreement', 'no_agreement', 'withdrawn', 'terminated'] as const;
const ENFORCEMENT = ['enforcement_requested', 'enforcement_received'] as const;

export const TRANSITIONS: readonly TransitionDef[] = [
  {
    action: 'route',
    label: '分派',
    from: ['received', 'returned'],
    to: 'routed',
    by: [
      { role: Role.System, relation: 'any' },
      { role: Role.DistrictAdmin, relation: 'district' },
    ],
  },
  {
    action: 'send_to_district',
    label: '转区级统筹',
    from: ['received', 'returned', 'routed'],
    to: 'district_queue',
    by: [{ role: Role.System, relation: 'any' }],
  },
  {
    action: 'manual_route',
    label: '人工分派',
    from: ['district_queue', 'received', 'returned', 'routed'],
    to: 'routed',
    by: [{ role: Role.DistrictAdmin, relation: 'district' }],
    requiresReason: true,
  },
  {
    action: 'accept',
    label: '签收',
    from: ['routed'],
    to: 'accepted',
    by: staffOfBody,
    startsClock: 'mediation',
  },
  {
    action: 'return',
    label: '退回',
    from: ['routed', 'accepted'],
    to: 'returned',
    by: staffOfBody,
    requiresReason: true,
    stopsClock: 'mediation',
  },
  {
    action: 'assign_mediator',
    label: '指派调解员',
    from: ['accepted', 'in_mediation'],
    to: null,
    by: [
      { role: Role.BodyAdmin, relation: 'handling_body' },
      { role: Role.Mediator, relation: 'handling_body' },
    ],
  },
  {
    action: 'start_mediation',
    label: '开始调解',
    from: ['accepted'],
    to: 'in_mediation',
    by: mediatorOfCase,
  },
  {
    action: 'switch_mode',
    label: '切换调解方式',
    from: ['in_mediation', 'agreement_pending'],
    to: null,
    by: mediatorOfCase,
  },
  {
    action: 'draft_agreement',
    label: '起草调解协议',
    from: ['in_mediation', 'agreement_pending'],
    to: 'agreement_pending',
    by: mediatorOfCase,
  },
  {
    action: 'sign',
    label: '签署协议',
    from: ['agreement_pending'],
    to: null,
    by: [{ role: Role.Party, relation: 'party' }],
  },
  {
    action: 'agreement_signed',
    label: '协议生效',
    from: ['agreement_pending'],
    to: 'agreement',
    by: [{ role: Role.System, relation: 'any' }],
    stopsClock: 'mediation',
    startsClock: 'judicial_confirmation',
  },
  {
    action: 'record_failure',
    label: '调解不成',
    from: ['in_mediation', 'agreement_pending'],
    to: 'no_agreement',
    by: mediatorOfCase,
    requiresReason: true,
    stopsClock: 'mediation',
  },
  {
    action: 'withdraw',
    label: '撤回申请',
    from: [
      'received',
      'routed',
      'returned',
      'district_queue',
      'accepted',
      'in_mediation',
      'agreement_pending',
    ],
    to: 'withdrawn',
    by: [{ role: Role.Party, relation: 'applicant' }],
    requiresReason: true,
    stopsClock: 'mediation',
  },
  {
    action: 'terminate',
    label: '终止调解',
    from: ['accepted', 'in_mediation', 'agreement_pending'],
    to: 'terminated',
    by: mediatorOfCase,
    requiresReason: true,
    stopsClock: 'mediation',
  },
  {
    action: 'request_confirmation',
    label: '申请司法确认',
    // from breached too: a party may still apply within 30 days of the agreement taking effect (checked on firing)
    from: ['agreement', 'breached'],
    to: 'confirmation_requested',
    by: [...mediatorOfCase, { role: Role.Party, relation: 'party' }],
    stopsClock: 'judicial_confirmation',
  },
  {
    action: 'confirm',
    label: '确认有效',
    from: ['confirmation_requested'],
    to: 'confirmed',
    by: [
      { role: Role.Judge, relation: 'court' },
      { role: Role.CourtClerk, relation: 'court' },
    ],
  },
  {
    action: 'reject_confirmation',
    label: '驳回申请',
    from: ['confirmation_requested'],
    to: 'confirmation_rejected',
    by: [{ role: Role.Judge, relation: 'court' }],
    requiresReason: true,
  },
  {
    action: 'start_performance',
    label: '开始履行跟踪',
    from: ['agreement', 'confirmed'],
    to: 'performing',
    by: mediatorOfCase,
    stopsClock: 'judicial_confirmation',
    startsClock: 'performance',
  },
  {
    action: 'record_performed',
    label: '履行完毕',
    from: ['performing'],
    to: 'performed',
    by: mediatorOfCase,
    stopsClock: 'performance',
  },
  {
    action: 'record_breach',
    label: '未履行',
    from: ['performing'],
    to: 'breached',
    by: mediatorOfCase,
    requiresReason: true,
    stopsClock: 'performance',
  },
  {
    action: 'apply_enforcement',
    label: '申请强制执行',
    // a judicially confirmed agreement not performed (人民调解法 art. 33); recorded and handed to the court
    from: ['breached', 'confirmed'],
    to: 'enforcement_requested',
    by: [{ role: Role.Party, relation: 'party' }, ...mediatorOfCase],
  },
  {
    action: 'receive_enforcement',
    label: '接收执行申请',
    from: ['enforcement_requested'],
    to: 'enforcement_received',
    by: [
      { role: Role.Judge, relation: 'court' },
      { role: Role.CourtClerk, relation: 'court' },
    ],
  },
  {
    action: 'follow_up',
    label: '回访',
    from: [...OUTCOMES, 'confirmed', 'confirmation_rejected', 'performed', 'breached', ...ENFORCEMENT],
    to: 'followed_up',
    by: mediatorOfCase,
    stopsClock: 'judicial_confirmation',
  },
  {
    action: 'close',
    label: '结案',
    from: [
      ...OUTCOMES,
      'confirmed',
      'confirmation_rejected',
      'performed',
      'breached',
      ...ENFORCEMENT,
      'followed_up',
    ],
    to: 'closed',
    by: mediatorOfCase,
    stopsClock: 'judicial_confirmation',
  },
  {
    action: 'transfer',
    label: '移交',
    from: ['routed', 'accepted', 'in_mediation', 'no_agreement', 'district_queue'],
    to: 'routed',
    by: [...staffOfBody, { role: Role.DistrictAdmin, relation: 'district' }],
    requiresReason: true,
    stopsClock: 'mediation',
  },
  {
    action: 'refer_to_court',
    label: '诉调对接（转法院）',
    from: ['no_agreement', 'terminated'],
    to: 'routed',
    by: [...mediatorOfCase, { role: Role.DistrictAdmin, relation: 'district' }],
    requiresReason: true,
  },
  {
    action: 'extend_deadline',
    label: '延长调解期限',
    from: ['accepted', 'in_mediation', 'agreement_pending'],
    to: null,
    by: [...mediatorOfCase, { role: Role.Judge, relation: 'court' }],
    requiresReason: true,
  },
  {
    action: 'reopen',
    label: '重新启动',
    from: ['closed'],
    to: 'in_mediation',
    by: [{ role: Role.DistrictAdmin, relation: 'district' }],
    requiresReason: true,
    startsClock: 'mediation',
  },
];

const BY_ACTION = new Map(TRANSITIONS.map((t) => [t.action, t]));

export function transitionFor(action: string): TransitionDef | undefined {
  return BY_ACTION.get(action);
}

/** Actions whose `from` includes the status, whoever fires them. */
export function actionsFrom(status: CaseStatus): string[] {
  return TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action);
}

export function isAllowed(def: TransitionDef, role: Role, relations: ReadonlySet<Relation>): boolean {
  return def.by.some((p) => p.role === role && (p.relation === 'any' || relations.has(p.relation)));
}

/** Actions this actor may fire now: drives the front end's buttons. */
export function availableActions(status: CaseStatus, role: Role, relations: ReadonlySet<Relation>): string[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && isAllowed(t, role, relations)).map(
    (t) => t.action,
  );
}
