import { Alert, Typography } from 'antd';
import type { CallEngine } from '../../lib/call-engine';
import type { CallSnapshot } from '../../lib/call-types';
import { RecordingBar } from './call-controls';
import { CallMedia } from './call-media';

/** A party's call on a phone (portrait): the others' videos tiled, own camera small, big buttons below. */
export function PartyCall({
  engine,
  snap,
  userId,
  speakerId,
  title,
  onLeave,
}: {
  engine: CallEngine;
  snap: CallSnapshot;
  userId: string;
  speakerId: string | null;
  title: string;
  onLeave: () => void;
}) {
  const waiting = !engine.withMediator();
  return (
    <section className="tj-call tj-call-party" aria-label="视频调解">
      <div className="tj-call-head">
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" data-testid="call-mode">
          {snap.mode === 'caucus' ? '背对背' : '面对面'}
        </Typography.Text>
      </div>
      <RecordingBar engine={engine} snap={snap} userId={userId} />
      {waiting && (
        <Alert
          type="info"
          showIcon
          data-testid="caucus-waiting"
          title="调解员正在与对方单独沟通，请稍候"
          description="您的画面和声音此时不会传给对方。"
        />
      )}
      <CallMedia
        engine={engine}
        snap={snap}
        speakerId={speakerId}
        phone
        waiting={waiting}
        onLeave={onLeave}
      />
    </section>
  );
}
