import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Progress, Select, Space, Switch, Typography } from 'antd';
import {
  deviceLabel,
  listDevices,
  loadChoice,
  openLocalStream,
  playTestSound,
  saveChoice,
  stopStream,
  watchLevel,
  type DeviceChoice,
  type DeviceLists,
} from '../../lib/media-devices';

interface Props {
  title: string;
  hostOnly: boolean;
  /** The chosen devices and the opened stream; the call page takes the stream over. */
  onJoin: (choice: DeviceChoice, stream: MediaStream) => void;
  onCancel: () => void;
}

const EMPTY: DeviceLists = { cameras: [], mics: [], speakers: [] };

/** 设备检测: camera preview, microphone level, a test sound, device choice, audio-only; then 加入. */
export function DeviceCheck({ title, hostOnly, onJoin, onCancel }: Props) {
  const [choice, setChoice] = useState<DeviceChoice>(loadChoice);
  const [devices, setDevices] = useState<DeviceLists>(EMPTY);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noCamera, setNoCamera] = useState(false);
  const [level, setLevel] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    setError(null);
    openLocalStream(choice)
      .then(async ({ stream: s, videoFailed }) => {
        if (cancelled) return stopStream(s);
        live = s;
        setStream(s);
        // labels are only listed once a device was granted
        const d = await listDevices();
        setDevices(d);
        setNoCamera(videoFailed || d.cameras.length === 0);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : '无法打开设备'));
    return () => {
      cancelled = true;
      if (!handedOver.current) stopStream(live);
    };
  }, [choice.cameraId, choice.micId, choice.audioOnly]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
    if (!stream) return;
    return watchLevel(stream, (l) => setLevel((prev) => (Math.abs(prev - l) > 0.03 ? l : prev)));
  }, [stream]);

  const update = (patch: Partial<DeviceChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const audioOnly = choice.audioOnly || noCamera;
  const join = () => {
    if (!stream) return;
    handedOver.current = true;
    saveChoice(choice);
    onJoin({ ...choice, audioOnly }, stream);
  };

  return (
    <Card size="small" title={title} className="tj-call-check">
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {hostOnly && (
          <Alert
            type="warning"
            showIcon
            data-testid="host-only"
            title="本平台未配置中继服务器，视频调解仅限本机或同一局域网内的设备连接"
          />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <div className="tj-call-preview">
          {audioOnly ? (
            <div className="tj-call-avatar" role="img" aria-label="仅语音，不开启摄像头">
              仅语音
            </div>
          ) : (
            <video ref={video} autoPlay muted playsInline aria-label="摄像头预览" />
          )}
        </div>
        {noCamera && !choice.audioOnly && (
          <Alert type="info" showIcon title="未检测到可用的摄像头，将以仅语音方式加入" />
        )}
        <div>
          <Typography.Text id="mic-level-label">麦克风音量（请说几句话）</Typography.Text>
          <Progress
            percent={Math.round(level * 100)}
            showInfo={false}
            strokeColor="#52c41a"
            aria-labelledby="mic-level-label"
            data-testid="mic-level"
          />
        </div>
        <Form layout="vertical" component="div">
          <Form.Item label="摄像头" htmlFor="cam-select" style={{ marginBottom: 8 }}>
            <Select
              id="cam-select"
              value={choice.cameraId ?? devices.cameras[0]?.deviceId}
              disabled={audioOnly || devices.cameras.length === 0}
              onChange={(v: string) => update({ cameraId: v })}
              options={devices.cameras.map((d, i) => ({
                value: d.deviceId,
                label: deviceLabel(d, i, '摄像头'),
              }))}
              placeholder="无可用摄像头"
            />
          </Form.Item>
          <Form.Item label="麦克风" htmlFor="mic-select" style={{ marginBottom: 8 }}>
            <Select
              id="mic-select"
              value={choice.micId ?? devices.mics[0]?.deviceId}
              onChange={(v: string) => update({ micId: v })}
              options={devices.mics.map((d, i) => ({
                value: d.deviceId,
                label: deviceLabel(d, i, '麦克风'),
              }))}
              placeholder="无可用麦克风"
            />
          </Form.Item>
          <Form.Item label="扬声器" htmlFor="speaker-select" style={{ marginBottom: 8 }}>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                id="speaker-select"
                value={choice.speakerId ?? devices.speakers[0]?.deviceId}
                onChange={(v: string) => update({ speakerId: v })}
                options={devices.speakers.map((d, i) => ({
                  value: d.deviceId,
                  label: deviceLabel(d, i, '扬声器'),
                }))}
                placeholder="系统默认扬声器"
              />
              <Button onClick={() => void playTestSound(choice.speakerId)}>播放测试音</Button>
            </Space.Compact>
          </Form.Item>
          <Space>
            <Switch
              id="audio-only"
              checked={audioOnly}
              disabled={noCamera}
              onChange={(v) => update({ audioOnly: v })}
            />
            <label htmlFor="audio-only">仅语音加入（不开启摄像头）</label>
          </Space>
        </Form>
        <div className="tj-call-check-actions">
          <Button onClick={onCancel}>返回</Button>
          <Button type="primary" size="large" disabled={!stream} onClick={join}>
            加入视频调解
          </Button>
        </div>
      </Space>
    </Card>
  );
}
