import { formatDisputeNumber } from './dispute-number';

describe('formatDisputeNumber', () => {
  it('pads to six digits and keeps longer sequence values whole', () => {
    expect(formatDisputeNumber(2026, 7)).toBe('TZ2026-000007');
    expect(formatDisputeNumber(2026, '123456')).toBe('TZ2026-123456');
    expect(formatDisputeNumber(2027, 12_345_678n)).toBe('TZ2027-12345678');
  });
});
