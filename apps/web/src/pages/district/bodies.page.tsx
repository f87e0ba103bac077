import { useState } from 'react';
import { Button, Empty, Space, Table, Tag } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { labels, useDirectory } from '../../lib/directory';
import { KIND_LABELS, LEVEL_LABELS } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { LoadBar } from '../../components/load-bar';
import { PageState } from '../../components/page-state';
import { BodyEditDialog } from './body-edit-dialog';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type RegistryBody = Schemas['BodyEntry'];

/** 调解组织名录: kind, level, categories, jurisdiction, capacity and load, mediators; edited by the district admin. */
export function BodiesPage() {
  const dir = useDirectory();
  const L = labels(dir.data);
  const { data, error, loading, reload } = useAsync(() => unwrap(apiClient.GET('/api/registry/bodies')), []);
  const [editing, setEditing] = useState<RegistryBody | null>(null);

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>调解组织</PageTitle>
        <Button onClick={() => void reload()} loading={loading && !!data}>
          刷新
        </Button>
      </div>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        <Table<RegistryBody>
          rowKey="id"
          size="middle"
          dataSource={data ?? []}
          loading={loading && !!data}
          data-testid="bodies"
          locale={{ emptyText: <Empty description="暂无调解组织" /> }}
          pagination={false}
          scroll={{ x: 1100 }}
          expandable={{
            // the expand column's header is read as 展开调解员, not an empty header cell
            columnTitle: <span className="tj-sr-only">展开调解员</span>,
            rowExpandable: (b) => b.mediators.length > 0,
            expandedRowRender: (b) => (
              <Space wrap>
                {b.mediators.map((m) => (
                  <Tag key={m.id} color={m.active ? 'blue' : 'default'}>
                    {m.name} · 在办 {m.openCases} 件{m.active ? '' : '（已停用）'}
                  </Tag>
                ))}
              </Space>
            ),
          }}
          columns={[
            { title: '名称', dataIndex: 'name', width: 240 },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 150,
              render: (v: string, b) => `${LEVEL_LABELS[b.level] ?? b.level} · ${KIND_LABELS[v] ?? v}`,
            },
            {
              title: '受理类别',
              dataIndex: 'categories',
              render: (v: string[]) => (v.length ? v.map(L.category).join('、') : '—'),
            },
            {
              title: '辖区',
              dataIndex: 'streetCodes',
              width: 200,
              render: (_: string[], b) =>
                [...b.streetCodes.map(L.street), ...b.communityCodes.map(L.community)].join('、') ||
                (b.level === 'district' ? '全区' : '—'),
            },
            {
              title: '负荷',
              dataIndex: 'openCases',
              width: 160,
              render: (_: number, b) => <LoadBar open={b.openCases} capacity={b.capacity} />,
            },
            {
              title: '调解员',
              dataIndex: 'mediators',
              width: 80,
              render: (v: RegistryBody['mediators']) => `${v.filter((m) => m.active).length} 人`,
            },
            { title: '退回', dataIndex: 'returns', width: 70, render: (v: number) => `${v} 次` },
            {
              title: '状态',
              dataIndex: 'active',
              width: 70,
              render: (v: boolean) => (v ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '操作',
              key: 'op',
              width: 80,
              fixed: 'right',
              render: (_: unknown, b) => (
                <Button size="small" onClick={() => setEditing(b)}>
                  编辑
                </Button>
              ),
            },
          ]}
        />
      </PageState>
      <BodyEditDialog body={editing} onClose={() => setEditing(null)} onSaved={() => void reload()} />
    </div>
  );
}
