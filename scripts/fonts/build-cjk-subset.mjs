#!/usr/bin/env node
/**
 * Builds libs/documents/assets/wqy-microhei-subset.ttf, the CJK font that @tiaojie/documents embeds.
 *
 * Source: Debian's fonts-wqy-microhei (WenQuanYi Micro Hei, Apache-2.0 or GPL-3+ with font exception),
 * face 0 ("WenQuanYiMicroHei") of /usr/share/fonts/truetype/wqy/wqy-microhei.ttc.
 *
 *   apt-get install -y fonts-wqy-microhei
 *   node scripts/fonts/build-cjk-subset.mjs [source.ttc] [output.ttf]
 *
 * Coverage: ASCII, Latin-1, general punctuation, CJK symbols and punctuation, half/full-width forms,
 * every GB2312 character (enumerated by decoding each EUC-CN byte pair with TextDecoder('gb18030')),
 * and all CJK Unified Ideographs U+4E00–U+9FFF that the font has (so names using GBK-only hanzi such
 * as 喆, 堃 or 晗 still render).
 *
 * fontkit's subset.encode() writes only the tables a PDF embedder needs (no cmap, name, OS/2, post),
 * so the result cannot be loaded again as a font. This script keeps fontkit's glyph subsetting
 * (glyf/loca/hmtx with composite glyphs remapped) and adds a format-4 cmap built from the new glyph
 * ids, plus OS/2, name and gasp copied from the source and a version-3 post table, then verifies
 * every code point against the source font (same outline and advance width).
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');

const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const output = process.argv[3] ?? path.join(here, '../../libs/documents/assets/wqy-microhei-subset.ttf');
const FACE = 'WenQuanYiMicroHei';

function gb2312CodePoints() {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = new Set();
  // GB2312 rows 1–9 (symbols) and 16–87 (hanzi) are EUC-CN lead bytes 0xA1–0xA9 and 0xB0–0xF7.
  const leads = [];
  for (let b = 0xa1; b <= 0xa9; b++) leads.push(b);
  for (let b = 0xb0; b <= 0xf7; b++) leads.push(b);
  for (const hi of leads) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      let s;
      try {
        s = decoder.decode(new Uint8Array([hi, lo]));
      } catch {
        continue;
      }
      const cp = s.codePointAt(0);
      if (cp >= 0xe000 && cp <= 0xf8ff) continue; // unassigned cells decode to private use
      out.add(cp);
    }
  }
  return out;
}

function range(from, to) {
  const out = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}

const collection = fontkit.openSync(source);
const font = collection.fonts ? collection.fonts.find((f) => f.postscriptName === FACE) : collection;
if (!font) throw new Error(`face ${FACE} not found in ${source}`);

const gb2312 = gb2312CodePoints();
const hanzi = [...gb2312].filter((cp) => cp >= 0x4e00 && cp <= 0x9fff);
if (hanzi.length !== 6763) throw new Error(`expected 6763 GB2312 hanzi, enumerated ${hanzi.length}`);

const wanted = new Set([
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x2000, 0x206f),
  ...range(0x3000, 0x303f),
  ...range(0xff00, 0xffef),
  ...gb2312,
  ...range(0x4e00, 0x9fff),
]);
const codePoints = [...wanted].filter((cp) => font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
const missingGb = [...gb2312].filter((cp) => !font.hasGlyphForCodePoint(cp));
const missingHanzi = hanzi.filter((cp) => !font.hasGlyphForCodePoint(cp));
if (missingHanzi.length)
  throw new Error(`source lacks GB2312 hanzi: ${missingHanzi.map((c) => c.toString(16))}`);

// --- glyph subset (fontkit) ---------------------------------------------------------------
const subset = font.createSubset();
const cmap = new Map(); // code point -> new glyph id
for (const cp of codePoints) cmap.set(cp, subset.includeGlyph(font.glyphForCodePoint(cp).id));
const base = Buffer.from(subset.encode());

function readTables(buf) {
  const numTables = buf.readUInt16BE(4);
  const tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = buf.toString('latin1', rec, rec + 4);
    const offset = buf.readUInt32BE(rec + 8);
    const length = buf.readUInt32BE(rec + 12);
    tables.set(tag, Buffer.from(buf.subarray(offset, offset + length)));
  }
  return tables;
}

function sourceTable(tag) {
  const entry = font.directory.tables[tag];
  if (!entry) return undefined;
  return Buffer.from(font.stream.buffer.subarray(entry.offset, entry.offset + entry.length));
}

// --- cmap: format 4, referenced from (0,3) and (3,1) -----------------------------------------
function buildCmapFormat4(map) {
  const cps = [...map.keys()].filter((cp) => cp <= 0xfffe).sort((a, b) => a - b);
  const segments = [];
  for (const cp of cps) {
    const gid = map.get(cp);
    const last = segments[segments.length - 1];
    if (last && cp === last.end + 1 && gid === last.startGid + (cp - last.start)) last.end = cp;
    else segments.push({ start: cp, end: cp, startGid: gid });
  }
  segments.push({ start: 0xffff, end: 0xffff, startGid: 0 });
  const segCount = segments.length;
  const length = 16 + segCount * 8;
  if (length > 0xffff) throw new Error(`cmap format 4 too large (${segCount} segments)`);
  const t = Buffer.alloc(length);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= segCount) {
    searchRange *= 2;
    entrySelector++;
  }
  t.writeUInt16BE(4, 0);
  t.writeUInt16BE(length, 2);
  t.writeUInt16BE(0, 4); // language
  t.writeUInt16BE(segCount * 2, 6);
  t.writeUInt16BE(searchRange * 2, 8);
  t.writeUInt16BE(entrySelector, 10);
  t.writeUInt16BE(segCount * 2 - searchRange * 2, 12);
  const ends = 14;
  const starts = ends + segCount * 2 + 2; // + reservedPad
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  segments.forEach((s, i) => {
    t.writeUInt16BE(s.end, ends + i * 2);
    t.writeUInt16BE(s.start, starts + i * 2);
    const delta = s.start === 0xffff ? 1 : (s.startGid - s.start + 0x10000) % 0x10000;
    t.writeUInt16BE(delta, deltas + i * 2);
    t.writeUInt16BE(0, rangeOffsets + i * 2);
  });
  const header = Buffer.alloc(4 + 2 * 8);
  header.writeUInt16BE(0, 0); // version
  header.writeUInt16BE(2, 2); // numTables
  header.writeUInt16BE(0, 4);
  header.writeUInt16BE(3, 6);
  header.writeUInt32BE(header.length, 8);
  header.writeUInt16BE(3, 12);
  header.writeUInt16BE(1, 14);
  header.writeUInt32BE(header.length, 16);
  return Buffer.concat([header, t]);
}

function buildOs2() {
  const os2 = sourceTable('OS/2');
  const cps = [...cmap.keys()];
  os2.writeUInt16BE(Math.min(...cps), 64); // usFirstCharIndex
  os2.writeUInt16BE(Math.min(0xffff, Math.max(...cps)), 66); // usLastCharIndex
  return os2;
}

function buildPost() {
  const post = Buffer.from(sourceTable('post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // version 3: no glyph names
  return post;
}

// --- sfnt writer ---------------------------------------------------------------------------------
function checksum(buf) {
  const padded = Buffer.concat([buf, Buffer.alloc((4 - (buf.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeSfnt(tables) {
  const tags = [...tables.keys()].sort();
  const numTables = tags.length;
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const head = tables.get('head');
  head.writeUInt32BE(0, 8); // checkSumAdjustment, computed below
  const bodies = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag);
    const rec = 12 + i * 16;
    header.write(tag, rec, 4, 'latin1');
    header.writeUInt32BE(checksum(data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  const headOffset = header.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
  return file;
}

const tables = readTables(base);
tables.set('cmap', buildCmapFormat4(cmap));
tables.set('OS/2', buildOs2());
tables.set('name', sourceTable('name'));
tables.set('post', buildPost());
if (sourceTable('gasp')) tables.set('gasp', sourceTable('gasp'));
const result = writeSfnt(tables);

// --- verify ----------------------------------------------------------------------------------------
const check = fontkit.create(result);
if (check.postscriptName !== FACE) throw new Error(`unexpected postscript name ${check.postscriptName}`);
for (const cp of codePoints) {
  const a = font.glyphForCodePoint(cp);
  const b = check.glyphForCodePoint(cp);
  if (b.id === 0 || a.advanceWidth !== b.advanceWidth || a.path.toSVG() !== b.path.toSVG()) {
    throw new Error(`glyph mismatch for U+${cp.toString(16).toUpperCase()}`);
  }
}

writeFileSync(output, result);
console.log(
  `${path.relative(process.cwd(), output)}: ${result.length} bytes, ${check.numGlyphs} glyphs, ` +
    `${codePoints.length} code points (${hanzi.length} GB2312 hanzi; ` +
    `GB2312/GBK symbols absent from the source: ${missingGb.map((c) => 'U+' + c.toString(16).toUpperCase()).join(' ') || 'none'})`,
);
