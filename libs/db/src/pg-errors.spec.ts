import { isUniqueViolation } from './pg-errors';

describe('isUniqueViolation', () => {
  const pg = {
    code: '23505',
    constraint: 'disputes_client_key_idx',
    message: 'duplicate key value violates unique constraint "disputes_client_key_idx"',
  };
  it("finds the driver error directly or under drizzle's cause, by constraint when asked", () => {
    expect(isUniqueViolation(pg)).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('Failed query'), { cause: pg }))).toBe(true);
    expect(isUniqueViolation({ cause: pg }, 'disputes_client_key_idx')).toBe(true);
    expect(isUniqueViolation({ cause: pg }, 'court_referrals_case_number')).toBe(false);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
