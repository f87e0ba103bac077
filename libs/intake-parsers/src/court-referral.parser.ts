/** Court pre-registration referral rows (诉前委派案件) → CourtReferralRecord. */
import type { CourtParty, CourtReferralRecord } from './intake.types';
import type { FormatRowParser, RowValidator } from './row-validator';

const MAX_MEDIATION_DAYS = 365;
/** Digits with optional thousands separators and up to 2 decimals; '¥'/'元' tolerated. */
const AMOUNT_RE = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*元?$/;

function claimAmount(v: RowValidator): number | null | undefined {
  const cell = v.cell('标的额(元)');
  if (typeof cell === 'number') {
    if (Number.isFinite(cell) && cell >= 0) return Math.round(cell * 100) / 100;
    v.fail('标的额(元)', 'bad claim amount');
    return undefined;
  }
  const text = v.text('标的额(元)');
  if (!text) return null;
  const m = AMOUNT_RE.exec(text.normalize('NFKC'));
  if (!m) {
    v.fail('标的额(元)', 'bad claim amount');
    return undefined;
  }
  return Number(`${m[1].replace(/,/g, '')}${m[2] ?? ''}`);
}

function party(v: RowValidator, role: '原告' | '被告'): CourtParty | null {
  const name = v.required(role, role === '原告' ? 'missing plaintiff' : 'missing defendant');
  const phone = v.phone(`${role}电话`);
  const idNumber = v.idNumber(`${role}身份证号`);
  return name ? { name, phone, idNumber } : null;
}

export const courtReferralParser: FormatRowParser<CourtReferralRecord> = {
  sourceIdColumn: '案号',
  parse(v) {
    const sourceId = v.required('案号', 'missing case number');
    const referredOn = v.date('委派日期', 'unparseable referral date');
    const causeOfAction = v.required('案由', 'missing cause of action');
    const amount = claimAmount(v);
    const plaintiff = party(v, '原告');
    const defendant = party(v, '被告');
    const mediationDays = v.integer('调解期限(日)', 'bad mediation days', 1, MAX_MEDIATION_DAYS);
    if (
      !v.valid ||
      !referredOn ||
      amount === undefined ||
      !plaintiff ||
      !defendant ||
      mediationDays === null
    ) {
      return null;
    }
    return {
      kind: 'court-referral',
      sourceId,
      referredOn,
      court: v.text('委派法院'),
      causeOfAction,
      claimAmount: amount,
      plaintiff,
      defendant,
      mediationDays,
      judge: v.text('承办法官'),
      remarks: v.text('备注'),
    };
  },
};
