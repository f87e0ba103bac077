import { isAmount } from './amount.validator';

describe('isAmount', () => {
  it('accepts finite numbers with at most two decimals and refuses the rest without throwing', () => {
    for (const ok of [0, 5000, 12.5, 12.34, -3.1, 1e21]) expect(isAmount(ok)).toBe(true);
    for (const bad of [
      12.345,
      -8e-323,
      5e-7,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '12',
      null,
      undefined,
      {},
    ])
      expect(isAmount(bad)).toBe(false);
  });
});
