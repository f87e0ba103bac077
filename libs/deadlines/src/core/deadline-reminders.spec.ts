import { endOfBusinessDay, shanghaiWallClockToInstant } from '@tiaojie/business-time';
import { isOverdue, remaining, reminderTimes } from './deadline-reminders';

const dueAt = endOfBusinessDay('2024-02-21'); // 2024-02-21T15:59:59Z
const isoAll = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('reminderTimes', () => {
  it('reminds at 09:00 Shanghai 3 and 1 calendar days before by default', () => {
    expect(isoAll(reminderTimes(dueAt))).toEqual(['2024-02-18T01:00:00.000Z', '2024-02-20T01:00:00.000Z']);
  });

  it('skips reminders already in the past', () => {
    expect(isoAll(reminderTimes(dueAt, [3, 1], new Date('2024-02-19T00:00:00Z')))).toEqual([
      '2024-02-20T01:00:00.000Z',
    ]);
    expect(isoAll(reminderTimes(dueAt, [3, 1], new Date('2024-02-18T01:00:00Z')))).toEqual([
      '2024-02-18T01:00:00.000Z',
      '2024-02-20T01:00:00.000Z',
    ]);
    expect(reminderTimes(dueAt, [3, 1], new Date('2024-02-21T02:00:00Z'))).toEqual([]);
  });

  it('sorts, removes duplicates and allows the due day itself', () => {
    expect(isoAll(reminderTimes(dueAt, [0, 1, 1, 7]))).toEqual([
      '2024-02-14T01:00:00.000Z',
      '2024-02-20T01:00:00.000Z',
      '2024-02-21T01:00:00.000Z',
    ]);
  });

  it('leaves out a reminder that would come after the deadline', () => {
    const early = shanghaiWallClockToInstant('2024-02-21 08:00')!;
    expect(isoAll(reminderTimes(early, [0, 1]))).toEqual(['2024-02-20T01:00:00.000Z']);
  });

  it('rejects negative or fractional offsets', () => {
    expect(() => reminderTimes(dueAt, [-1])).toThrow(RangeError);
    expect(() => reminderTimes(dueAt, [0.5])).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is on time up to 23:59:59 Shanghai of the due date', () => {
    expect(isOverdue(dueAt, shanghaiWallClockToInstant('2024-02-21 23:59:59')!)).toBe(false);
    expect(isOverdue(dueAt, new Date(dueAt.getTime() + 1))).toBe(true);
    expect(isOverdue(dueAt, shanghaiWallClockToInstant('2024-02-22 00:00:00')!)).toBe(true);
    expect(isOverdue(dueAt, new Date('2024-02-21T12:00:00Z'))).toBe(false);
  });
});

describe('remaining', () => {
  it.each([
    ['2024-02-18T12:00:00Z', { overdue: false, days: 3, hours: 3, minutes: 59, label: '剩余 3 天' }],
    ['2024-02-21T10:00:00Z', { overdue: false, days: 0, hours: 5, minutes: 59, label: '剩余 5 小时' }],
    ['2024-02-21T15:40:00Z', { overdue: false, days: 0, hours: 0, minutes: 19, label: '剩余 19 分钟' }],
    ['2024-02-21T15:59:30Z', { overdue: false, days: 0, hours: 0, minutes: 0, label: '剩余不足 1 分钟' }],
    ['2024-02-21T15:59:59Z', { overdue: false, days: 0, hours: 0, minutes: 0, label: '剩余不足 1 分钟' }],
    ['2024-02-23T18:00:00Z', { overdue: true, days: 2, hours: 2, minutes: 0, label: '已超期 2 天' }],
    ['2024-02-21T19:00:00Z', { overdue: true, days: 0, hours: 3, minutes: 0, label: '已超期 3 小时' }],
  ])('at %s', (now, expected) => {
    expect(remaining(dueAt, new Date(now))).toMatchObject(expected);
  });

  it('reports signed milliseconds', () => {
    expect(remaining(dueAt, new Date('2024-02-21T15:59:58Z')).totalMs).toBe(1000);
    expect(remaining(dueAt, new Date('2024-02-21T16:00:00Z')).totalMs).toBe(-1000);
  });
});
