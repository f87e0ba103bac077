import { hasLoneSurrogate, isStorableText } from './well-formed-text';

describe('hasLoneSurrogate', () => {
  it('accepts text, including characters outside the BMP written as surrogate pairs', () => {
    for (const s of ['', '调解', 'abc', '𠀀𩸽 emoji 😀', '\u200f\u202e rtl', 'e\u0301'])
      expect(hasLoneSurrogate(s)).toBe(false);
  });

  it('finds a high or low surrogate without its partner, wherever it is', () => {
    for (const s of [
      '\ud800',
      'a\ud83d',
      '\udc00b',
      'x\ude00y',
      '😀\ud83d',
      '\udc00😀',
      '\ud83d\ud83d\ude00',
    ])
      expect(hasLoneSurrogate(s)).toBe(true);
  });
});

describe('isStorableText', () => {
  it('refuses NUL and unpaired surrogates, keeps everything else', () => {
    expect(isStorableText('调解 😀 \u200f')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false);
  });
});
