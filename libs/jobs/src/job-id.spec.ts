import { delaySeconds, jobIdFor } from './job-id';

describe('job ids and delays', () => {
  it('derives one stable UUID per queue and key', () => {
    const id = jobIdFor('deadline.remind', 'remind:x:2026-03-20T15:59:59.000Z:3');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdFor('deadline.remind', 'remind:x:2026-03-20T15:59:59.000Z:3')).toBe(id);
    expect(jobIdFor('deadline.overdue', 'remind:x:2026-03-20T15:59:59.000Z:3')).not.toBe(id);
    expect(jobIdFor('deadline.remind', 'remind:x:2026-03-20T15:59:59.000Z:1')).not.toBe(id);
  });

  it('turns an instant on the app clock into a delay, due now when past', () => {
    const now = new Date('2026-03-17T00:59:58.500Z');
    expect(delaySeconds(new Date('2026-03-17T01:00:00Z'), now)).toBe(1.5);
    expect(delaySeconds(new Date('2026-03-17T00:00:00Z'), now)).toBeUndefined();
    expect(delaySeconds(undefined, now)).toBeUndefined();
  });
});
