import { useState } from 'react';
import { Badge, Button, Card, Empty, Tag, Typography } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useSocketEvent } from '../../lib/use-socket';
import { PageState } from '../../components/page-state';
import { LinkageCreateDialog } from './linkage-create-dialog';
import type { Schemas } from '../../lib/api-types';
import { PageTitle } from '../../components/page-title';

type SessionUser = Schemas['SignedInUser'];

/** 府院联动: the linkage rooms I am a member of (court, government departments, the district), with unread counts. */
export function LinkageListPage(_props: { user: SessionUser }) {
  const rooms = useAsync(() => unwrap(apiClient.GET('/api/rooms/mine')), []);
  const [creating, setCreating] = useState(false);
  // administrative disputes this user can see (their queue), to tie a room to one
  const admin = useAsync(
    () =>
      unwrap(apiClient.GET('/api/cases/queue', { params: { query: { open: 'false', limit: '200' } } }))
        .then((l) => l.filter((c) => c.kind === 'administrative'))
        .catch(() => []),
    [],
  );
  useSocketEvent('room:invited', () => void rooms.reload());
  useSocketEvent('room:removed', () => void rooms.reload());
  const list = rooms.data?.linkageRooms ?? [];

  return (
    <div className="tj-stack">
      <div className="tj-row">
        <PageTitle>府院联动</PageTitle>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建联动室
        </Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        法院、行政机关与区综治中心就行政争议实质化解进行会商，会议纪要可导出存档。
      </Typography.Paragraph>
      <PageState loading={rooms.loading} error={rooms.error} hasData={!!rooms.data} onRetry={rooms.reload}>
        {list.length === 0 && <Empty description="您还没有加入任何府院联动室" />}
        {list.map((r) => (
          <Card
            key={r.id}
            size="small"
            hoverable
            className="tj-case-card"
            role="link"
            tabIndex={0}
            aria-label={r.title}
            data-testid="linkage-card"
            onClick={() => navigate(`linkage/${r.id}`)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                navigate(`linkage/${r.id}`);
              }
            }}
          >
            <div className="tj-row">
              <Typography.Text strong>{r.title}</Typography.Text>
              <span>
                {r.memberRole === 'host' && <Tag color="blue">主持人</Tag>}
                <Badge count={r.unread} overflowCount={99} />
              </span>
            </div>
            <Typography.Text type="secondary">
              {r.topic ? `议题：${r.topic}` : '关联一件行政争议'}
            </Typography.Text>
          </Card>
        ))}
      </PageState>
      <LinkageCreateDialog
        open={creating}
        onClose={() => setCreating(false)}
        disputes={(admin.data ?? []).map((c) => ({ id: c.id, label: `${c.number} ${c.title}` }))}
        onCreated={(r) => {
          setCreating(false);
          navigate(`linkage/${r.id}`);
        }}
      />
    </div>
  );
}
