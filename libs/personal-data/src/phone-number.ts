/** Mainland phone numbers: one rule for the online forms, sign-in and the import. */

/** An 11-digit mainland mobile number (for form rules and DTO patterns). */
export const MOBILE_PHONE_RE = /^1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

/** An 11-digit mainland mobile number as typed (no separators, no +86). */
export function isMobilePhone(phone: string): boolean {
  return MOBILE_PHONE_RE.test(phone);
}

/**
 * A phone cell in canonical form: a mainland mobile as 11 digits (spaces, dashes, +86 removed),
 * or a landline with area code ('0513-85123456', extension allowed). null if neither.
 */
export function normalizePhone(phone: string): string | null {
  const p = phone.normalize('NFKC').replace(/[\s()]/g, '');
  const digits = p.replace(/-/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  if (MOBILE_PHONE_RE.test(digits)) return digits;
  if (LANDLINE_RE.test(p)) return p;
  return null;
}

export function isValidPhone(phone: string): boolean {
  return normalizePhone(phone) !== null;
}
