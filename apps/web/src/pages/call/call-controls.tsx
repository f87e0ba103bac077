import { useState } from 'react';
import { App, Button, Tag, Typography } from 'antd';
import type { CallEngine } from '../../lib/call-engine';
import type { CallSnapshot } from '../../lib/call-types';
import { listDevices } from '../../lib/media-devices';

/** 静音, 关闭摄像头, 切换摄像头, 离开: big on a phone, a row on the desktop. */
export function CallButtons({
  engine,
  snap,
  onLeave,
  big = false,
}: {
  engine: CallEngine;
  snap: CallSnapshot;
  onLeave: () => void;
  big?: boolean;
}) {
  const { message } = App.useApp();
  const [facing, setFacing] = useState<'user' | 'environment'>('user');
  const hasVideo = engine.localStream.getVideoTracks().length > 0;
  const { muted, camOff } = snap.flags;

  const switchCamera = async () => {
    const cams = (await listDevices()).cameras;
    const current = engine.localStream.getVideoTracks()[0]?.getSettings().deviceId;
    const i = cams.findIndex((c) => c.deviceId === current);
    const next = cams.length > 1 ? cams[(i + 1) % cams.length] : null;
    const nextFacing = facing === 'user' ? 'environment' : 'user';
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: next ? { deviceId: { exact: next.deviceId } } : { facingMode: nextFacing },
      });
      await engine.replaceVideo(s.getVideoTracks()[0]);
      setFacing(nextFacing);
      if (!next) message.info('已切换摄像头');
    } catch {
      message.warning('没有可切换的摄像头');
    }
  };

  const size = big ? 'large' : 'middle';
  return (
    <div className={big ? 'tj-call-bar tj-call-bar-big' : 'tj-call-bar'} role="toolbar" aria-label="通话控制">
      <Button size={size} danger={muted} onClick={() => engine.setFlags({ muted: !muted, camOff })}>
        {muted ? '取消静音' : '静音'}
      </Button>
      <Button
        size={size}
        disabled={!hasVideo}
        danger={camOff}
        onClick={() => engine.setFlags({ muted, camOff: !camOff })}
      >
        {camOff || !hasVideo ? '开启摄像头' : '关闭摄像头'}
      </Button>
      <Button size={size} disabled={!hasVideo} onClick={() => void switchCamera()}>
        切换摄像头
      </Button>
      <Button size={size} type="primary" danger onClick={onLeave}>
        离开
      </Button>
    </div>
  );
}

/** The recording's state for everyone (a red 录音中 while it runs) and this participant's consent. */
export function RecordingBar({
  engine,
  snap,
  userId,
}: {
  engine: CallEngine;
  snap: CallSnapshot;
  userId: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const rec = snap.recording;
  const mine = !!rec?.consented.includes(userId);
  const present = snap.peers.filter((p) => p.state !== 'left').length + 1;
  const toggle = async () => {
    setBusy(true);
    const err = await engine.consent(!mine);
    setBusy(false);
    if (err) message.error(err);
  };
  return (
    <div className="tj-call-rec" data-testid="recording-bar">
      {rec?.state === 'on' ? (
        <Tag color="#cf1322" className="tj-rec-on" data-testid="recording-on" role="status">
          <span className="tj-rec-dot" aria-hidden="true">
            ●
          </span>{' '}
          录音中
        </Tag>
      ) : (
        <Typography.Text type="secondary" data-testid="recording-off">
          {rec?.state === 'waiting'
            ? `录音须全部参与人同意（已同意 ${rec.consented.length}/${present}）`
            : '未录音（须全部参与人同意）'}
        </Typography.Text>
      )}
      <Button size="small" loading={busy} onClick={() => void toggle()}>
        {mine ? '撤回同意' : '同意录音'}
      </Button>
    </div>
  );
}
