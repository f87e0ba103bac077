/** Mainland resident ID numbers (居民身份证号码, GB 11643): one rule for the online forms, the api and the import. */

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

/** The shape of an 18-character ID number (for telling an ID from a phone in a matching key). */
export function looksLikeChineseId(value: string): boolean {
  return /^\d{17}[\dX]$/.test(value);
}
