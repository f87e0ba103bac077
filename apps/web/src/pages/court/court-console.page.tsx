import { useState } from 'react';
import { Badge, Button, Card, Col, Input, Row, Space, Statistic, Tabs, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useSession } from '../../lib/auth-store';
import { labels, useDirectory } from '../../lib/directory';
import { REGIME_LABELS, REGIME_SHORT } from '../../lib/format';
import { navigate } from '../../lib/router';
import { openSearch } from '../search/search-query';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { CaseTable, UrgencyLegend } from '../../components/case-table';
import { PageState } from '../../components/page-state';
import { PageTitle } from '../../components/page-title';

/** 申请强制执行 handed to this court: waiting for receipt, and received. */
const ENFORCEMENT = ['enforcement_requested', 'enforcement_received'];

const DONE = [
  'agreement',
  'no_agreement',
  'withdrawn',
  'terminated',
  'closed',
  'confirmed',
  'confirmation_rejected',
  'performed',
  'followed_up',
  ...ENFORCEMENT,
];

/**
 * 法院工作台: the cases this court referred (委派/委托) with their handling body, status and deadline, the
 * judicial-confirmation requests (司法确认), the enforcement applications handed to it (申请强制执行), and the
 * cases the court itself handles. Status changes arrive live.
 */
export function CourtConsolePage() {
  const session = useSession();
  const dir = useDirectory();
  const L = labels(dir.data);
  const [tab, setTab] = useState('referred');
  const { data, error, loading, reload } = useAsync(
    () => unwrap(apiClient.GET('/api/cases/queue', { params: { query: { open: 'false', limit: '500' } } })),
    [],
  );
  // the court's room hears every change of the cases it referred or handles, new referrals included
  useLiveRefresh(reload);

  const all = data ?? [];
  const referred = all.filter((c) => c.channel === 'court');
  const confirmations = all.filter((c) => c.status === 'confirmation_requested');
  const enforcements = all.filter((c) => ENFORCEMENT.includes(c.status));
  const toReceive = enforcements.filter((c) => c.status === 'enforcement_requested');
  const own = all.filter((c) => c.bodyId && c.bodyId === session?.user.orgId);
  const open = referred.filter((c) => !DONE.includes(c.status));

  const bodyCol = {
    title: '承办调解组织',
    dataIndex: 'bodyId',
    width: 180,
    ellipsis: true,
    render: (v: string | null) => (v ? L.org(v) : <Typography.Text type="secondary">待分派</Typography.Text>),
  };
  const typeCol = {
    title: '委派/委托',
    dataIndex: 'deadlineRegime',
    width: 140,
    render: (v: string | null | undefined) =>
      v ? <span title={REGIME_LABELS[v]}>{REGIME_SHORT[v] ?? v}</span> : '—',
  };
  const catCol = { title: '纠纷类别', dataIndex: 'categoryLabel', width: 100 };

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>法院工作台</PageTitle>
        <Space>
          <Button onClick={() => void reload()} loading={loading && !!data}>
            刷新
          </Button>
          <Button type="primary" onClick={() => navigate('court/refer')}>
            委派/委托调解
          </Button>
        </Space>
      </div>
      <Input.Search
        allowClear
        enterButton="按案号查找"
        aria-label="按法院案号查找"
        placeholder="输入法院案号，如（2026）苏0612民诉前调88号，括号可省略"
        onSearch={(q) => q.trim() && openSearch({ q: q.trim() })}
      />
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="委派/委托案件" value={referred.length} suffix="件" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="调解中（未办结）" value={open.length} suffix="件" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="即将到期/已超期"
                value={open.filter((c) => c.urgency === 'due_soon' || c.urgency === 'overdue').length}
                suffix="件"
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="待审查司法确认" value={confirmations.length} suffix="件" />
            </Card>
          </Col>
        </Row>
        <UrgencyLegend />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'referred',
              label: '委派/委托案件',
              children: (
                <CaseTable
                  data={referred}
                  loading={loading}
                  extra={[typeCol, catCol, bodyCol]}
                  empty="本院暂无委派/委托调解的案件"
                  startedTitle="委派/委托日期"
                  testId="court-referrals"
                />
              ),
            },
            {
              key: 'confirmation',
              label: (
                <Badge count={confirmations.length} size="small" offset={[8, -2]}>
                  司法确认申请
                </Badge>
              ),
              children: (
                <CaseTable
                  data={confirmations}
                  loading={loading}
                  extra={[catCol, bodyCol]}
                  empty="暂无待审查的司法确认申请"
                  testId="court-confirmations"
                />
              ),
            },
            {
              key: 'enforcement',
              label: (
                <Badge count={toReceive.length} size="small" offset={[8, -2]}>
                  强制执行申请
                </Badge>
              ),
              children: (
                <CaseTable
                  data={enforcements}
                  loading={loading}
                  extra={[catCol, bodyCol]}
                  empty="暂无移送本院的强制执行申请"
                  testId="court-enforcements"
                />
              ),
            },
            ...(own.length > 0
              ? [
                  {
                    key: 'own',
                    label: '本院承办',
                    children: (
                      <CaseTable data={own} loading={loading} extra={[catCol]} empty="暂无本院承办的案件" />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </PageState>
    </div>
  );
}
