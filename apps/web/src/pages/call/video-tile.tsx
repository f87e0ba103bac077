import { useEffect, useRef } from 'react';
import { Tag } from 'antd';
import type { PeerState, PeerView } from '../../lib/call-types';
import { applySink } from '../../lib/media-devices';

export const STATE_LABELS: Record<PeerState, string> = {
  connecting: '连接中',
  connected: '已连接',
  apart: '单独沟通中',
  left: '已离开',
};
const STATE_COLORS: Record<PeerState, string> = {
  connecting: 'gold',
  connected: 'green',
  apart: 'purple',
  left: 'default',
};

/** A participant's state tags: 连接中/已连接/单独沟通中/已离开, and 已静音 while their microphone is off. */
export function PeerTags({ peer }: { peer: Pick<PeerView, 'state' | 'flags'> }) {
  return (
    <>
      <Tag color={STATE_COLORS[peer.state]} data-testid="peer-state">
        {STATE_LABELS[peer.state]}
      </Tag>
      {peer.flags.muted && peer.state !== 'left' && <Tag color="red">已静音</Tag>}
    </>
  );
}

/** One video (a remote participant or this page's camera) with its name and state; sound plays unless `self`. */
export function VideoTile({
  stream,
  name,
  label,
  peer,
  self = false,
  speakerId = null,
  camOff = false,
}: {
  stream: MediaStream | null;
  name: string;
  label?: string;
  peer?: PeerView;
  self?: boolean;
  speakerId?: string | null;
  camOff?: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const tracks = stream?.getTracks().length ?? 0;
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (v.srcObject !== stream) v.srcObject = stream;
    if (stream) void v.play().catch(() => undefined);
  }, [stream, tracks]);
  useEffect(() => {
    if (ref.current && !self) void applySink(ref.current, speakerId);
  }, [speakerId, self]);
  const hasVideo = !!stream?.getVideoTracks().length && !camOff && !peer?.flags.camOff;
  const caption = `${name}${label ? `（${label}）` : ''}`;
  return (
    <figure
      className={`tj-tile${self ? ' tj-tile-self' : ''}`}
      data-testid={self ? 'self-tile' : 'peer-tile'}
    >
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={self}
        aria-label={self ? '我的画面' : `${caption}的画面`}
        style={hasVideo ? undefined : { opacity: 0 }}
      />
      {!hasVideo && (
        <div className="tj-tile-avatar" aria-hidden="true">
          {name.slice(0, 1)}
        </div>
      )}
      <figcaption>
        <span className="tj-tile-name">{self ? '我' : caption}</span>
        {peer && <PeerTags peer={peer} />}
      </figcaption>
    </figure>
  );
}
