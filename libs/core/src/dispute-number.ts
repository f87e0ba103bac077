/**
 * A dispute's readable number, TZ<year>-NNNNNN: the year it was received (Asia/Shanghai) and the next value of
 * the shared sequence `dispute_number_seq`, at least six digits. Online applications, registrations and bulk imports
 * all number through here.
 */
export function formatDisputeNumber(year: number, n: number | string | bigint): string {
  return `TZ${year}-${String(n).padStart(6, '0')}`;
}
