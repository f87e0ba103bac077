/** Grid worker report rows (网格上报事件) → GridReportRecord. */
import type { GridReportRecord } from './intake.types';
import type { FormatRowParser, RowValidator } from './row-validator';

export const GRID_DISPUTE_EVENT_TYPE = '矛盾纠纷';
const MAX_PEOPLE = 100_000;

function peopleInvolved(v: RowValidator): number | null {
  const text = v.text('涉及人数').normalize('NFKC');
  if (/^-\d+$/.test(text) || (typeof v.cell('涉及人数') === 'number' && Number(v.cell('涉及人数')) < 0)) {
    return v.fail('涉及人数', 'negative people count');
  }
  return v.integer('涉及人数', 'bad people count', 0, MAX_PEOPLE);
}

export const gridReportParser: FormatRowParser<GridReportRecord> = {
  sourceIdColumn: '事件编号',
  parse(v) {
    const sourceId = v.required('事件编号', 'missing event id');
    const reportedAt = v.dateTime('上报时间', 'unparseable report time', true);
    const gridWorkerPhone = v.phone('网格员电话');
    const description = v.required('事件描述', 'empty description');
    const people = peopleInvolved(v);
    const partyPhone = v.phone('当事人电话');
    const closedAt = v.dateTime('办结时间', 'unparseable close time', false);

    if (reportedAt && closedAt && closedAt < reportedAt) v.fail('办结时间', 'close before report');
    if (!v.valid || !reportedAt || people === null) return null;

    const eventType = v.text('事件大类');
    const eventSubtype = v.text('事件小类');
    const isDispute = eventType === GRID_DISPUTE_EVENT_TYPE;
    return {
      kind: 'grid-report',
      sourceId,
      reportedAt,
      gridWorker: v.text('网格员'),
      gridWorkerPhone,
      street: v.text('所属街道'),
      community: v.text('所属社区'),
      grid: v.text('所属网格'),
      eventType,
      eventSubtype,
      description,
      peopleInvolved: people,
      partyName: v.optionalText('当事人'),
      partyPhone,
      status: v.text('处置状态'),
      closedAt,
      isDispute,
      disputeCategory: isDispute ? eventSubtype || null : null,
    };
  },
};
