import type { schema } from '@tiaojie/db';

export type CourtReferralRow = typeof schema.courtReferrals.$inferSelect;

export const REFERRAL_TYPE_LABELS: Record<string, string> = {
  pre_registration: '委派',
  post_registration: '委托',
};
export const PROCEDURE_LABELS: Record<string, string> = { ordinary: '普通程序', simple: '简易程序' };

/** A court referral as the case detail shows it: the court's terms, with their Chinese names. */
export function courtReferralView(r: CourtReferralRow) {
  return {
    courtId: r.courtId,
    referralType: r.referralType,
    referralTypeLabel: REFERRAL_TYPE_LABELS[r.referralType] ?? r.referralType,
    procedure: r.procedure,
    procedureLabel: r.procedure ? (PROCEDURE_LABELS[r.procedure] ?? r.procedure) : null,
    courtCaseNumber: r.courtCaseNumber,
    causeOfAction: r.causeOfAction,
    judgeName: r.judgeName,
    referredOn: r.referredOn,
    mediationDays: r.mediationDays,
  };
}
