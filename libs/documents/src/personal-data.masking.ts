/**
 * Masking of personal data for documents shown to people who do not need the full value
 * (个人信息保护法; domain reference example `3206**********123X`, `138****5678`).
 */

/**
 * Masks an identity document number. An 18-character mainland ID keeps its first 4 and last 4
 * characters (`320621199001011234` → `3206**********1234`); 15-character IDs likewise. Shorter
 * numbers (passports, permits) keep 2, 1 or no characters at each end. Whitespace is removed and a
 * lowercase check character `x` is upper-cased.
 */
export function maskId(idNumber: string): string {
  const id = idNumber.replace(/\s+/g, '').toUpperCase();
  const keep = id.length >= 15 ? 4 : id.length >= 9 ? 2 : id.length >= 5 ? 1 : 0;
  if (keep === 0) return '*'.repeat(id.length);
  return id.slice(0, keep) + '*'.repeat(id.length - 2 * keep) + id.slice(-keep);
}

/**
 * Masks a phone number. A mainland mobile number (optionally written with +86/86 and separators)
 * becomes `138****5678`. Other numbers keep only their last 4 digits, separators stay in place
 * (`0513-88886666` → `****-****6666`); numbers with fewer than 5 digits are fully masked.
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  const mobile = /^(?:86)?(1\d{10})$/.exec(digits);
  if (mobile && /^[+\d\s-]+$/.test(trimmed)) {
    const n = mobile[1];
    return `${n.slice(0, 3)}****${n.slice(-4)}`;
  }
  const keep = digits.length >= 5 ? 4 : 0;
  let seen = 0;
  return trimmed.replace(/\d/g, (d) => (++seen > digits.length - keep ? d : '*'));
}
