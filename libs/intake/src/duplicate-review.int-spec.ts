import { Role, type UserActor } from '@tiaojie/core';
import type { AcceptedRow } from '@tiaojie/intake-parsers';
import { DuplicateReviewService } from './duplicate-review.service';
import { IntakeBatchWriter } from './intake-batch.writer';
import { NamedPlaceDirectory } from './place-directory';
import { parseWebhookRows, validateWebhookPayload } from './webhook-row.parser';
import { queryRows, startIntakeContext, TEST_ADMIN, type IntakeTestContext } from './intake.spec-helper';

const gridRow = (id: string, phone: string, name = '林斌') => ({
  事件编号: id,
  上报时间: '2024-06-03 10:00:00',
  网格员: '陶建',
  网格员电话: '19420722267',
  所属街道: '东湖街道',
  所属社区: '湖滨社区',
  所属网格: '湖滨社区第5网格',
  事件大类: '矛盾纠纷',
  事件小类: '物业纠纷',
  事件描述: '网格员巡查发现东湖街道湖滨社区星湖大道215号物业纠纷，业主与物业公司争执，已现场登记。',
  涉及人数: '2',
  当事人: name,
  当事人电话: phone,
  处置状态: '处理中',
  办结时间: '',
});
const orderRow = (id: string, phone: string, name = '林斌') => ({
  工单编号: id,
  工单来源: '本市级',
  受理时间: '2024-06-04 09:00:00',
  诉求类型: '投诉',
  诉求人: name,
  联系电话: phone,
  事发地址: '东湖街道湖滨社区星湖大道215号',
  所属街道: '东湖街道',
  诉求内容: '业主来电反映东湖街道湖滨社区星湖大道215号物业纠纷，业主与物业公司争执。',
  问题分类: '矛盾纠纷-物业纠纷',
  承办单位: '东湖街道办事处',
  '办理时限(工作日)': '5',
  签收时间: '',
  回复时间: '',
  办结时间: '',
  办理状态: '处理中',
  回访满意度: '',
});

describe('duplicate review queue (int)', () => {
  let t: IntakeTestContext;
  const places = new NamedPlaceDirectory([], []);

  let district: UserActor;

  beforeAll(async () => {
    t = await startIntakeContext();
    const [admin] = await queryRows<{ id: string }>(
      t.db,
      `insert into users (display_name, role) values ('区管', 'district_admin') returning id`,
    );
    district = { id: admin.id, role: Role.DistrictAdmin, orgId: null, name: '区管' };
  });
  afterAll(async () => {
    await t.close();
  });

  async function write(format: 'grid-report' | 'work-order', row: object) {
    const rows = parseWebhookRows(format, validateWebhookPayload(format, row)).filter(
      (r): r is AcceptedRow => r.ok,
    );
    expect(rows).toHaveLength(1);
    return t.db.transaction((tx) =>
      t.app.get(IntakeBatchWriter).write(tx, rows, { actor: TEST_ADMIN, runId: null, places }),
    );
  }

  async function dispute(sourceId: string): Promise<string | null> {
    return (
      await queryRows(t.db, `select dispute_id from intake_records where source_id = $1`, [sourceId])
    )[0].dispute_id;
  }

  it("an uncertain match waits without a dispute; confirming links it to the other record's dispute", async () => {
    await write('grid-report', gridRow('WG-R1', '17821993518'));
    const out = await write('work-order', orderRow('BS-R1', '13900001111'));
    expect(out).toMatchObject({ created: 1, disputesCreated: 0, held: 1, queuedForReview: 1 });
    expect(await dispute('BS-R1')).toBeNull();

    const reviews = t.app.get(DuplicateReviewService);
    const [pair] = await reviews.list(district);
    expect(pair).toMatchObject({
      status: 'pending',
      confidence: 'uncertain',
      a: { sourceId: 'WG-R1' },
      b: { sourceId: 'BS-R1' },
    });
    expect(pair.b.people[0].phone).toBe('139****1111');
    expect((pair.reasons as { code: string }[]).map((r) => r.code)).toEqual(
      expect.arrayContaining(['same-name', 'different-phone']),
    );

    await expect(reviews.list({ ...district, role: Role.BodyAdmin })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const decided = await reviews.decide(district, pair.id, 'confirm', '同一业主同一纠纷');
    expect(decided.status).toBe('confirmed');
    expect(await dispute('BS-R1')).toBe(await dispute('WG-R1'));
    await expect(reviews.decide(district, pair.id, 'dismiss')).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = await queryRows(t.db, `select action from audit_log where entity_id = $1`, [pair.id]);
    expect(audit.map((a) => a.action)).toEqual(['intake.duplicate.confirm']);
  });

  it('a record with two pending pairs waits until the last is decided', async () => {
    // BS-R3 (林斌, a third phone) is uncertain against both WG-R1 and a new WG-R3
    await write('grid-report', { ...gridRow('WG-R3', '17821993333'), 上报时间: '2024-06-04 08:00:00' });
    await write('work-order', { ...orderRow('BS-R3', '13900003333'), 受理时间: '2024-06-04 11:00:00' });
    const reviews = t.app.get(DuplicateReviewService);
    const pairs = (await reviews.list(district)).filter((p) => p.b.sourceId === 'BS-R3');
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    await reviews.decide(district, pairs[0].id, 'dismiss');
    expect(await dispute('BS-R3')).toBeNull();
    for (const p of pairs.slice(1)) await reviews.decide(district, p.id, 'dismiss');
    expect(await dispute('BS-R3')).not.toBeNull();
  });

  it('dismissing gives the waiting record its own dispute', async () => {
    await write('grid-report', gridRow('WG-R2', '17821990000', '周敏'));
    const out = await write('work-order', orderRow('BS-R2', '13900002222', '周敏'));
    expect(out.held).toBe(1);
    const pending = (await t.app.get(DuplicateReviewService).list(district)).find(
      (p) => p.b.sourceId === 'BS-R2',
    )!;
    await t.app.get(DuplicateReviewService).decide(district, pending.id, 'dismiss');
    const own = await dispute('BS-R2');
    expect(own).not.toBeNull();
    expect(own).not.toBe(await dispute('WG-R2'));
    const [d] = await queryRows(t.db, `select channel, status, category from disputes where id = $1`, [own]);
    expect(d).toEqual({ channel: 'hotline_12345', status: 'received', category: 'property' });
  });
});
