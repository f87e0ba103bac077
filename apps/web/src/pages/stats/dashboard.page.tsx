import { useState } from 'react';
import { Button, Card, Col, Row, Select, Space } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { labels, useDirectory } from '../../lib/directory';
import { CHANNEL_LABELS, KIND_LABELS, pct, shanghaiToday } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { PageState } from '../../components/page-state';
import { BarList, type BarItem } from '../../components/charts/bar-list';
import { SeriesChart, type Series } from '../../components/charts/series-chart';
import { KpiCards } from './kpi-cards';
import { AnnualReportCard } from './annual-report-card';
import { WarningsCard } from './warnings-card';
import type { Schemas } from '../../lib/api-types';
import type { operations } from '../../lib/api-schema';
import { PageTitle } from '../../components/page-title';

type SessionUser = Schemas['SignedInUser'];
type DisputeMetrics = Schemas['DisputeMetrics'];
type Channel = NonNullable<operations['StatsController_summary']['parameters']['query']['channel']>;

const FIRST_YEAR = 2024;

function bars(
  rec: Record<string, DisputeMetrics> | undefined,
  name: (k: string) => string,
  withRate = false,
): BarItem[] {
  return Object.entries(rec ?? {})
    .filter(([k]) => k !== '')
    .map(([k, m]) => ({
      key: k,
      label: name(k),
      value: m.received,
      note: withRate && m.concluded > 0 ? `成功率 ${pct(m.successRate)}` : undefined,
    }));
}

/** 统计分析: headline figures, monthly intake, breakdowns by channel, category, street and body, warnings, annual report. */
export function DashboardPage({ user }: { user: SessionUser }) {
  const dir = useDirectory();
  const L = labels(dir.data);
  const today = shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => thisYear - i);
  const [year, setYear] = useState(thisYear);
  const [channel, setChannel] = useState<Channel | undefined>(undefined);
  const district = user.role === 'district_admin';
  const data = useAsync(async () => {
    const query = { from: `${year}-01-01`, to: `${year + 1}-01-01`, channel };
    const [summary, series] = await Promise.all([
      unwrap(apiClient.GET('/api/stats/summary', { params: { query } })),
      unwrap(apiClient.GET('/api/stats/series', { params: { query: { ...query, granularity: 'month' } } })),
    ]);
    return { summary, series };
  }, [year, channel]);

  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const s = data.data;
  const byPeriod = (rows: { period: string; received: number }[]) =>
    Object.fromEntries(rows.map((r) => [r.period, r.received]));
  const intake = s?.series.intake ?? [];
  const trend: Series[] = [
    ...(s?.series.intake
      ? [
          {
            name: '网格上报',
            color: '#1677ff',
            values: byPeriod(intake.filter((r) => r.channel === 'grid')),
          },
          {
            name: '12345 工单',
            color: '#fa8c16',
            values: byPeriod(intake.filter((r) => r.channel === 'hotline_12345')),
          },
          {
            name: '法院委派/委托',
            color: '#722ed1',
            values: byPeriod(s?.series.courtReferrals ?? []),
          },
        ]
      : []),
    { name: '矛盾纠纷受理', color: '#52c41a', values: byPeriod(s?.series.disputes ?? []) },
    ...(!s?.series.intake
      ? [
          {
            name: '调解终结',
            color: '#13c2c2',
            values: Object.fromEntries((s?.series.disputes ?? []).map((r) => [r.period, r.concluded])),
          },
        ]
      : []),
  ];
  const b = s?.summary.breakdowns;
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>统计分析{district ? '' : '（本组织）'}</PageTitle>
        <Space wrap>
          <label htmlFor="stats-year">统计年度</label>
          <Select
            id="stats-year"
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
          {district && (
            <>
              <label htmlFor="stats-channel">纠纷来源</label>
              <Select
                id="stats-channel"
                allowClear
                placeholder="全部"
                value={channel}
                onChange={setChannel}
                style={{ width: 140 }}
                options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </>
          )}
          <Button onClick={() => void data.reload()} loading={data.loading && !!data.data}>
            刷新
          </Button>
        </Space>
      </div>
      <PageState loading={data.loading} error={data.error} hasData={!!s} onRetry={data.reload}>
        {s && (
          <>
            <KpiCards s={s.summary} />
            <Card size="small" title={`${year} 年月度受理情况`} data-testid="chart-trend">
              <SeriesChart periods={months} series={trend} label={`${year} 年月度受理情况`} />
            </Card>
            {b && (
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <Card size="small" title="矛盾纠纷来源">
                    <BarList label="按来源渠道" items={bars(b.byChannel, (k) => CHANNEL_LABELS[k] ?? k)} />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="纠纷类别">
                    <BarList label="按纠纷类别" items={bars(b.byCategory, L.category)} color="#52c41a" />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="所属街道">
                    <BarList label="按街道" items={bars(b.byStreet, (k) => L.street(k))} color="#fa8c16" />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="调解组织（受理量与调解成功率）">
                    <BarList
                      label="按调解组织"
                      items={bars(b.byBody, (k) => L.org(k), true)}
                      color="#722ed1"
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="调解类型">
                    <BarList
                      label="按调解类型"
                      items={bars(b.byKind, (k) => KIND_LABELS[k] ?? k)}
                      color="#13c2c2"
                    />
                  </Card>
                </Col>
                {s.summary.intake && (
                  <Col xs={24} lg={12}>
                    <Card size="small" title="12345 工单来源">
                      <BarList
                        label="按工单来源"
                        items={Object.entries(s.summary.intake.workOrders.bySource).map(([k, v]) => ({
                          key: k,
                          label: k,
                          value: v,
                        }))}
                        color="#fa541c"
                      />
                    </Card>
                  </Col>
                )}
              </Row>
            )}
            <WarningsCard asOf={asOf} />
          </>
        )}
      </PageState>
      {district && <AnnualReportCard key={year} years={years} initial={year} />}
    </div>
  );
}
