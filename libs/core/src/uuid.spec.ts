import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts ids of the UUID shape in either case and refuses anything else', () => {
    expect(isUuid('00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(isUuid('0A1B2C3D-0000-4000-8000-00000000000F')).toBe(true);
    expect(isUuid('00000000-0000-4000-8000-00000000000')).toBe(false);
    expect(isUuid('../../etc/passwd')).toBe(false);
    expect(isUuid(42)).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
