import { Alert } from 'antd';
import type { CallEngine } from '../../lib/call-engine';
import type { CallSnapshot } from '../../lib/call-types';
import { CallButtons } from './call-controls';
import { VideoTile } from './video-tile';

/**
 * The videos of a call and its controls (静音, 摄像头, 离开): a notice while the page (re)connects, the others' tiles
 * with their state, this page's camera, then the buttons. On a phone (`phone`) the own camera floats small over the
 * others' tiles and the buttons are big.
 */
export function CallMedia({
  engine,
  snap,
  speakerId,
  phone = false,
  waiting = false,
  onLeave,
}: {
  engine: CallEngine;
  snap: CallSnapshot;
  speakerId: string | null;
  phone?: boolean;
  /** In caucus without the mediator: no "waiting for others" note (the page shows the caucus notice). */
  waiting?: boolean;
  onLeave: () => void;
}) {
  const shown = snap.peers.filter((p) => p.state !== 'apart');
  // the floating own tile takes no cell of the phone's grid
  const cells = Math.min(shown.length + (phone ? 0 : 1), 4);
  return (
    <>
      {/* the socket dropped: the page joins again by itself, the others keep their connections */}
      {snap.phase === 'joining' && (
        <Alert type="warning" showIcon banner title="正在连接视频调解…" data-testid="call-reconnecting" />
      )}
      <div className={`tj-call-grid tj-call-grid-${cells}`}>
        {phone && shown.length === 0 && !waiting && (
          <div className="tj-call-empty" role="status">
            等待其他参与人加入…
          </div>
        )}
        {shown.map((p) => (
          <VideoTile
            key={p.peerId}
            stream={p.stream}
            name={p.name}
            label={p.label}
            peer={p}
            speakerId={speakerId}
          />
        ))}
        <VideoTile stream={engine.localStream} name="我" self camOff={snap.flags.camOff} />
      </div>
      <CallButtons engine={engine} snap={snap} onLeave={onLeave} big={phone} />
    </>
  );
}
