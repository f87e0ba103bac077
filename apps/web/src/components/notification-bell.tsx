import { Suspense, useState } from 'react';
import { Badge, Button } from 'antd';
import { errorText } from '../lib/api-client';
import { apiClient, unwrap } from '../lib/typed-api';
import type { Schemas } from '../lib/api-types';
import { lazyPage } from '../lib/lazy-page';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { useOnConnect, useSocketEvent } from '../lib/use-socket';

type NotificationItem = Schemas['InboxNotification'];

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

const NotificationDrawer = lazyPage(() => import('./notification-drawer'), 'NotificationDrawer');

/** 消息通知: the unread count in the header, the inbox in a drawer, new entries pushed live over the socket. */
export function NotificationBell({ party }: { party: boolean }) {
  const [open, setOpen] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, setData, reload } = useAsync(
    () => unwrap(apiClient.GET('/api/notifications', { params: { query: { limit: '50' } } })),
    [],
  );
  // a reconnect may have missed pushes: read the inbox again
  useOnConnect(() => void reload(), []);
  useSocketEvent('notification:new', (n) =>
    setData((d) =>
      d && !d.items.some((x) => x.id === n.id)
        ? { items: [n, ...d.items], unread: d.unread + (n.read ? 0 : 1) }
        : d,
    ),
  );
  const unread = data?.unread ?? 0;

  const markRead = async (n: NotificationItem) => {
    if (n.read) return;
    setData((d) =>
      d
        ? {
            items: d.items.map((x) => (x.id === n.id ? { ...x, read: true } : x)),
            unread: Math.max(0, d.unread - 1),
          }
        : d,
    );
    await unwrap(apiClient.POST('/api/notifications/{id}/read', { params: { path: { id: n.id } } })).catch(
      (err) => setFailure(errorText(err)),
    );
  };
  const open_ = async (n: NotificationItem) => {
    await markRead(n);
    if (n.sessionId && !party) {
      // a call invitation opens the call itself: the invitee may not be able to read the case page
      setOpen(false);
      navigate(`call/${n.sessionId}`);
    } else if (n.disputeId) {
      setOpen(false);
      navigate(party ? `cases/${n.disputeId}` : `work/${n.disputeId}`);
    }
  };
  const readAll = async () => {
    try {
      await unwrap(apiClient.POST('/api/notifications/read-all'));
      setData((d) => (d ? { items: d.items.map((x) => ({ ...x, read: true })), unread: 0 } : d));
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]} overflowCount={99}>
        <Button
          type="text"
          icon={<BellIcon />}
          aria-label={unread > 0 ? `消息通知，${unread} 条未读` : '消息通知'}
          data-testid="notification-bell"
          onClick={() => {
            setEverOpened(true);
            setOpen(true);
          }}
        />
      </Badge>
      {/* the drawer (list, pagination) loads on first open: most visits never open it */}
      {everOpened && (
        <Suspense fallback={null}>
          <NotificationDrawer
            open={open}
            onClose={() => setOpen(false)}
            inbox={data}
            failure={failure}
            onReadAll={() => void readAll()}
            onOpenItem={(n) => void open_(n)}
          />
        </Suspense>
      )}
    </>
  );
}
