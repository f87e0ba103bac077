import { Card, Col, Row, Statistic } from 'antd';
import { pct } from '../../lib/format';
import type { Schemas } from '../../lib/api-types';

type StatsSummary = Schemas['DashboardSummary'];

function Kpi({
  title,
  value,
  suffix,
  note,
  testId,
}: {
  title: string;
  value: number | string;
  suffix?: string;
  note?: string;
  testId?: string;
}) {
  return (
    <Col flex="1 0 180px">
      <Card size="small" style={{ height: '100%' }} data-testid={testId}>
        <Statistic title={title} value={value} suffix={suffix} />
        {note && (
          <div className="tj-muted" style={{ fontSize: 12, marginTop: 4 }}>
            {note}
          </div>
        )}
      </Card>
    </Col>
  );
}

/** Headline figures as the district's annual report uses them (办结率, 按期答复率, 满意率, 调解成功率). */
export function KpiCards({ s }: { s: StatsSummary }) {
  const m = s.mediation;
  const i = s.intake;
  return (
    <Row gutter={[12, 12]}>
      {i && (
        <Kpi
          title="网格上报"
          value={i.grid.received}
          suffix="条"
          note={`办结率 ${pct(i.grid.completionRate)} · 矛盾纠纷 ${i.grid.disputes} 条`}
          testId="kpi-grid"
        />
      )}
      {i && (
        <Kpi
          title="12345 工单"
          value={i.workOrders.received}
          suffix="件"
          note={`办结率 ${pct(i.workOrders.completionRate)}`}
          testId="kpi-orders"
        />
      )}
      {i && (
        <Kpi
          title="按期答复率 / 满意率"
          value={pct(i.workOrders.onTimeReplyRate)}
          note={`满意率 ${pct(i.workOrders.satisfactionRate)}（已回访 ${i.workOrders.rated} 件）`}
        />
      )}
      <Kpi
        title="受理矛盾纠纷"
        value={m.received}
        suffix="件"
        note={`已办结 ${m.closed} 件`}
        testId="kpi-disputes"
      />
      <Kpi
        title="调解成功率"
        value={pct(m.successRate)}
        note={`调解终结 ${m.concluded} 件，达成协议 ${m.agreements} 件`}
      />
      <Kpi
        title="超期未结"
        value={m.overdue}
        suffix="件"
        note={m.avgDays !== null ? `平均办理 ${m.avgDays} 天` : undefined}
      />
      {s.courtReferrals && (
        <Kpi
          title="法院委派/委托"
          value={s.courtReferrals.received}
          suffix="件"
          note={`调解成功 ${s.courtReferrals.successful} 件，诉前分流率 ${pct(s.courtReferrals.diversionRate)}`}
          testId="kpi-court"
        />
      )}
    </Row>
  );
}
