import { DocumentInputError, UnsupportedCharactersError } from './documents.errors';
import { loadCjkFont } from './font.loader';

const coverageCache = new WeakMap<Buffer, ReadonlySet<number>>();

/**
 * Code points mapped by a TrueType/OpenType font's Unicode cmap (format 4 and 12 subtables).
 * Only single-font files are supported (not .ttc collections).
 */
export function fontCodePoints(font: Buffer): ReadonlySet<number> {
  const hit = coverageCache.get(font);
  if (hit) return hit;
  const set = parseUnicodeCmap(font);
  coverageCache.set(font, set);
  return set;
}

/**
 * Distinct characters of `text` (in order of first appearance) that the font cannot draw.
 * Control characters (tab, line breaks) are ignored. Defaults to the committed CJK font.
 */
export function findUnsupportedCharacters(text: string, font: Buffer = loadCjkFont()): string[] {
  const covered = fontCodePoints(font);
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (!covered.has(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Throws UnsupportedCharactersError naming `field` when `text` has characters the font lacks. */
export function assertFontCovers(text: string, field: string, font: Buffer): void {
  const missing = findUnsupportedCharacters(text, font);
  if (missing.length > 0) throw new UnsupportedCharactersError(missing, field);
}

function parseUnicodeCmap(font: Buffer): Set<number> {
  const fail = (why: string): never => {
    throw new DocumentInputError(`not a usable TrueType/OpenType font (${why})`, 'font');
  };
  if (font.length < 12) fail('too short');
  const tag = font.toString('latin1', 0, 4);
  if (tag === 'ttcf') fail('font collections are not supported; extract one face');
  const numTables = font.readUInt16BE(4);
  let cmapOffset = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmapOffset = font.readUInt32BE(rec + 8);
  }
  if (cmapOffset < 0) fail('no cmap table');
  const out = new Set<number>();
  const subtables = font.readUInt16BE(cmapOffset + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = font.readUInt16BE(rec);
    const encoding = font.readUInt16BE(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmapOffset + font.readUInt32BE(rec + 4);
    const format = font.readUInt16BE(sub);
    if (format === 4) readFormat4(font, sub, out);
    else if (format === 12) readFormat12(font, sub, out);
  }
  if (out.size === 0) fail('no Unicode cmap subtable of format 4 or 12');
  return out;
}

function readFormat4(font: Buffer, sub: number, out: Set<number>): void {
  const segCount = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let i = 0; i < segCount; i++) {
    const end = font.readUInt16BE(ends + i * 2);
    const start = font.readUInt16BE(starts + i * 2);
    const delta = font.readUInt16BE(deltas + i * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (rangeOffset === 0) gid = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + i * 2 + rangeOffset + (cp - start) * 2;
        const raw = font.readUInt16BE(at);
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) out.add(cp);
    }
  }
}

function readFormat12(font: Buffer, sub: number, out: Set<number>): void {
  const groups = font.readUInt32BE(sub + 12);
  for (let i = 0; i < groups; i++) {
    const g = sub + 16 + i * 12;
    const start = font.readUInt32BE(g);
    const end = font.readUInt32BE(g + 4);
    const startGid = font.readUInt32BE(g + 8);
    for (let cp = start; cp <= end; cp++) if (startGid + (cp - start) !== 0) out.add(cp);
  }
}
