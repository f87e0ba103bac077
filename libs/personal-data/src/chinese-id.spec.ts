import fc from 'fast-check';
import { chineseIdCheckChar, isValidChineseId, normalizeChineseId } from './chinese-id';
import { maskIdNumber, maskPhone } from './personal-data.masking';
import { isMobilePhone, isValidPhone, normalizePhone } from './phone-number';

/** Arbitrary valid 18-character ID numbers (region, birth date 1900–2099, sequence, check char). */
const validId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return first17 + chineseIdCheckChar(first17);
  });

describe('isValidChineseId (ISO 7064 MOD 11-2)', () => {
  it('accepts known valid numbers, including an X check character in either case', () => {
    expect(isValidChineseId('320612199308268120')).toBe(true);
    expect(isValidChineseId('11010519491231002X')).toBe(true);
    expect(isValidChineseId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character, wrong length, letters, impossible birth dates', () => {
    expect(isValidChineseId('320612199308268121')).toBe(false);
    expect(isValidChineseId('32061219930826812')).toBe(false);
    expect(isValidChineseId('3206121993082681200')).toBe(false);
    expect(isValidChineseId('32061219930826812A')).toBe(false);
    expect(isValidChineseId('320612199302308126')).toBe(false); // 30 February
    expect(isValidChineseId('012345199001011234')).toBe(false);
    expect(isValidChineseId('')).toBe(false);
  });

  it('accepts every generated valid number', () => {
    fc.assert(fc.property(validId, (id) => isValidChineseId(id)));
  });

  it('detects any single changed digit or check character', () => {
    fc.assert(
      fc.property(validId, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, delta) => {
        const chars = '0123456789X';
        const current = chars.indexOf(id[pos]);
        const pool = pos === 17 ? chars : chars.slice(0, 10);
        const replacement = pool[(current + delta) % pool.length];
        fc.pre(replacement !== id[pos]);
        return !isValidChineseId(id.slice(0, pos) + replacement + id.slice(pos + 1));
      }),
    );
  });

  it('rejects numbers whose check character is right but whose birth date or region is impossible', () => {
    // the import's bad rows: each carries a correct check character, so only the date and region tests catch them
    for (const first17 of [
      '32061219930230812',
      '32061218991231812',
      '32061219931301812',
      '01234519900101123',
    ]) {
      expect(isValidChineseId(first17 + chineseIdCheckChar(first17))).toBe(false);
    }
  });

  it('normalises full-width characters, spaces and a lower-case x', () => {
    expect(normalizeChineseId(' １１０１０５１９４９１２３１００２x ')).toBe('11010519491231002X');
  });
});

describe('masking', () => {
  it('masks ID numbers as 4 + 10 stars + 4', () => {
    expect(maskIdNumber('32061219930826123X')).toBe('3206**********123X');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('masks phone numbers as 3 + 4 stars + 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('123')).toBe('***');
  });

  it('never reveals the middle of an ID number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskIdNumber(id);
        return (
          masked.length === 18 && masked.slice(4, 14) === '*'.repeat(10) && masked.slice(-4) === id.slice(-4)
        );
      }),
    );
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0513-85123456', '0513-85123456'],
    ['051385123456', '051385123456'],
  ])('normalises %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('takes an online mobile number only as 11 plain digits', () => {
    expect(isMobilePhone('13812345678')).toBe(true);
    expect(isMobilePhone('138 1234 5678')).toBe(false);
    expect(isMobilePhone('0513-85123456')).toBe(false);
  });

  it.each(['12812345678', '1381234567', '138123456789', 'abc', '12345', '0513-0123'])(
    'rejects %s',
    (input) => {
      expect(isValidPhone(input)).toBe(false);
    },
  );
});
