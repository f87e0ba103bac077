import { Button, Result, Space } from 'antd';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useSession } from '../../lib/auth-store';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useCaseWatch } from '../../lib/use-socket';
import { ChatRoom } from '../../components/chat-room';
import { PageState } from '../../components/page-state';
import { HiddenTitle } from '../../components/page-title';

/** A party in the joint room or their own back-to-back room. */
export function PartyRoomPage({ caseId, roomId }: { caseId: string; roomId: string }) {
  const session = useSession();
  const { data, error, loading, reload, setData } = useAsync(
    () => unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id: caseId } } })),
    [caseId],
  );
  useCaseWatch(caseId, (u) => {
    setData((d) =>
      d
        ? {
            ...d,
            sessionMode: u.sessionMode,
            status: u.status,
            statusLabel: u.statusLabel,
            version: u.version,
          }
        : d,
    );
  });
  const room = data?.rooms.find((r) => r.id === roomId);
  const other = data?.rooms.find((r) => r.id !== roomId && (r.kind === 'joint' || r.kind === 'caucus'));

  return (
    <div className="tj-stack">
      <HiddenTitle>{room?.kind === 'caucus' ? '背对背调解室' : '线上调解室'}</HiddenTitle>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`cases/${caseId}`)}>
          ‹ 返回案件进度
        </Button>
        {other && (
          <Button size="small" onClick={() => navigate(`cases/${caseId}/room/${other.id}`)}>
            {other.kind === 'joint' ? '去联合调解室' : '去背对背调解室'}
          </Button>
        )}
      </Space>
      <PageState loading={loading} error={error} hasData={!!data} onRetry={reload}>
        {data && !room && <Result status="404" title="调解室不存在或您无权进入" />}
        {data && room && session && (
          <ChatRoom
            key={room.id}
            room={room}
            userId={session.user.id}
            isParty
            sessionMode={data.sessionMode}
            fullHeight="calc(100dvh - 150px)"
          />
        )}
      </PageState>
    </div>
  );
}
