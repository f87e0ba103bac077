import { useState } from 'react';
import { Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { Schemas } from '../../lib/api-types';
import { apiClient, unwrap } from '../../lib/typed-api';
import { fmtDateTime, URGENCY } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useLiveRefresh } from '../../lib/use-socket';
import { PageState } from '../../components/page-state';
import { StatusTag } from '../../components/status-tag';
import { PageTitle } from '../../components/page-title';

/** The body's work queue, coloured by deadline urgency, refreshed live when one of its cases changes. */
export function QueuePage() {
  const [open, setOpen] = useState<'true' | 'false'>('true');
  const { data, error, loading, reload } = useAsync(
    () => unwrap(apiClient.GET('/api/cases/queue', { params: { query: { open } } })),
    [open],
  );
  useLiveRefresh(reload);

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>案件工作台</PageTitle>
        <Space>
          <span id="queue-filter-label">显示范围</span>
          <Segmented
            aria-labelledby="queue-filter-label"
            value={open}
            onChange={(v) => setOpen(v as 'true' | 'false')}
            options={[
              { value: 'true', label: '办理中' },
              { value: 'false', label: '全部' },
            ]}
          />
        </Space>
      </div>
      <Space size="small" wrap>
        <Typography.Text type="secondary">期限提示：</Typography.Text>
        <Tag color={URGENCY.overdue.color}>{URGENCY.overdue.label}</Tag>
        <Tag color={URGENCY.due_soon.color}>{URGENCY.due_soon.label}（3 日内）</Tag>
        <Tag color={URGENCY.ok.color}>{URGENCY.ok.label}</Tag>
      </Space>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        <Table<Schemas['QueueItem']>
          rowKey="id"
          size="middle"
          loading={loading && !!data}
          dataSource={data ?? []}
          locale={{ emptyText: <Empty description="暂无待办案件" /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          rowClassName={(r) => `tj-urgency-${r.urgency}`}
          onRow={(r) => ({
            onClick: () => navigate(`work/${r.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: '案件编号',
              dataIndex: 'number',
              width: 140,
              render: (v: string, r) => (
                <a href={`#/work/${r.id}`} onClick={(e) => e.stopPropagation()}>
                  {v}
                </a>
              ),
            },
            { title: '案件名称', dataIndex: 'title', ellipsis: true },
            { title: '类别', dataIndex: 'categoryLabel', width: 100 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (_: string, r) => <StatusTag status={r.status} label={r.statusLabel} />,
            },
            {
              title: '调解期限',
              dataIndex: 'dueAt',
              width: 220,
              render: (_: string, r) => (
                <Space size={4}>
                  <Tag color={URGENCY[r.urgency].color} data-urgency={r.urgency}>
                    {URGENCY[r.urgency].label}
                  </Tag>
                  {r.dueAt && <span>{fmtDateTime(r.dueAt)}</span>}
                </Space>
              ),
            },
            { title: '申请时间', dataIndex: 'createdAt', width: 160, render: (v: string) => fmtDateTime(v) },
          ]}
        />
      </PageState>
    </div>
  );
}
