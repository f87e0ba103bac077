import {
  bucketUpperHours,
  durationBucket,
  IntakeAggregateDelta,
  isRated,
  isSatisfied,
  type IntakeFacts,
} from './intake-aggregate';

const order = (over: Partial<IntakeFacts> = {}): IntakeFacts => ({
  channel: 'hotline_12345',
  source: '省市网',
  street: '东湖街道',
  category: '市容环境',
  disputeCategory: null,
  isDispute: false,
  acceptedAt: new Date('2024-05-05T10:20:24Z'),
  closedAt: new Date('2024-05-07T22:32:11Z'),
  repliedAt: new Date('2024-05-06T06:32:11Z'),
  repliedOnTime: true,
  satisfaction: '基本满意',
  peopleInvolved: null,
  ...over,
});

describe('the 未回访 rule', () => {
  it('counts 满意, 基本满意 and 不满意 as rated; 未回访 and no visit are not rated', () => {
    expect(['满意', '基本满意', '不满意'].map(isRated)).toEqual([true, true, true]);
    expect([null, undefined, '', '未回访'].map(isRated)).toEqual([false, false, false, false]);
    expect(['满意', '基本满意', '不满意', '未回访', null].map(isSatisfied)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('an order not yet visited adds to received and replied but not to rated', () => {
    const d = new IntakeAggregateDelta();
    d.add(null, order({ satisfaction: null }));
    expect(d.dailyRows()[0]).toMatchObject({
      received: 1,
      replied: 1,
      repliedOnTime: 1,
      rated: 0,
      satisfied: 0,
    });
  });
});

describe('IntakeAggregateDelta', () => {
  it('keys a record by its Shanghai acceptance day', () => {
    const d = new IntakeAggregateDelta();
    d.add(null, order({ acceptedAt: new Date('2024-12-31T16:30:00Z') })); // 2025-01-01 00:30 in Shanghai
    expect(d.dailyRows()[0].day).toBe('2025-01-01');
  });

  it('an update moves a record between counters; an unchanged record nets to nothing', () => {
    const d = new IntakeAggregateDelta();
    d.add(order({ satisfaction: null, closedAt: null }), order());
    expect(d.dailyRows()).toEqual([
      expect.objectContaining({ received: 0, closed: 1, rated: 1, satisfied: 1, durationCount: 1 }),
    ]);
    const same = new IntakeAggregateDelta();
    same.add(order(), order());
    expect(same.dailyRows()).toEqual([]);
    expect(same.durationRows()).toEqual([]);
  });

  it('late replies count as replied, not on time; disputes are keyed by their dispute category', () => {
    const d = new IntakeAggregateDelta();
    d.add(
      null,
      order({
        repliedOnTime: false,
        isDispute: true,
        disputeCategory: '物业纠纷',
        category: '矛盾纠纷-物业纠纷',
      }),
    );
    expect(d.dailyRows()[0]).toMatchObject({ isDispute: 1, replied: 1, repliedOnTime: 0 });
    expect(d.categoryRows()).toEqual([
      {
        month: '2024-05-01',
        channel: 'hotline_12345',
        isDispute: 1,
        category: '物业纠纷',
        received: 1,
        closed: 1,
      },
    ]);
  });
});

describe('duration buckets', () => {
  it('are hourly below two days, daily above, capped', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(3599)).toBe(0);
    expect(durationBucket(47 * 3600 + 59)).toBe(47);
    expect(durationBucket(48 * 3600)).toBe(48);
    expect(bucketUpperHours(48)).toBe(72);
    expect(durationBucket(20 * 86400)).toBe(66);
    expect(bucketUpperHours(66)).toBe(21 * 24);
    expect(durationBucket(10_000 * 86400)).toBe(durationBucket(400 * 86400));
  });
});
