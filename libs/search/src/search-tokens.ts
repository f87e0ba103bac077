/**
 * What the case search index holds and how a query is read, without a database: Chinese text is cut into words
 * (ICU's dictionary segmenter, Intl.Segmenter) plus every single Han character, so both 漏水 and 水 find
 * "楼上漏水"; names are kept whole as well as cut; identifiers are kept exact in one normalised form each.
 */

/** Bit per field a case can match on; `fields` of a posting ORs them. */
export const FIELD_BITS = {
  number: 1,
  partyName: 2,
  phone: 4,
  idNumber: 8,
  text: 16,
  intakeId: 32,
  courtCaseNumber: 64,
} as const;
export type SearchField = keyof typeof FIELD_BITS;

/** Rank of a posting: exact identifiers first, then names, then the title, then the description and address. */
export const RANK = { identifier: 0, name: 1, title: 2, text: 3 } as const;

export interface Posting {
  term: string;
  rank: number;
  fields: number;
}

const HAN = /\p{Script=Han}/u;
const MAX_TERM = 64;
const LONG_NUMBER = /^\d{7,}[\dxX]?$/;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Full-width ASCII to half-width, upper case, no spaces: the form identifiers are compared in. */
export function normaliseId(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** A court case number with or without its brackets: （2026）苏0612民诉前调88号 ≡ 2026苏0612民诉前调88号. */
export function courtNumberTerm(raw: string): string {
  return `c:${normaliseId(raw).replace(/[()〔〕[\]【】（）]/g, '')}`;
}

export const CASE_NUMBER = /^TZ\d{4}-\d{6,}$/;
const CASE_NUMBER_PREFIX = /^TZ\d{4}-\d{3,}$/;
export const MOBILE = /^1[3-9]\d{9}$/;
export const ID_NUMBER = /^\d{17}[\dX]$/;
const COURT_NUMBER = /^[(（〔[]?\d{4}[)）〕\]]?[\p{Script=Han}\d]+号$/u;
/** 12345 work orders (SW…, BS…, HXA…), grid events (WG…) and other intake ids: letters then digits. */
const INTAKE_ID = /^[A-Z]{1,6}-?\d{6,}$/;

/** Both forms of a case number: the whole (TZ2026-000123) and its serial without leading zeros (123). */
export function caseNumberTerms(number: string): string[] {
  const n = normaliseId(number);
  const serial = n.slice(n.indexOf('-') + 1).replace(/^0+(?=\d)/, '');
  return [`n:${n}`, `s:${serial}`];
}

/** Words (≥ 2 characters, or a non-Han word such as a house number) and every Han character of a text. */
export function textTerms(text: string | null | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    // long digit runs in free text may be phone or ID numbers: those are found only through their keyed hashes
    if (!s.isWordLike || LONG_NUMBER.test(s.segment)) continue;
    const w = s.segment.slice(0, MAX_TERM);
    if (w.length >= 2 || !HAN.test(w)) out.add(w);
    for (const ch of w) if (HAN.test(ch)) out.add(ch);
  }
  return [...out];
}

/** A name whole (张三, 某某科技有限公司) and cut as text, so part of a company name finds it too. */
export function nameTerms(name: string | null | undefined): string[] {
  if (!name?.trim()) return [];
  const whole = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase().slice(0, MAX_TERM);
  return [...new Set([whole, ...textTerms(name)])];
}

/** What the index knows of one case: its own fields and those of its parties, agents, referral and intake records. */
export interface SearchDocument {
  number: string;
  title: string;
  description: string;
  address: string | null;
  names: string[];
  phones: string[];
  idNumbers: string[];
  intakeIds: string[];
  courtCaseNumbers: string[];
}

/** Keyed hash of a phone or ID number: the index never holds them in clear (see CaseSearchKey). */
export type PersonalHash = (kind: 'p' | 'i', value: string) => string;

/** The postings of one case: one per distinct term, with its best rank and every field it came from. */
export function postingsOf(doc: SearchDocument, hash: PersonalHash): Posting[] {
  const out = new Map<string, Posting>();
  const add = (terms: string[], rank: number, field: SearchField) => {
    for (const term of terms) {
      const p = out.get(term);
      if (p) {
        p.rank = Math.min(p.rank, rank);
        p.fields |= FIELD_BITS[field];
      } else out.set(term, { term, rank, fields: FIELD_BITS[field] });
    }
  };
  add(caseNumberTerms(doc.number), RANK.identifier, 'number');
  add(
    doc.phones.filter(Boolean).map((p) => hash('p', normaliseId(p))),
    RANK.identifier,
    'phone',
  );
  add(
    doc.idNumbers.filter(Boolean).map((p) => hash('i', normaliseId(p))),
    RANK.identifier,
    'idNumber',
  );
  add(
    doc.intakeIds.map((x) => `x:${normaliseId(x)}`),
    RANK.identifier,
    'intakeId',
  );
  add(doc.courtCaseNumbers.map(courtNumberTerm), RANK.identifier, 'courtCaseNumber');
  add(doc.names.flatMap(nameTerms), RANK.name, 'partyName');
  add(textTerms(doc.title), RANK.title, 'text');
  add([...textTerms(doc.description), ...textTerms(doc.address)], RANK.text, 'text');
  return [...out.values()];
}

/** One condition of a query: an exact term, a range of case numbers (prefix), or one of alternative readings. */
export type QueryTerm =
  | { kind: 'exact'; term: string; personal?: 'phone' | 'idNumber' }
  | { kind: 'prefix'; from: string }
  | { kind: 'serial'; term: string; word: string }
  /** A Chinese word: the whole as one term if the index knows it, else every one of its pieces. */
  | { kind: 'words'; whole: string; pieces: string[] };

export const MAX_QUERY_TERMS = 8;

/** Reads `q` into the conditions every result must meet (AND); words are what the snippet highlights. */
export function parseQuery(q: string, hash: PersonalHash): { terms: QueryTerm[]; words: string[] } {
  const terms: QueryTerm[] = [];
  const words: string[] = [];
  for (const raw of q.normalize('NFKC').trim().split(/\s+/).filter(Boolean)) {
    const id = normaliseId(raw);
    if (MOBILE.test(id)) terms.push({ kind: 'exact', term: hash('p', id), personal: 'phone' });
    else if (ID_NUMBER.test(id)) terms.push({ kind: 'exact', term: hash('i', id), personal: 'idNumber' });
    else if (CASE_NUMBER.test(id)) terms.push({ kind: 'exact', term: caseNumberTerms(id)[0] });
    else if (CASE_NUMBER_PREFIX.test(id)) terms.push({ kind: 'prefix', from: `n:${id}` });
    else if (/^\d{3,}$/.test(id)) {
      // a case number's serial, or a number in the text (a house number, an amount)
      terms.push({ kind: 'serial', term: `s:${id.replace(/^0+(?=\d)/, '')}`, word: id });
      words.push(id);
    } else if (COURT_NUMBER.test(id)) {
      terms.push({ kind: 'exact', term: courtNumberTerm(id) });
      words.push(raw);
    } else if (INTAKE_ID.test(id)) terms.push({ kind: 'exact', term: `x:${id}` });
    else {
      const whole = raw.toLowerCase().slice(0, MAX_TERM);
      const pieces = textTerms(raw);
      if (pieces.length === 0) continue;
      terms.push({
        kind: 'words',
        whole,
        pieces: pieces.filter((p) => p.length > 1 || !pieces.some((w) => w.length > 1 && w.includes(p))),
      });
      words.push(raw);
    }
  }
  return { terms, words };
}
