/**
 * Mainland ID numbers and phone numbers: validation, normalisation and masking
 * (个人信息保护法: shown masked unless the reader needs them in full).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function chineseIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/**
 * An 18-character mainland ID number: 17 digits (region code not starting with 0,
 * a real birth date from 1900 on) and a valid ISO 7064 MOD 11-2 check character ('x' accepted).
 */
export function isValidChineseId(id: string): boolean {
  if (typeof id !== 'string' || !/^[1-9]\d{16}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  return chineseIdCheckChar(id) === id[17].toUpperCase();
}

/** Trimmed, full-width characters folded, check character upper-cased. */
export function normalizeChineseId(id: string): string {
  return id.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** '320612199308268120' → '3206**********8120' (first 4 and last 4 kept). */
export function maskId(id: string): string {
  const v = id.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** '13812345678' → '138****5678' (first 3 and last 4 kept). */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length < 7) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

const MOBILE_RE = /^1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

/**
 * A phone cell in canonical form: a mainland mobile as 11 digits (spaces, dashes, +86 removed),
 * or a landline with area code ('0513-85123456', extension allowed). null if neither.
 */
export function normalizePhone(phone: string): string | null {
  const p = phone.normalize('NFKC').replace(/[\s()]/g, '');
  const digits = p.replace(/-/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  if (MOBILE_RE.test(digits)) return digits;
  if (LANDLINE_RE.test(p)) return p;
  return null;
}

export function isValidPhone(phone: string): boolean {
  return normalizePhone(phone) !== null;
}
