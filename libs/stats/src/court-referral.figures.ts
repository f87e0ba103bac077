/**
 * 法院委派/委托 (court referrals), defined once for every place that states it: the dashboard's card and monthly
 * bar, the annual report's text, PDF, XLSX and CSV. A referral is counted as the dispute it created (channel
 * 'court'), on the Shanghai day that dispute was received, whether the court referred it on the platform or it came
 * in with an imported ledger: one population for received, concluded and successful, so the diversion rate divides
 * like by like. A referral linked to an earlier dispute of another channel counts under that dispute's channel.
 */
import { rate } from './metric.util';
import type { DateRange, StatsQueryRepository } from './stats-query.repository';
import type { CourtReferralSection } from './stats.types';

export const COURT_CHANNEL = 'court';

/** Referrals received in the range, and how many of them concluded and ended in an agreement. */
export async function courtReferralFigures(
  q: StatsQueryRepository,
  range: DateRange,
): Promise<CourtReferralSection> {
  const [row] = await q.disputes('channel', range, { values: [COURT_CHANNEL] });
  const received = row?.received ?? 0;
  const successful = row?.agreements ?? 0;
  return {
    received,
    concluded: row?.concluded ?? 0,
    successful,
    diversionRate: rate(successful, received),
  };
}

/** Referrals received per day or month of the range (periods without any are left out). */
export async function courtReferralSeries(
  q: StatsQueryRepository,
  range: DateRange,
  by: 'day' | 'month',
): Promise<{ period: string; received: number }[]> {
  const rows = await q.disputes('channel', range, { values: [COURT_CHANNEL], by });
  return rows.map((r) => ({ period: r.period!, received: r.received }));
}
