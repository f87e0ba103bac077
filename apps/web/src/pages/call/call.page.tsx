import { useEffect, useRef, useState } from 'react';
import { Button, Result, Space } from 'antd';
import { errorText } from '../../lib/api-client';
import { apiClient, unwrap } from '../../lib/typed-api';
import { useSession } from '../../lib/auth-store';
import { navigate } from '../../lib/router';
import { useAsync } from '../../lib/use-async';
import { useCall } from '../../lib/use-call';
import { stopStream, type DeviceChoice } from '../../lib/media-devices';
import type { Schemas } from '../../lib/api-types';
import { PageState } from '../../components/page-state';
import { DeviceCheck } from './device-check';
import { MediatorCall } from './mediator-call';
import { PartyCall } from './party-call';
import './call.css';
import { HiddenTitle } from '../../components/page-title';

type CaseDetail = Schemas['CaseDetail'];
type Session = Schemas['MediationSession'];

/** What the call needs before the device check: the case (when readable), the session, the ICE servers. */
async function loadCall(caseId: string | null, sessionId: string, party: boolean) {
  const ice = unwrap(apiClient.GET('/api/rtc/ice-servers'));
  let detail: CaseDetail | null = null;
  let session: Session | null = null;
  // an invitation names only the session (the invitee may not read the case): the call's admission decides
  if (!caseId) return { detail, session, ice: await ice };
  try {
    const [d, s] = await Promise.all([
      unwrap(apiClient.GET('/api/cases/{id}', { params: { path: { id: caseId } } })),
      unwrap(apiClient.GET('/api/cases/{id}/sessions', { params: { path: { id: caseId } } })),
    ]);
    detail = d;
    session = s.sessions.find((x) => x.id === sessionId) ?? null;
    if (!session) throw new Error('该视频调解不存在或已取消');
    if (!session.online) throw new Error('该调解会议为线下会议，不能进行视频调解');
  } catch (e) {
    // invited staff may have no other tie to the case: the call's own admission decides for them
    if (party || (e instanceof Error && !('status' in e))) throw e;
  }
  return { detail, session, ice: await ice };
}

/** 视频调解: the device check, then the party's phone call or the staff's desktop call. */
export function CallPage({ caseId, sessionId }: { caseId: string | null; sessionId: string }) {
  const me = useSession()?.user;
  const party = me?.role === 'party';
  const { data, error, loading, reload } = useAsync(
    () => loadCall(caseId, sessionId, party),
    [caseId, sessionId],
  );
  const [joined, setJoined] = useState<{ choice: DeviceChoice; stream: MediaStream } | null>(null);
  const back = () => navigate(!caseId ? '' : party ? `cases/${caseId}` : `work/${caseId}`);
  const title = data?.detail ? data.detail.title : '视频调解';

  if (!me) return null;
  if (error && !data)
    return (
      <>
        <HiddenTitle>视频调解</HiddenTitle>
        <Result
          status="403"
          title="无法进入视频调解"
          subTitle={error}
          data-testid="call-refused"
          extra={<Button onClick={back}>返回</Button>}
        />
      </>
    );
  return (
    <>
      <HiddenTitle>{`视频调解 · ${title}`}</HiddenTitle>
      <PageState loading={loading} error={null} hasData={!!data} onRetry={reload}>
        {data && !joined && (
          <div className="tj-call-check-wrap">
            <DeviceCheck
              title={`${title} · 设备检测`}
              hostOnly={!!data.ice.hostOnly}
              onJoin={(choice, stream) => setJoined({ choice, stream })}
              onCancel={back}
            />
          </div>
        )}
        {data && joined && (
          <InCall
            caseId={caseId}
            sessionId={sessionId}
            userId={me.id}
            party={party}
            detail={data.detail}
            notes={data.session?.record ?? ''}
            iceServers={data.ice.iceServers}
            choice={joined.choice}
            stream={joined.stream}
            onLeave={back}
          />
        )}
      </PageState>
    </>
  );
}

function InCall(p: {
  caseId: string | null;
  sessionId: string;
  userId: string;
  party: boolean;
  detail: CaseDetail | null;
  notes: string;
  iceServers: RTCIceServer[];
  choice: DeviceChoice;
  stream: MediaStream;
  onLeave: () => void;
}) {
  const canSwitch = !p.party && p.detail?.mediatorId === p.userId;
  const { engine, snap: rawSnap } = useCall({
    sessionId: p.sessionId,
    local: p.stream,
    iceServers: p.iceServers,
    flags: { muted: false, camOff: false },
    records: canSwitch,
  });
  const stream = useRef(p.stream);
  useEffect(() => () => stopStream(stream.current), []);
  useEffect(() => {
    if (!engine) return;
    const own = p.detail?.rooms.find((r) => r.kind === 'caucus')?.partyId ?? undefined;
    engine.setSelf(p.party ? { role: 'party', partyId: own } : { role: canSwitch ? 'mediator' : 'invited' });
  }, [engine, p.party, p.detail, canSwitch]);

  if (!engine || !rawSnap) return null;
  // a party shows by the name the case gives them (the account may carry a placeholder name)
  const names = new Map(p.detail?.parties.map((x) => [x.id, x.name]) ?? []);
  const snap = {
    ...rawSnap,
    peers: rawSnap.peers.map((x) => ({
      ...x,
      name: (x.partyId && x.role === 'party' && names.get(x.partyId)) || x.name,
    })),
  };
  const leave = () => {
    engine.leave();
    p.onLeave();
  };
  if (snap.phase === 'refused')
    return (
      <Result
        status="403"
        title="无法进入视频调解"
        subTitle={snap.error ?? errorText(null)}
        data-testid="call-refused"
        extra={
          <Space>
            <Button onClick={p.onLeave}>返回</Button>
          </Space>
        }
      />
    );
  if (p.party || !p.detail)
    return (
      <PartyCall
        engine={engine}
        snap={snap}
        userId={p.userId}
        speakerId={p.choice.speakerId}
        title={p.detail?.title ?? '视频调解'}
        onLeave={leave}
      />
    );
  return (
    <MediatorCall
      engine={engine}
      snap={snap}
      userId={p.userId}
      speakerId={p.choice.speakerId}
      detail={p.detail}
      sessionId={p.sessionId}
      initialNotes={p.notes}
      canSwitch={canSwitch}
      onLeave={leave}
    />
  );
}
