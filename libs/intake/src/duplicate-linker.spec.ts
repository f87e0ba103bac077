import type { GridReportRecord, WorkOrderRecord } from '@tiaojie/intake-parsers';
import { planLinks, type LinkItem } from './duplicate-linker';

const grid = (id: string, over: Partial<GridReportRecord> = {}): GridReportRecord => ({
  kind: 'grid-report',
  sourceId: id,
  reportedAt: new Date('2024-06-03T02:00:00Z'),
  gridWorker: '陶建',
  gridWorkerPhone: '19420722267',
  street: '东湖街道',
  community: '湖滨社区',
  grid: '湖滨社区第5网格',
  eventType: '矛盾纠纷',
  eventSubtype: '物业纠纷',
  description: '网格员巡查发现东湖街道湖滨社区星湖大道215号物业纠纷，已现场登记。',
  peopleInvolved: 2,
  partyName: '林斌',
  partyPhone: '17821993518',
  status: '已办结',
  closedAt: null,
  isDispute: true,
  disputeCategory: '物业纠纷',
  ...over,
});
const order = (id: string, over: Partial<WorkOrderRecord> = {}): WorkOrderRecord => ({
  kind: 'work-order',
  sourceId: id,
  source: '本市级',
  acceptedAt: new Date('2024-06-04T01:00:00Z'),
  requestType: '投诉',
  requester: '林斌',
  phone: '17821993518',
  address: '东湖街道湖滨社区星湖大道215号',
  street: '东湖街道',
  content: '林斌来电投诉东湖街道湖滨社区星湖大道215号物业纠纷。',
  category: '矛盾纠纷-物业纠纷',
  isDispute: true,
  disputeCategory: '物业纠纷',
  handlingUnit: '东湖街道办事处',
  timeLimitWorkingDays: 5,
  signedOffAt: null,
  repliedAt: null,
  closedAt: null,
  status: '处理中',
  satisfaction: null,
  ...over,
});
const item = (record: GridReportRecord | WorkOrderRecord, disputeId: string | null = null): LinkItem => ({
  key: `${record.kind}:${record.sourceId}`,
  record,
  disputeId,
  needsDispute: disputeId === null,
});

describe('planLinks', () => {
  it('links a new record to the dispute of its certain duplicate from another channel', () => {
    const plan = planLinks([item(grid('WG1'), 'dispute-1'), item(order('BS1'))]);
    expect(plan.groups).toEqual([
      expect.objectContaining({
        disputeId: 'dispute-1',
        members: [expect.objectContaining({ key: 'work-order:BS1' })],
      }),
    ]);
    expect(plan.linked).toHaveLength(1);
    expect(plan.review).toEqual([]);
  });

  it('gives two new duplicates one new dispute built from the earlier record', () => {
    const plan = planLinks([item(order('BS1')), item(grid('WG1'))]);
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]).toMatchObject({ disputeId: null, primary: { key: 'grid-report:WG1' } });
    expect(plan.groups[0].members.map((m) => m.key).sort()).toEqual(['grid-report:WG1', 'work-order:BS1']);
  });

  it('does not merge two existing disputes: the second certain pair goes to review', () => {
    const plan = planLinks([
      item(grid('WG1'), 'dispute-1'),
      item(grid('WG2'), 'dispute-2'),
      item(order('BS1')),
    ]);
    expect(plan.groups).toHaveLength(1);
    expect(['dispute-1', 'dispute-2']).toContain(plan.groups[0].disputeId);
    expect(plan.linked).toHaveLength(1);
    expect(plan.review).toHaveLength(1);
    expect(plan.review[0].confidence).toBe('certain');
  });

  it('holds a record whose only match is uncertain, and keeps unrelated records apart', () => {
    const other = order('BS9', {
      phone: '13900000000',
      requester: '林斌',
      content: '林斌来电反映物业纠纷，东湖街道湖滨社区星湖大道215号。',
    });
    const plan = planLinks([item(grid('WG1'), 'dispute-1'), item(other)]);
    expect(plan.linked).toEqual([]);
    if (plan.review.length > 0) expect(plan.held.map((h) => h.key)).toEqual(['work-order:BS9']);
    else
      expect(plan.groups).toEqual([
        expect.objectContaining({
          disputeId: null,
          members: [expect.objectContaining({ key: 'work-order:BS9' })],
        }),
      ]);
    const apart = planLinks([
      item(grid('WG1'), 'dispute-1'),
      item(
        order('BS5', {
          phone: '13911112222',
          requester: '王五',
          street: '临港街道',
          address: '临港街道临港社区金川路109号',
          content: '噪声扰民',
        }),
      ),
    ]);
    expect(apart.groups).toEqual([expect.objectContaining({ disputeId: null })]);
    expect(apart.linked).toEqual([]);
  });
});
