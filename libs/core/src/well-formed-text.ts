const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when a string holds an unpaired UTF-16 surrogate (JSON allows `"\ud800"`): that is not text, UTF-8 cannot
 * encode it, and node-postgres would store U+FFFD in its place without telling anyone. Inputs are refused instead.
 */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** True when PostgreSQL text and jsonb can hold the string as it is: no NUL, no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !hasLoneSurrogate(s);
}
