import { count, meanHours, percent, percentileHours, rate, yearRange } from './metric.util';

describe('rate', () => {
  it('is numerator ÷ denominator rounded half-up to 4 decimals', () => {
    expect(rate(13375, 13851)).toBe(0.9656); // 0.965634…: the district's 满意率 96.56%
    expect(rate(454, 485)).toBe(0.9361); // 0.936082…
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(42800, 42800)).toBe(1);
    expect(rate(0, 5)).toBe(0);
  });

  it('rounds an exact half up, in integers (no binary rounding error)', () => {
    expect(rate(1, 20000)).toBe(0.0001); // 0.00005
    expect(rate(3, 20000)).toBe(0.0002); // 0.00015 (Math.round(0.00015 * 1e4) would give 1 or 2 depending on float error)
    expect(rate(12345, 20000)).toBe(0.6173); // 0.61725
    expect(rate(1, 8)).toBe(0.125);
  });

  it('is null when nothing was counted, and refuses non-counts', () => {
    expect(rate(0, 0)).toBeNull();
    expect(() => rate(1.5, 2)).toThrow(RangeError);
    expect(() => rate(-1, 2)).toThrow(RangeError);
  });
});

describe('percent and count', () => {
  it('prints rates as the report does', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(0.9656)).toBe('96.56%');
    expect(percent(0.905)).toBe('90.5%');
    expect(percent(0.9001)).toBe('90.01%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('—');
    expect(count(42800)).toBe('42,800');
  });
});

describe('percentileHours', () => {
  it('reads the p90 bucket of a histogram as its upper bound', () => {
    // 10 durations: 9 in hour bucket 2 (2–3 h), 1 in bucket 50 (4 days)
    expect(
      percentileHours(
        new Map([
          [2, 9],
          [50, 1],
        ]),
      ),
    ).toBe(3);
    expect(
      percentileHours(
        new Map([
          [2, 8],
          [50, 2],
        ]),
      ),
    ).toBe(5 * 24);
    expect(percentileHours(new Map())).toBeNull();
  });

  it('means in hours with one decimal', () => {
    expect(meanHours(3 * 3600 + 1800, 1)).toBe(3.5);
    expect(meanHours(0, 0)).toBeNull();
  });

  it('years are Shanghai date ranges', () => {
    expect(yearRange(2024)).toEqual({ from: '2024-01-01', to: '2025-01-01' });
    expect(() => yearRange(24)).toThrow(RangeError);
  });
});
