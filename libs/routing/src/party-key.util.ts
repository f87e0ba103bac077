/**
 * Normalises a party identity (phone, ID number, organisation name) so that declared conflicts of
 * interest and dispute parties compare equal however they were typed: NFKC (full-width → half-width),
 * case-folded, whitespace and common separators removed, a +86/0086 prefix dropped from mobile numbers.
 */
export function normalisePartyKey(raw: string): string {
  const folded = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.·()[\]]/g, '');
  const mobile = /^(?:\+86|0086|86)(1\d{10})$/.exec(folded);
  return mobile ? mobile[1] : folded;
}
