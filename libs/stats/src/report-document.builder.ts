/**
 * The annual report as the district writes it: a Chinese statistics section and its tables (each
 * table also downloadable as CSV). Pure: figures in, paragraphs and tables out.
 */
import type { ReportTable } from '@tiaojie/documents';
import { count, percent } from './metric.util';
import type { AnnualReport, DisputeMetrics } from './stats.types';

export const KIND_LABELS: Record<string, string> = {
  peoples: '人民调解',
  administrative: '行政调解',
  judicial: '司法调解',
};
export const CHANNEL_LABELS: Record<string, string> = {
  online: '线上申请',
  window: '窗口',
  grid: '网格上报',
  hotline_12345: '12345工单',
  court: '法院委派/委托',
  petition: '信访',
  enterprise: '涉企纠纷',
};

export type ReportTableId = 'summary' | 'sources' | 'streets' | 'categories' | 'mediation' | 'bodies';
export const REPORT_TABLE_IDS: readonly ReportTableId[] = [
  'summary',
  'sources',
  'streets',
  'categories',
  'mediation',
  'bodies',
];

/** The statistics section, e.g. "全年共受理网格员上报信息42,800条，办结率100%。12345热线共受理工单15,355件，…". */
export function reportParagraphs(
  r: AnnualReport,
  categoryLabel: (code: string) => string = (c) => c,
): string[] {
  const g = r.gridReports;
  const w = r.workOrders;
  const m = r.mediation;
  const c = r.courtReferrals;
  const sources = Object.entries(w.bySource)
    .map(([s, n]) => `${s}${count(n)}件`)
    .join('、');
  const channels = Object.entries(m.byChannel)
    .sort((a, b) => b[1].received - a[1].received)
    .map(([ch, x]) => `${CHANNEL_LABELS[ch] ?? ch}${count(x.received)}件`)
    .join('、');
  const top = Object.entries(m.byCategory)
    .sort((a, b) => b[1].received - a[1].received)
    .slice(0, 3)
    .map(([code, x]) => `${categoryLabel(code)}${count(x.received)}件`)
    .join('、');
  const paragraphs = [
    `全年共受理网格员上报信息${count(g.received)}条，办结率${percent(g.completionRate)}，其中矛盾纠纷${count(g.disputes)}条。` +
      `12345热线共受理工单${count(w.received)}件，其中${sources}，办结率${percent(w.completionRate)}，按期答复率${percent(w.onTimeReplyRate)}，满意率${percent(w.satisfactionRate)}。`,
    `全年共受理矛盾纠纷${count(m.received)}件${channels ? `（${channels}）` : ''}${top ? `，数量居前的类别为${top}` : ''}；` +
      `调解终结${count(m.concluded)}件，达成协议${count(m.agreements)}件，调解成功率${percent(m.successRate)}。`,
    `法院委派/委托案件${count(c.received)}件，调解成功${count(c.successful)}件，诉前分流率${percent(c.diversionRate)}。` +
      `办理司法确认${count(m.judicialConfirmations)}件；调解组织退回${count(m.returns)}件，转办${count(m.transfers)}件，` +
      `当前超过调解期限${count(m.overdue)}件。`,
  ];
  return paragraphs;
}

const rateCell = (x: number | null) => percent(x);

function mediationRow(label: string, x: DisputeMetrics): (string | number | null)[] {
  return [label, x.received, x.concluded, x.agreements, rateCell(x.successRate), x.closed, x.avgDays];
}

export function reportTables(
  r: AnnualReport,
  categoryLabel: (code: string) => string = (c) => c,
): Record<ReportTableId, ReportTable> {
  const w = r.workOrders;
  const g = r.gridReports;
  const m = r.mediation;
  return {
    summary: {
      title: '主要指标',
      columns: ['指标', '数值'],
      rows: [
        ['网格员上报信息（条）', g.received],
        ['网格上报办结（条）', g.closed],
        ['网格上报办结率', rateCell(g.completionRate)],
        ['12345工单（件）', w.received],
        ['12345工单办结（件）', w.closed],
        ['12345办结率', rateCell(w.completionRate)],
        ['已答复（件）', w.replied],
        ['按期答复（件）', w.repliedOnTime],
        ['按期答复率', rateCell(w.onTimeReplyRate)],
        ['已回访评价（件）', w.rated],
        ['满意及基本满意（件）', w.satisfied],
        ['满意率', rateCell(w.satisfactionRate)],
        ['受理矛盾纠纷（件）', m.received],
        ['调解终结（件）', m.concluded],
        ['达成协议（件）', m.agreements],
        ['调解成功率', rateCell(m.successRate)],
        ['法院委派/委托（件）', r.courtReferrals.received],
        ['委派/委托调解成功（件）', r.courtReferrals.successful],
        ['诉前分流率', rateCell(r.courtReferrals.diversionRate)],
        ['司法确认（件）', m.judicialConfirmations],
        ['退回（件）', m.returns],
        ['转办（件）', m.transfers],
        ['超期未结（件）', m.overdue],
      ],
    },
    sources: {
      title: '12345热线工单按来源',
      columns: [
        '来源',
        '受理',
        '办结',
        '办结率',
        '答复',
        '按期答复',
        '按期答复率',
        '已评价',
        '满意',
        '满意率',
      ],
      rows: [...Object.entries(w.sources), ['合计', w] as const].map(([s, x]) => [
        s,
        x.received,
        x.closed,
        rateCell(x.completionRate),
        x.replied,
        x.repliedOnTime,
        rateCell(x.onTimeReplyRate),
        x.rated,
        x.satisfied,
        rateCell(x.satisfactionRate),
      ]),
    },
    streets: {
      title: '按街道（镇）',
      columns: [
        '街道',
        '网格上报',
        '网格办结',
        '网格办结率',
        '12345工单',
        '工单办结',
        '工单办结率',
        '按期答复率',
        '满意率',
        '矛盾纠纷',
      ],
      rows: r.streets.map((s) => [
        s.street,
        s.gridReceived,
        s.gridClosed,
        rateCell(s.gridCompletionRate),
        s.ordersReceived,
        s.ordersClosed,
        rateCell(s.ordersCompletionRate),
        rateCell(s.onTimeReplyRate),
        rateCell(s.satisfactionRate),
        s.disputes,
      ]),
    },
    categories: {
      // intake records of the three ledgers (imports and live feeds), not the 法院委派/委托 figure, which counts cases
      title: '矛盾纠纷按类别（各渠道受理记录）',
      columns: ['类别', '网格上报', '12345工单', '法院委派台账', '合计'],
      rows: r.disputesByCategory.map((c) => [c.category, c.grid, c.hotline, c.court, c.total]),
    },
    mediation: {
      title: '调解成效（按调解类型、受理渠道、纠纷类别）',
      columns: ['分类', '受理', '调解终结', '达成协议', '成功率', '结案', '平均用时(天)'],
      rows: [
        mediationRow('全部', m),
        ...Object.entries(m.byKind).map(([k, x]) => mediationRow(KIND_LABELS[k] ?? k, x)),
        ...Object.entries(m.byChannel).map(([k, x]) => mediationRow(CHANNEL_LABELS[k] ?? k, x)),
        ...Object.entries(m.byCategory).map(([k, x]) => mediationRow(categoryLabel(k), x)),
      ],
    },
    bodies: {
      title: '调解组织',
      columns: ['调解组织', '受理', '调解终结', '达成协议', '成功率', '退回', '超期未结'],
      rows: r.bodies.map((b) => [
        b.name,
        b.received,
        b.concluded,
        b.agreements,
        rateCell(b.successRate),
        b.returns,
        b.overdue,
      ]),
    },
  };
}
