import { CATEGORY_CODES } from '@tiaojie/org';
import type { CourtReferralRecord } from '@tiaojie/intake-parsers';
import {
  categoryCodeOf,
  DISPUTE_CATEGORY_CODES,
  disputeCategoryLabel,
  disputeKindOf,
} from './intake-channel';
import { matchKeysOf, workOrderReplyDueAt } from './intake-record.mapper';

describe('intake categories', () => {
  it('maps every dispute label of the exports onto a category code the platform knows', () => {
    for (const code of Object.values(DISPUTE_CATEGORY_CODES))
      expect(CATEGORY_CODES as readonly string[]).toContain(code);
    expect(categoryCodeOf('物业纠纷')).toBe('property');
    expect(categoryCodeOf('没有的类别')).toBe('other');
  });

  it('court referrals are judicial and take the category of their 案由', () => {
    const court = { kind: 'court-referral', causeOfAction: '物业服务合同纠纷' } as CourtReferralRecord;
    expect(disputeKindOf(court)).toBe('judicial');
    expect(disputeCategoryLabel(court)).toBe('物业纠纷');
  });
});

describe('12345 reply deadline', () => {
  it('ends at 23:59:59 Shanghai of the N-th working day after the sign-off day (holidays and 调休 counted)', () => {
    // signed off Friday 2024-09-13: Saturday 14 Sep is a 调休 workday (1), 15–17 Sep the 中秋 holiday, then 18 (2) and 19 (3)
    expect(workOrderReplyDueAt(new Date('2024-09-13T03:00:00Z'), 3)!.toISOString()).toBe(
      '2024-09-19T15:59:59.000Z',
    );
    // a sign-off at 23:30 Shanghai counts from that Shanghai day
    expect(workOrderReplyDueAt(new Date('2024-06-03T15:30:00Z'), 1)!.toISOString()).toBe(
      '2024-06-04T15:59:59.000Z',
    );
    expect(workOrderReplyDueAt(null, 5)).toBeNull();
  });

  it('matching keys are phone, ID number and name within the street', () => {
    const keys = matchKeysOf({
      kind: 'work-order',
      requester: '林斌',
      phone: '17821993518',
      street: '东湖街道',
    } as never);
    expect(keys.sort()).toEqual(['n:林斌|东湖街道', 'p:17821993518']);
  });
});
