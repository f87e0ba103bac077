import { formatShanghai } from '@tiaojie/business-time';

/**
 * Chinese texts of the case notices, short like government SMS (the outbox prefixes 【调解平台】). They carry the
 * case number and the names of organisations only: never another person's name, phone or a link with a token.
 */
export type CaseNoticeKind =
  | 'case.routed'
  | 'case.district_queue'
  | 'case.accepted'
  | 'case.returned'
  | 'case.transferred'
  | 'case.referred_to_court'
  | 'case.mediator_assigned'
  | 'session.scheduled'
  | 'session.changed'
  | 'session.cancelled'
  | 'agreement.to_sign'
  | 'agreement.other_signed'
  | 'agreement.party_signed'
  | 'agreement.in_force'
  | 'confirmation.confirmed'
  | 'confirmation.rejected'
  | 'performance.reminder'
  | 'follow_up.due'
  | 'case.closed'
  | 'case.no_agreement'
  | 'case.withdrawn'
  | 'case.terminated';

/** Who reads the notice: a party of the case, or staff working on it. */
export type NoticeAudience = 'party' | 'staff';

export interface NoticeFacts {
  number: string;
  /** The body the case is now with (routed, transferred, accepted). */
  bodyName?: string | null;
  session?: { at: Date; online: boolean; place?: string | null } | null;
  /** 'YYYY-MM-DD' of a performance item. */
  dueOn?: string | null;
}

export interface NoticeText {
  title: string;
  body: string;
}

const by = (f: NoticeFacts) => f.bodyName ?? '调解组织';

function sessionText(f: NoticeFacts): string {
  const s = f.session;
  if (!s) return '';
  const where = s.online ? '在线进行（请登录平台进入调解室）' : `在${s.place ?? '调解组织'}进行`;
  return `${formatShanghai(s.at)}${where}`;
}

function dueOnText(dueOn: string | null | undefined): string {
  if (!dueOn) return '约定期限';
  const [y, m, d] = dueOn.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

type Template = (f: NoticeFacts) => NoticeText;

const PARTY: Record<CaseNoticeKind, Template | null> = {
  'case.routed': (f) => ({
    title: `案件已分派（${f.number}）`,
    body: `您的纠纷已分派至${by(f)}，请留意后续通知。`,
  }),
  'case.district_queue': (f) => ({
    title: `案件协调中（${f.number}）`,
    body: '区矛调中心正在为您协调调解组织，请留意后续通知。',
  }),
  'case.accepted': (f) => ({
    title: `案件已签收（${f.number}）`,
    body: `${by(f)}已签收您的案件，将指派调解员并安排调解。`,
  }),
  'case.returned': (f) => ({
    title: `案件已退回（${f.number}）`,
    body: `${by(f)}退回了您的案件，平台正在为您重新分派。`,
  }),
  'case.transferred': (f) => ({
    title: `案件已移交（${f.number}）`,
    body: `您的案件已移交至${by(f)}办理，请留意后续通知。`,
  }),
  'case.referred_to_court': (f) => ({
    title: `案件已转法院（${f.number}）`,
    body: `您的案件已转至${by(f)}，请留意后续通知。`,
  }),
  'case.mediator_assigned': null,
  'session.scheduled': (f) => ({
    title: `调解安排（${f.number}）`,
    body: `调解定于${sessionText(f)}，请准时参加。`,
  }),
  'session.changed': (f) => ({
    title: `调解时间变更（${f.number}）`,
    body: `调解改为${sessionText(f)}，请准时参加。`,
  }),
  'session.cancelled': (f) => ({
    title: `调解取消（${f.number}）`,
    body: `原定${sessionText(f)}的调解已取消，另行通知。`,
  }),
  'agreement.to_sign': (f) => ({
    title: `协议待签署（${f.number}）`,
    body: '调解协议已拟定，请登录平台核对并签名确认。',
  }),
  'agreement.other_signed': (f) => ({
    title: `对方已签署（${f.number}）`,
    body: '对方当事人已签署调解协议，请登录平台核对并签名确认。',
  }),
  'agreement.party_signed': null,
  'agreement.in_force': (f) => ({
    title: `协议已生效（${f.number}）`,
    body: '各方已签署，调解协议已生效。可在30日内共同申请司法确认。',
  }),
  'confirmation.confirmed': (f) => ({
    title: `司法确认有效（${f.number}）`,
    body: '人民法院已确认调解协议有效，请按协议履行。',
  }),
  'confirmation.rejected': (f) => ({
    title: `司法确认被驳回（${f.number}）`,
    body: '人民法院驳回了司法确认申请，可变更原协议、达成新协议或向法院起诉。',
  }),
  'performance.reminder': (f) => ({
    title: `履行提醒（${f.number}）`,
    body: `协议约定的履行期限${dueOnText(f.dueOn)}将至，请按时履行。`,
  }),
  'follow_up.due': (f) => ({
    title: `回访通知（${f.number}）`,
    body: `协议已履行完毕，${by(f)}将近期回访，感谢配合。`,
  }),
  'case.closed': (f) => ({ title: `案件已结案（${f.number}）`, body: '您的案件已办结，感谢您的配合。' }),
  'case.no_agreement': (f) => ({
    title: `调解未达成协议（${f.number}）`,
    body: '调解未能达成协议，可依法申请仲裁、提起诉讼或行政复议。',
  }),
  'case.withdrawn': (f) => ({ title: `案件已撤回（${f.number}）`, body: '调解申请已撤回，案件不再办理。' }),
  'case.terminated': (f) => ({
    title: `调解已终止（${f.number}）`,
    body: '调解已终止，可依法通过其他途径解决。',
  }),
};

const STAFF: Record<CaseNoticeKind, Template | null> = {
  'case.routed': (f) => ({
    title: `新案件待签收（${f.number}）`,
    body: '有一件纠纷分派至本单位，请及时签收。',
  }),
  'case.district_queue': (f) => ({
    title: `待区级统筹（${f.number}）`,
    body: '有一件纠纷未能自动分派，请协调调解组织。',
  }),
  'case.accepted': null,
  'case.returned': null,
  'case.transferred': (f) => ({
    title: `移交案件待签收（${f.number}）`,
    body: '有一件纠纷移交至本单位，请及时签收。',
  }),
  'case.referred_to_court': (f) => ({
    title: `诉调对接案件（${f.number}）`,
    body: '有一件调解不成的纠纷转至本院，请及时签收。',
  }),
  'case.mediator_assigned': (f) => ({
    title: `指派承办（${f.number}）`,
    body: '您已被指派为本案承办调解员，请及时开展调解。',
  }),
  'session.scheduled': null,
  'session.changed': null,
  'session.cancelled': null,
  'agreement.to_sign': null,
  'agreement.other_signed': null,
  'agreement.party_signed': (f) => ({
    title: `当事人已签署（${f.number}）`,
    body: '有当事人签署了调解协议，尚待其他当事人签署。',
  }),
  'agreement.in_force': (f) => ({
    title: `协议已生效（${f.number}）`,
    body: '各方当事人均已签署，调解协议已生效。',
  }),
  'confirmation.confirmed': (f) => ({
    title: `司法确认有效（${f.number}）`,
    body: '人民法院已确认调解协议有效，请跟踪履行。',
  }),
  'confirmation.rejected': (f) => ({
    title: `司法确认被驳回（${f.number}）`,
    body: '人民法院驳回了司法确认申请，请告知当事人后续途径。',
  }),
  'performance.reminder': (f) => ({
    title: `履行期限将至（${f.number}）`,
    body: `履行期限${dueOnText(f.dueOn)}将至，请跟踪当事人履行情况。`,
  }),
  'follow_up.due': (f) => ({
    title: `待回访（${f.number}）`,
    body: '协议已履行完毕，请安排回访并记录满意度。',
  }),
  'case.closed': null,
  'case.no_agreement': null,
  'case.withdrawn': (f) => ({
    title: `当事人撤回（${f.number}）`,
    body: '申请人已撤回调解申请，案件不再办理。',
  }),
  'case.terminated': null,
};

/** The text of a notice for an audience, or null when that audience is not told of this step. */
export function caseNoticeText(
  kind: CaseNoticeKind,
  audience: NoticeAudience,
  facts: NoticeFacts,
): NoticeText | null {
  const t = (audience === 'party' ? PARTY : STAFF)[kind];
  return t ? t(facts) : null;
}
