import { maskIdNumber, maskName, maskNamesIn, maskPhone } from '@tiaojie/personal-data';
import { FIELD_BITS, SearchField } from '@tiaojie/search';

export interface SearchPartyRow {
  disputeId: string;
  name: string;
  partyType: string;
  phone: string | null;
  idNumber: string | null;
}

export interface SearchTextRow {
  id: string;
  title: string;
  description: string;
  address: string | null;
}

const SNIPPET_SIDE = 18;

/** Field names of a posting's bits, in a fixed order. */
export function matchedFields(bits: number): SearchField[] {
  return (Object.keys(FIELD_BITS) as SearchField[]).filter((f) => (bits & FIELD_BITS[f]) !== 0);
}

/** The first of `words` in `text` with some characters either side, or null. */
function around(text: string | null, words: readonly string[]): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ');
  let at = -1;
  let len = 0;
  for (const w of words) {
    const i = flat.toLowerCase().indexOf(w.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) [at, len] = [i, w.length];
  }
  if (at < 0) return null;
  const start = Math.max(0, at - SNIPPET_SIDE);
  const end = Math.min(flat.length, at + len + SNIPPET_SIDE);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/**
 * The line that shows why a case matched: the party whose phone or ID number it was (masked: a search shows
 * personal numbers of others masked), the names, or the words in context. A former body sees names masked.
 */
export function snippetOf(
  fields: SearchField[],
  words: readonly string[],
  personal: { phone?: string; idNumber?: string },
  text: SearchTextRow | undefined,
  parties: SearchPartyRow[],
  masked: boolean,
): string | undefined {
  const shown = (name: string, type: string) => (masked ? (maskName(name, type) ?? '') : name);
  if (fields.includes('phone') || fields.includes('idNumber')) {
    const p = parties.find(
      (x) =>
        (personal.phone && x.phone === personal.phone) ||
        (personal.idNumber && x.idNumber?.toUpperCase() === personal.idNumber),
    );
    const number = personal.phone
      ? `电话 ${maskPhone(personal.phone)}`
      : `身份证 ${maskIdNumber(personal.idNumber)}`;
    return p ? `当事人 ${shown(p.name, p.partyType)} · ${number}` : number;
  }
  const inText =
    text && (around(text.description, words) ?? around(text.address, words) ?? around(text.title, words));
  if (inText && fields.includes('text')) return masked ? maskNamesIn(inText, parties) : inText;
  if (fields.includes('partyName') && parties.length > 0)
    return `当事人 ${parties.map((p) => shown(p.name, p.partyType)).join('、')}`;
  return undefined;
}
