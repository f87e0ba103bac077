/** 12345 work order rows (工单) → WorkOrderRecord. */
import type { Satisfaction, WorkOrderRecord, WorkOrderSource } from './intake.types';
import type { FormatRowParser, RowValidator } from './row-validator';

export const WORK_ORDER_SOURCES: readonly WorkOrderSource[] = ['省市网', '海心安', '本市级'];
export const SATISFACTION_VALUES: readonly Satisfaction[] = ['满意', '基本满意', '不满意'];
/** Values meaning "not rated". */
export const UNRATED_VALUES: readonly string[] = ['', '未回访'];
export const DISPUTE_CATEGORY_PREFIX = '矛盾纠纷-';
/** Upper bound for 办理时限(工作日): generous, it only catches typos such as 50 for 5. */
const MAX_TIME_LIMIT_DAYS = 60;

function satisfaction(v: RowValidator): Satisfaction | null {
  const text = v.text('回访满意度');
  if (UNRATED_VALUES.includes(text)) return null;
  return v.oneOf('回访满意度', SATISFACTION_VALUES, 'unknown satisfaction');
}

export const workOrderParser: FormatRowParser<WorkOrderRecord> = {
  sourceIdColumn: '工单编号',
  parse(v) {
    const sourceId = v.required('工单编号', 'missing work-order id');
    const source = v.oneOf('工单来源', WORK_ORDER_SOURCES, 'unknown source');
    const acceptedAt = v.dateTime('受理时间', 'unparseable accept time', true);
    const phone = v.phone('联系电话');
    const content = v.required('诉求内容', 'empty content');
    const category = v.required('问题分类', 'missing category');
    const timeLimit = v.integer('办理时限(工作日)', 'bad time limit', 1, MAX_TIME_LIMIT_DAYS);
    const signedOffAt = v.dateTime('签收时间', 'unparseable sign-off time', false);
    const repliedAt = v.dateTime('回复时间', 'unparseable reply time', false);
    const closedAt = v.dateTime('办结时间', 'unparseable close time', false);
    const rating = satisfaction(v);

    if (acceptedAt && signedOffAt && signedOffAt < acceptedAt) v.fail('签收时间', 'sign-off before accept');
    if (signedOffAt && repliedAt && repliedAt < signedOffAt) v.fail('回复时间', 'reply before sign-off');
    if (repliedAt && closedAt && closedAt < repliedAt) v.fail('办结时间', 'close before reply');
    if (!v.valid || !source || !acceptedAt || timeLimit === null) return null;

    const isDispute = category.startsWith(DISPUTE_CATEGORY_PREFIX);
    return {
      kind: 'work-order',
      sourceId,
      source,
      acceptedAt,
      requestType: v.text('诉求类型'),
      requester: v.text('诉求人'),
      phone,
      address: v.text('事发地址'),
      street: v.text('所属街道'),
      content,
      category,
      isDispute,
      disputeCategory: isDispute ? category.slice(DISPUTE_CATEGORY_PREFIX.length).trim() || null : null,
      handlingUnit: v.text('承办单位'),
      timeLimitWorkingDays: timeLimit,
      signedOffAt,
      repliedAt,
      closedAt,
      status: v.text('办理状态'),
      satisfaction: rating,
    };
  },
};
