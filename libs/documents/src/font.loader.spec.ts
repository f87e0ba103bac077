import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findUnsupportedCharacters, fontCodePoints } from './font.coverage';
import { cjkFontPath, loadCjkFont } from './font.loader';

function gb2312Hanzi(): number[] {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out: number[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const cp = decoder.decode(new Uint8Array([hi, lo])).codePointAt(0)!;
      if (cp >= 0x4e00 && cp <= 0x9fff) out.push(cp);
    }
  }
  return out;
}

describe('committed CJK font', () => {
  const assets = path.join(__dirname, '..', 'assets');

  it('is resolved next to the source, committed with its licence and provenance', () => {
    expect(cjkFontPath()).toBe(path.join(assets, 'wqy-microhei-subset.ttf'));
    expect(existsSync(path.join(assets, 'LICENSE-wqy-microhei.txt'))).toBe(true);
    expect(readFileSync(path.join(assets, 'README.md'), 'utf8')).toContain(
      'scripts/fonts/build-cjk-subset.mjs',
    );
    const size = statSync(cjkFontPath()).size;
    expect(size).toBeGreaterThan(1_000_000);
    expect(size).toBeLessThan(6_000_000);
  });

  it('covers every GB2312 hanzi', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    const covered = fontCodePoints(loadCjkFont());
    expect(hanzi.filter((cp) => !covered.has(cp))).toEqual([]);
  });

  it('covers ASCII, CJK punctuation and full-width forms', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    const fullWidth = Array.from({ length: 0xff5f - 0xff01 }, (_, i) => String.fromCharCode(0xff01 + i)).join(
      '',
    );
    const punctuation = '　、。〈〉《》「」『』【】〔〕〖〗〇“”‘’…—·￥×÷°±';
    expect(findUnsupportedCharacters(ascii + fullWidth + punctuation)).toEqual([]);
  });

  it('reports characters it cannot draw, once each, ignoring line breaks', () => {
    expect(findUnsupportedCharacters('王喆\n😀𠀀😀\t')).toEqual(['😀', '𠀀']);
  });
});
