/** Cameras, microphones and speakers as the browser lists them, and the local stream a call sends. */
export interface DeviceChoice {
  cameraId: string | null;
  micId: string | null;
  speakerId: string | null;
  /** Join without sending video (no camera, or the person chose so). */
  audioOnly: boolean;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

const CHOICE_KEY = 'tj.call.devices';

export function loadChoice(): DeviceChoice {
  try {
    const v = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? 'null') as Partial<DeviceChoice> | null;
    return {
      cameraId: v?.cameraId ?? null,
      micId: v?.micId ?? null,
      speakerId: v?.speakerId ?? null,
      audioOnly: v?.audioOnly ?? false,
    };
  } catch {
    return { cameraId: null, micId: null, speakerId: null, audioOnly: false };
  }
}

export function saveChoice(c: DeviceChoice): void {
  localStorage.setItem(CHOICE_KEY, JSON.stringify(c));
}

export async function listDevices(): Promise<DeviceLists> {
  const all = navigator.mediaDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  return {
    cameras: all.filter((d) => d.kind === 'videoinput'),
    mics: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
  };
}

/** A device's label for a select; labels are empty before permission is granted. */
export function deviceLabel(d: MediaDeviceInfo, i: number, kind: string): string {
  return d.label || `${kind} ${i + 1}`;
}

const VIDEO = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 24, max: 30 } };

/** The local camera and microphone; video is left out when audio-only or when no camera can be opened. */
export async function openLocalStream(
  c: DeviceChoice,
  facing?: 'user' | 'environment',
): Promise<{ stream: MediaStream; videoFailed: boolean }> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw new Error('当前浏览器不支持音视频通话，请使用最新版浏览器');
  const audio: MediaTrackConstraints = {
    echoCancellation: true,
    noiseSuppression: true,
    ...(c.micId ? { deviceId: { exact: c.micId } } : {}),
  };
  if (!c.audioOnly) {
    const video: MediaTrackConstraints = {
      ...VIDEO,
      ...(c.cameraId ? { deviceId: { exact: c.cameraId } } : facing ? { facingMode: facing } : {}),
    };
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio, video }), videoFailed: false };
    } catch {
      // no camera, or it is busy: still join by voice
    }
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio }), videoFailed: !c.audioOnly };
  } catch (err) {
    const name = (err as DOMException)?.name;
    if (name === 'NotAllowedError')
      throw new Error('浏览器未允许使用麦克风，请在地址栏的权限设置中允许后重试');
    if (name === 'NotFoundError') throw new Error('未找到麦克风，请连接麦克风后重试');
    throw new Error('无法打开麦克风，请检查设备后重试');
  }
}

/** Stops every track of a stream (the camera light goes off). */
export function stopStream(s: MediaStream | null | undefined): void {
  s?.getTracks().forEach((t) => t.stop());
}

/** Samples a microphone's level (0–1) on each animation frame; returns the stop function. */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const track = stream.getAudioTracks()[0];
  if (!track) return () => undefined;
  const ctx = new AudioContext();
  const src = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  src.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  let raf = 0;
  const tick = () => {
    analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    // RMS on a rough log scale: speech sits in the middle of the bar
    const rms = Math.sqrt(sum / buf.length);
    onLevel(Math.min(1, Math.max(0, (20 * Math.log10(rms + 1e-8) + 60) / 60)));
    raf = requestAnimationFrame(tick);
  };
  tick();
  return () => {
    cancelAnimationFrame(raf);
    src.disconnect();
    void ctx.close();
  };
}

/** A short two-tone chime through the chosen speaker (setSinkId where the browser has it). */
export async function playTestSound(speakerId: string | null): Promise<void> {
  const ctx = new AudioContext();
  const dest = ctx.createMediaStreamDestination();
  const gain = ctx.createGain();
  gain.gain.value = 0.2;
  gain.connect(dest);
  for (const [freq, at] of [
    [660, 0],
    [880, 0.25],
  ]) {
    const osc = ctx.createOscillator();
    osc.frequency.value = freq;
    osc.connect(gain);
    osc.start(ctx.currentTime + at);
    osc.stop(ctx.currentTime + at + 0.22);
  }
  const el = new Audio();
  el.srcObject = dest.stream;
  await applySink(el, speakerId);
  await el.play().catch(() => undefined);
  window.setTimeout(() => {
    el.srcObject = null;
    void ctx.close();
  }, 700);
}

/** Routes an element's sound to a speaker; browsers without setSinkId keep the default one. */
export async function applySink(el: HTMLMediaElement, speakerId: string | null): Promise<void> {
  const m = el as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (speakerId && m.setSinkId) await m.setSinkId(speakerId).catch(() => undefined);
}
