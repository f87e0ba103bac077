import type { CourtReferralRecord, GridReportRecord, IntakeRecord, WorkOrderRecord } from './intake.types';
import { evaluateDuplicatePairs, findCrossChannelDuplicates } from './cross-channel-duplicate.matcher';
import { textSimilarity } from './match-profile';
import {
  collectRows,
  COURT_REFERRALS_FILE,
  GRID_REPORTS_FILE,
  loadAnswerKey,
  WORK_ORDERS_FILE,
} from './sample-fixtures.spec-helper';

const key = loadAnswerKey();

async function sampleRecords(): Promise<IntakeRecord[]> {
  const records: IntakeRecord[] = [];
  for (const file of [WORK_ORDERS_FILE, GRID_REPORTS_FILE, COURT_REFERRALS_FILE]) {
    for (const row of await collectRows(file)) if (row.ok) records.push(row.record);
  }
  return records;
}

describe('findCrossChannelDuplicates on sample-2024', () => {
  let records: IntakeRecord[];
  beforeAll(async () => {
    records = await sampleRecords();
  });

  it('finds the answer key pairs as certain with precision 1.0 and recall 1.0', () => {
    const pairs = findCrossChannelDuplicates(records);
    const certain = pairs.filter((p) => p.confidence === 'certain');
    const evaluation = evaluateDuplicatePairs(certain, key.crossChannelDuplicates);
    expect(evaluation).toMatchObject({ precision: 1, recall: 1, missed: [], spurious: [] });
    expect(evaluation.truePositives).toBe(key.crossChannelDuplicates.length);
    // Nothing else reaches the review queue on the sample either.
    expect(evaluateDuplicatePairs(pairs, key.crossChannelDuplicates).precision).toBe(1);
  });

  it('explains each pair with its reasons', () => {
    const [pair] = findCrossChannelDuplicates(records);
    expect(pair.a.kind).toBe('grid-report');
    expect(pair.b.kind).toBe('work-order');
    expect(pair.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'same-phone',
        'same-name',
        'same-category',
        'close-in-time',
        'same-street',
        'same-community',
        'similar-text',
      ]),
    );
    expect(pair.score).toBeGreaterThanOrEqual(0.8);
    expect(pair.hoursApart).toBeLessThanOrEqual(7 * 24);
  });

  it('sends a pair to review (uncertain) when the phone is missing on one side', () => {
    const [gridId, orderId] = key.crossChannelDuplicates[0];
    const grid = records.find((r) => r.kind === 'grid-report' && r.sourceId === gridId) as GridReportRecord;
    const order = records.find((r) => r.kind === 'work-order' && r.sourceId === orderId) as WorkOrderRecord;
    const [pair] = findCrossChannelDuplicates([{ ...grid, partyPhone: null }, order]);
    expect(pair).toMatchObject({ confidence: 'uncertain' });
    expect(pair.reasons.map((r) => r.code)).not.toContain('same-phone');
  });

  it('respects the time window and ignores repeated deliveries and same-channel pairs', () => {
    const [gridId, orderId] = key.crossChannelDuplicates[0];
    const grid = records.find((r) => r.sourceId === gridId) as GridReportRecord;
    const order = records.find((r) => r.sourceId === orderId) as WorkOrderRecord;
    const later = { ...order, acceptedAt: new Date(grid.reportedAt.getTime() + 8 * 86_400_000) };
    expect(findCrossChannelDuplicates([grid, later])).toEqual([]);
    expect(findCrossChannelDuplicates([grid, later], { windowDays: 10 })).toHaveLength(1);
    expect(findCrossChannelDuplicates([grid, order, order])).toHaveLength(1);
    const secondOrder = { ...order, sourceId: 'BS-OTHER' };
    expect(findCrossChannelDuplicates([order, secondOrder])).toEqual([]);
    expect(findCrossChannelDuplicates([order, secondOrder], { includeSameChannel: true })).toHaveLength(1);
  });

  it('penalises conflicting categories', () => {
    const [gridId, orderId] = key.crossChannelDuplicates[0];
    const grid = records.find((r) => r.sourceId === gridId) as GridReportRecord;
    const order = records.find((r) => r.sourceId === orderId) as WorkOrderRecord;
    const [same] = findCrossChannelDuplicates([grid, order]);
    const [conflicting] = findCrossChannelDuplicates([
      grid,
      { ...order, disputeCategory: '劳资纠纷', content: '拖欠工资' },
    ]);
    expect(conflicting.score).toBeLessThan(same.score);
    expect(conflicting.confidence).toBe('uncertain');
    expect(conflicting.reasons.map((r) => r.code)).toContain('different-category');
  });

  it('matches a court referral to a work order by phone and mapped cause of action', () => {
    const order = records.find(
      (r) => r.kind === 'work-order' && r.disputeCategory === '物业纠纷',
    ) as WorkOrderRecord;
    const referral = records.find((r) => r.kind === 'court-referral') as CourtReferralRecord;
    const linked: CourtReferralRecord = {
      ...referral,
      causeOfAction: '物业服务合同纠纷',
      referredOn: new Date(order.acceptedAt.getTime() + 8 * 3_600_000 + 2 * 86_400_000)
        .toISOString()
        .slice(0, 10),
      plaintiff: { name: order.requester, phone: order.phone, idNumber: referral.plaintiff.idNumber },
    };
    const [pair] = findCrossChannelDuplicates([order, linked]);
    expect(pair).toMatchObject({ a: { kind: 'work-order' }, b: { kind: 'court-referral' } });
    expect(pair.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['same-phone', 'same-name', 'same-category']),
    );
  });
});

describe('textSimilarity', () => {
  it('is 1 for equal texts, high for a reworded report, low for unrelated ones', () => {
    const grid = '薛玲反映与楼上住户袁英因漏水问题多次协商未果，要求协调处理。';
    expect(textSimilarity(grid, grid)).toBe(1);
    expect(
      textSimilarity(grid, '薛玲来电反映与楼上住户袁英因漏水问题多次协商未果，要求协调处理。'),
    ).toBeGreaterThan(0.9);
    expect(textSimilarity(grid, '网格员巡查发现东湖街道存在车辆乱停情况，已现场登记。')).toBeLessThan(0.3);
    expect(textSimilarity('', '')).toBe(0);
  });
});

describe('evaluateDuplicatePairs', () => {
  it('computes precision and recall order-insensitively', () => {
    const found = [
      {
        a: { kind: 'grid-report' as const, sourceId: 'B' },
        b: { kind: 'work-order' as const, sourceId: 'A' },
        score: 1,
        confidence: 'certain' as const,
        reasons: [],
        hoursApart: 1,
      },
      {
        a: { kind: 'grid-report' as const, sourceId: 'C' },
        b: { kind: 'work-order' as const, sourceId: 'D' },
        score: 1,
        confidence: 'certain' as const,
        reasons: [],
        hoursApart: 1,
      },
    ];
    expect(
      evaluateDuplicatePairs(found, [
        ['A', 'B'],
        ['E', 'F'],
      ]),
    ).toEqual({
      truePositives: 1,
      precision: 0.5,
      recall: 0.5,
      missed: [['E', 'F']],
      spurious: [['C', 'D']],
    });
  });
});
