import { maskId, maskPhone } from './personal-data.masking';

describe('maskId', () => {
  it('keeps the first 4 and last 4 characters of an 18-character ID', () => {
    expect(maskId('320621199001011234')).toBe('3206**********1234');
  });

  it('upper-cases the check character and drops spaces', () => {
    expect(maskId(' 320621 19900101123x ')).toBe('3206**********123X');
  });

  it('masks 15-character IDs the same way', () => {
    expect(maskId('320621900101123')).toBe('3206*******1123');
  });

  it('reveals less of shorter numbers', () => {
    expect(maskId('E12345678')).toBe('E1*****78');
    expect(maskId('12345')).toBe('1***5');
    expect(maskId('1234')).toBe('****');
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('accepts +86 and separators', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps only the last 4 digits of other numbers, separators in place', () => {
    expect(maskPhone('0513-88886666')).toBe('****-****6666');
  });

  it('masks very short numbers entirely', () => {
    expect(maskPhone('1234')).toBe('****');
  });
});
