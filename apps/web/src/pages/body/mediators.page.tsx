import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { labels, useDirectory } from '../../lib/directory';
import { KIND_LABELS, LEVEL_LABELS, ROLE_LABELS } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { LoadBar } from '../../components/load-bar';
import { PageState } from '../../components/page-state';
import { AddMediatorDialog } from './add-mediator-dialog';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type SessionUser = Schemas['SignedInUser'];
type StaffMember = Schemas['StaffMember'];

type Row = StaffMember & { openCases: number | null };

/** 调解员管理 (body admin): the body's load and capacity, its mediators with their open cases; add and deactivate. */
export function MediatorsPage({ user }: { user: SessionUser }) {
  const { message } = App.useApp();
  const dir = useDirectory();
  const L = labels(dir.data);
  const { data, error, loading, reload } = useAsync(async () => {
    const [bodies, staff] = await Promise.all([
      unwrap(apiClient.GET('/api/registry/bodies')),
      unwrap(apiClient.GET('/api/staff')),
    ]);
    return { body: bodies.find((b) => b.id === user.orgId) ?? null, staff };
  }, [user.orgId]);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const setActive = async (m: StaffMember, active: boolean) => {
    setBusy(m.id);
    try {
      await unwrap(apiClient.PATCH('/api/staff/{id}', { params: { path: { id: m.id } }, body: { active } }));
      message.success(active ? `已启用：${m.displayName}` : `已停用：${m.displayName}，其登录已失效`);
      await reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const body = data?.body;
  const loads = new Map(body?.mediators.map((m) => [m.id, m.openCases]) ?? []);
  const rows: Row[] = (data?.staff ?? []).map((s) => ({ ...s, openCases: loads.get(s.id) ?? null }));
  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>调解员管理</PageTitle>
        <Space>
          <Button onClick={() => navigate('queue')}>本组织案件</Button>
          <Button type="primary" onClick={() => setAdding(true)} disabled={!user.orgId}>
            添加调解员
          </Button>
        </Space>
      </div>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        {body && (
          <Card size="small" title={body.name} data-testid="body-card">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: 'k',
                  label: '类型',
                  children: `${LEVEL_LABELS[body.level] ?? body.level} · ${KIND_LABELS[body.kind] ?? body.kind}`,
                },
                { key: 'c', label: '受理类别', children: body.categories.map(L.category).join('、') || '—' },
                {
                  key: 'l',
                  label: '在办负荷',
                  children: <LoadBar open={body.openCases} capacity={body.capacity} />,
                },
                {
                  key: 'm',
                  label: '在岗调解员',
                  children: `${body.mediators.filter((m) => m.active).length} 人`,
                },
                { key: 'r', label: '累计退回', children: `${body.returns} 次` },
              ]}
            />
          </Card>
        )}
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="mediators"
          locale={{ emptyText: <Empty description="本组织暂无工作人员" /> }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'displayName',
              render: (v: string, r) => (
                <>
                  {v}
                  {r.id === user.id && <Tag style={{ marginLeft: 4 }}>我</Tag>}
                </>
              ),
            },
            { title: '用户名', dataIndex: 'username', width: 140 },
            { title: '角色', dataIndex: 'role', width: 130, render: (v: string) => ROLE_LABELS[v] ?? v },
            {
              title: '擅长类别',
              dataIndex: 'specialties',
              render: (v: string[]) => (v.length ? v.map(L.category).join('、') : '—'),
            },
            {
              title: '在办案件',
              dataIndex: 'openCases',
              width: 100,
              render: (v: number | null) => (v === null ? '—' : `${v} 件`),
            },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (v: boolean) => (v ? <Tag color="success">在岗</Tag> : <Tag>已停用</Tag>),
            },
            {
              title: '操作',
              key: 'op',
              width: 100,
              render: (_: unknown, r) =>
                r.role !== 'mediator' ? null : r.active ? (
                  <Popconfirm
                    title={`停用调解员“${r.displayName}”？`}
                    description="停用后其登录立即失效，在办案件需另行指派。"
                    okText="停用"
                    cancelText="取消"
                    onConfirm={() => setActive(r, false)}
                  >
                    <Button size="small" danger loading={busy === r.id}>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" loading={busy === r.id} onClick={() => void setActive(r, true)}>
                    启用
                  </Button>
                ),
            },
          ]}
        />
      </PageState>
      {user.orgId && (
        <AddMediatorDialog
          open={adding}
          orgId={user.orgId}
          onClose={() => setAdding(false)}
          onCreated={() => void reload()}
          categories={dir.data?.categories.map((c) => ({ value: c.code, label: c.label })) ?? []}
        />
      )}
    </div>
  );
}
