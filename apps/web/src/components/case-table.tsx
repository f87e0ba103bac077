import { Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { fmtDateTime, URGENCY } from '../lib/format';
import { navigate } from '../lib/router';
import { StatusTag } from './status-tag';
import type { Schemas } from '../lib/api-types';

type QueueItem = Schemas['QueueItem'];

/** Queue-style case list: number, title, extra columns, status, deadline coloured by urgency; a row opens the case. */
export function CaseTable({
  data,
  loading,
  extra = [],
  empty,
  testId,
  actions,
  startedTitle = '受理时间',
}: {
  data: QueueItem[];
  loading?: boolean;
  extra?: ColumnsType<QueueItem>;
  empty: string;
  testId?: string;
  actions?: ColumnsType<QueueItem>;
  /** what the creation time means on this list (a court's referrals: 委派/委托日期) */
  startedTitle?: string;
}) {
  return (
    <div data-testid={testId}>
      <Table<QueueItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data}
        locale={{ emptyText: <Empty description={empty} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        // fits a 1366 px screen without sideways scrolling; phones scroll the few columns they keep
        tableLayout="fixed"
        scroll={{ x: 960 }}
        rowClassName={(r) => `tj-urgency-${r.urgency}`}
        onRow={(r) => ({ onClick: () => navigate(`work/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'number',
            width: 130,
            render: (v: string, r) => (
              <a href={`#/work/${r.id}`} onClick={(e) => e.stopPropagation()}>
                {v}
              </a>
            ),
          },
          { title: '案件名称', dataIndex: 'title', ellipsis: { showTitle: true } },
          ...extra,
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (_: string, r) => <StatusTag status={r.status} label={r.statusLabel} />,
          },
          {
            title: '调解期限',
            dataIndex: 'dueAt',
            width: 190,
            render: (_: string, r) => (
              <Space size={4}>
                <Tag color={URGENCY[r.urgency].color} data-urgency={r.urgency}>
                  {URGENCY[r.urgency].label}
                </Tag>
                {r.dueAt && <span>{fmtDateTime(r.dueAt)}</span>}
              </Space>
            ),
          },
          {
            title: startedTitle,
            dataIndex: 'createdAt',
            width: 140,
            responsive: ['md'],
            render: (v: string) => fmtDateTime(v),
          },
          ...(actions ?? []),
        ]}
      />
    </div>
  );
}

/** The legend of the deadline colours. */
export function UrgencyLegend() {
  return (
    <Space size="small" wrap>
      <span className="tj-muted">期限提示：</span>
      <Tag color={URGENCY.overdue.color}>{URGENCY.overdue.label}</Tag>
      <Tag color={URGENCY.due_soon.color}>{URGENCY.due_soon.label}（3 日内）</Tag>
      <Tag color={URGENCY.ok.color}>{URGENCY.ok.label}</Tag>
    </Space>
  );
}
