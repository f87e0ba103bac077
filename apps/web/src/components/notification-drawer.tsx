import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { fmtDateTime } from '../lib/format';
import type { Schemas } from '../lib/api-types';

type Inbox = Schemas['Inbox'];
type NotificationItem = Schemas['InboxNotification'];

/** The inbox of 消息通知 in a drawer; opening an entry marks it read and goes to its case. */
export function NotificationDrawer({
  open,
  onClose,
  inbox,
  failure,
  onReadAll,
  onOpenItem,
}: {
  open: boolean;
  onClose: () => void;
  inbox: Inbox | null | undefined;
  failure: string | null;
  onReadAll: () => void;
  onOpenItem: (n: NotificationItem) => void;
}) {
  return (
    <Drawer
      title="消息通知"
      placement="right"
      size="min(420px, 100vw)"
      open={open}
      onClose={onClose}
      extra={
        <Button size="small" disabled={!inbox || inbox.unread === 0} onClick={onReadAll}>
          全部已读
        </Button>
      }
      styles={{ body: { padding: '0 12px' } }}
    >
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      {inbox && inbox.items.length === 0 ? (
        <Empty description="暂无消息" style={{ marginTop: 48 }} />
      ) : (
        <List
          dataSource={inbox?.items ?? []}
          loading={!inbox}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              data-read={n.read ? 'true' : 'false'}
              style={{ cursor: 'pointer', alignItems: 'flex-start' }}
              onClick={() => onOpenItem(n)}
            >
              <div
                style={{ width: '100%' }}
                role="button"
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpenItem(n);
                  }
                }}
              >
                <div className="tj-row">
                  <Typography.Text strong={!n.read}>
                    {!n.read && <Badge status="processing" style={{ marginRight: 6 }} />}
                    {n.title}
                  </Typography.Text>
                  {!n.read && <span className="tj-unread">未读</span>}
                </div>
                <Typography.Paragraph style={{ margin: '4px 0 0' }} type={n.read ? 'secondary' : undefined}>
                  {n.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(n.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
