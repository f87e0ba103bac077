import { formatShanghai, formatShanghaiDate, formatShanghaiTime } from '@tiaojie/business-time';
import type { Schemas } from './api-types';

type Urgency = Schemas['Urgency'];

/** Every business time is shown in Asia/Shanghai, whatever the device's zone, as the server's notices and PDFs are. */
export const fmtDateTime = (iso: string | null | undefined): string =>
  iso ? formatShanghai(new Date(iso)) : '—';
export const fmtDate = (iso: string | null | undefined): string =>
  iso ? formatShanghaiDate(new Date(iso)) : '—';
export const fmtTime = (iso: string | null | undefined): string =>
  iso ? formatShanghaiTime(new Date(iso)) : '';

export function statusColor(status: string): string {
  if (['agreement', 'confirmed', 'performed', 'closed', 'followed_up'].includes(status)) return 'success';
  if (['no_agreement', 'terminated', 'confirmation_rejected', 'breached'].includes(status)) return 'error';
  if (['withdrawn', 'returned'].includes(status)) return 'default';
  if (
    [
      'in_mediation',
      'agreement_pending',
      'performing',
      'confirmation_requested',
      'enforcement_requested',
      'enforcement_received',
    ].includes(status)
  )
    return 'processing';
  return 'warning';
}

export const URGENCY: Record<Urgency, { color: string; label: string }> = {
  overdue: { color: 'red', label: '已超期' },
  due_soon: { color: 'orange', label: '即将到期' },
  ok: { color: 'green', label: '期限内' },
  none: { color: 'default', label: '未计时' },
};

export const ROLE_LABELS: Record<string, string> = {
  party: '当事人',
  mediator: '调解员',
  body_admin: '调解组织管理员',
  grid_worker: '网格员',
  hotline_operator: '12345话务员',
  court_clerk: '法院立案庭',
  judge: '调解法官',
  official: '行政机关工作人员',
  district_admin: '区综治管理员',
  system: '系统',
};

export const PARTY_ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };

export const MODE_LABELS: Record<string, string> = { joint: '面对面（联合调解）', caucus: '背对背调解' };

/** Short Chinese labels for buttons; falls back to the lifecycle's own label. */
export const ACTION_LABELS: Record<string, string> = {
  accept: '签收',
  return: '退回',
  assign_mediator: '指派调解员',
  start_mediation: '开始调解',
  switch_mode: '切换调解方式',
  draft_agreement: '起草调解协议',
  record_failure: '调解不成',
  terminate: '终止调解',
  close: '结案',
  sign: '签署协议',
  withdraw: '撤回申请',
  request_confirmation: '申请司法确认',
  start_performance: '开始履行跟踪',
  record_performed: '履行完毕',
  record_breach: '未履行',
  follow_up: '回访',
  reopen: '重新启动',
  confirm: '确认有效',
  reject_confirmation: '驳回申请',
  manual_route: '人工分派',
  apply_enforcement: '申请强制执行',
  receive_enforcement: '接收执行申请',
};

export const money = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '—'
    : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`;

/** Today's date in Asia/Shanghai as YYYY-MM-DD, whatever the device's zone. */
export const shanghaiToday = (d: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

export const pct = (r: number | null | undefined): string =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

export const KIND_LABELS: Record<string, string> = {
  peoples: '人民调解',
  administrative: '行政调解',
  judicial: '司法调解',
  industry: '行业性专业性调解',
  court: '人民法院',
  district: '区级统筹',
  grid: '网格中心',
  hotline: '12345 热线',
};
export const LEVEL_LABELS: Record<string, string> = {
  community: '社区级',
  street: '街道级',
  district: '区级',
};
export const CHANNEL_LABELS: Record<string, string> = {
  online: '线上申请',
  window: '窗口',
  grid: '网格上报',
  hotline_12345: '12345 工单',
  court: '法院委派/委托',
  petition: '信访',
  enterprise: '涉企纠纷',
};
export const PARTY_TYPE_LABELS: Record<string, string> = {
  individual: '自然人',
  enterprise: '企业',
  organisation: '社会组织',
  government: '行政机关',
};

/** Court referrals: the time-limit regime tells 委派 from 委托 and the procedure. */
export const REGIME_LABELS: Record<string, string> = {
  court_pre_registration: '委派调解（诉前，30 日）',
  court_post_registration_ordinary: '委托调解（普通程序，15 日）',
  court_post_registration_simple: '委托调解（简易程序，7 日）',
};

/** When the case began, as its channel names it: a court refers (委派 before filing, 委托 after), a party applies. */
export function startedLabel(c: { channel: string; deadlineRegime?: string | null }): string {
  if (c.channel !== 'court') return '申请时间';
  return c.deadlineRegime?.startsWith('court_post_registration') ? '委托日期' : '委派日期';
}

export const REGIME_SHORT: Record<string, string> = {
  court_pre_registration: '委派 · 诉前 30 日',
  court_post_registration_ordinary: '委托 · 普通 15 日',
  court_post_registration_simple: '委托 · 简易 7 日',
};
