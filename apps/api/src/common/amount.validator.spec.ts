import { amountProblem, isAmount } from './amount.validator';

describe('isAmount', () => {
  it('accepts finite non-negative numbers with at most two decimals and refuses the rest without throwing', () => {
    for (const ok of [0, 5000, 12.5, 12.34, 1e11]) expect(isAmount(ok)).toBe(true);
    for (const bad of [
      12.345,
      -3.1,
      -0.01,
      -8e-323,
      5e-7,
      1e21,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '12',
      null,
      undefined,
      {},
    ])
      expect(isAmount(bad)).toBe(false);
  });

  it('says in Chinese why an amount is refused: a negative amount is refused, not clamped', () => {
    expect(amountProblem(-500)).toBe('金额不能为负数');
    expect(amountProblem(12.345)).toBe('金额最多保留两位小数');
    expect(amountProblem(2e11)).toBe('金额不能超过 1000 亿元');
    expect(amountProblem('12')).toBe('金额须为数字');
    expect(amountProblem(3600)).toBeNull();
  });
});
