import type { CallRecordingChunkResult } from '@tiaojie/socket-events';
import type { TjSocket } from './use-socket';

const CHUNK_MS = 2_000;
const FPS = 15;
const W = 640;
const H = 360;
const HEAD_BYTES = 1024;

type StoredFile = NonNullable<CallRecordingChunkResult['file']>;

interface Chunk {
  seq: number;
  blob: Blob;
  last: boolean;
}

/**
 * Records the whole call in the mediator's browser: every participant's video drawn side by side on a canvas, every
 * voice mixed by WebAudio, encoded by MediaRecorder as WebM and uploaded in ~2 s chunks as they come, in order and
 * retried until acknowledged (a closed tab loses at most the chunk being recorded).
 */
export class CallRecorder {
  private canvas = document.createElement('canvas');
  private audio = new AudioContext();
  private dest = this.audio.createMediaStreamDestination();
  private sources = new Map<string, MediaStreamAudioSourceNode>();
  private videos = new Map<string, HTMLVideoElement>();
  private recorder: MediaRecorder;
  private timer = 0;
  private queue: Chunk[] = [];
  private sending = false;
  private nextSeq = 0;
  private head: Blob | null = null;
  private inFlight = -1;
  private stopped = false;
  private resolveDone: (f: StoredFile | null) => void = () => undefined;
  /** Resolves with the stored file once the last chunk is acknowledged. */
  readonly done = new Promise<StoredFile | null>((r) => (this.resolveDone = r));
  bytes = 0;
  /** The server's last refusal of a chunk, when it gave up on the recording. */
  error: string | null = null;
  private refusals = 0;

  constructor(
    private readonly socket: TjSocket,
    private readonly sessionId: string,
    private readonly recordingId: string,
    private readonly streams: () => MediaStream[],
  ) {
    this.canvas.width = W;
    this.canvas.height = H;
    // a silent source keeps the audio track running before anyone's voice is connected: MediaRecorder writes
    // nothing while one of its tracks has no data
    const silence = this.audio.createConstantSource();
    const mute = this.audio.createGain();
    mute.gain.value = 0;
    silence.connect(mute).connect(this.dest);
    silence.start();
    void this.audio.resume().catch(() => undefined);
    const video = this.canvas.captureStream(FPS).getVideoTracks()[0];
    const mixed = new MediaStream([video, ...this.dest.stream.getAudioTracks()]);
    const mime = ['video/webm;codecs=vp8,opus', 'video/webm'].find((m) => MediaRecorder.isTypeSupported(m));
    this.recorder = new MediaRecorder(mixed, { mimeType: mime, videoBitsPerSecond: 600_000 });
    this.recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.enqueue(e.data);
    };
    this.recorder.onstop = () => {
      if (this.head) this.enqueue(new Blob([]));
      const unsent = this.queue.at(-1);
      if (unsent && unsent.seq !== this.inFlight) unsent.last = true;
      else this.queue.push({ seq: this.nextSeq++, blob: new Blob([]), last: true });
      void this.pump();
    };
  }

  start(): void {
    this.sync();
    this.draw();
    // a timer rather than animation frames: frames stop while the tab is hidden, the recording must not
    this.timer = window.setInterval(() => {
      this.sync();
      this.draw();
    }, 1000 / FPS);
    this.recorder.start(CHUNK_MS);
  }

  /** Follows who is in the call: a video element and an audio source per stream. */
  private sync(): void {
    const live = new Map(this.streams().map((s) => [s.id, s]));
    for (const [id, v] of this.videos)
      if (!live.has(id)) {
        v.srcObject = null;
        this.videos.delete(id);
      }
    for (const [id, src] of this.sources)
      if (!live.has(id)) {
        src.disconnect();
        this.sources.delete(id);
      }
    for (const [id, s] of live) {
      if (!this.videos.has(id) && s.getVideoTracks().length) {
        const v = document.createElement('video');
        v.muted = true;
        v.playsInline = true;
        v.srcObject = s;
        void v.play().catch(() => undefined);
        this.videos.set(id, v);
      }
      if (!this.sources.has(id) && s.getAudioTracks().length) {
        const src = this.audio.createMediaStreamSource(s);
        src.connect(this.dest);
        this.sources.set(id, src);
      }
    }
  }

  /** A grid of the videos (1, 2, or 2×n), each kept at its aspect ratio. */
  private draw(): void {
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.fillStyle = '#111';
    g.fillRect(0, 0, W, H);
    const list = [...this.videos.values()];
    const cols = list.length <= 1 ? 1 : list.length <= 4 ? 2 : 3;
    const rows = Math.max(1, Math.ceil(list.length / cols));
    const cw = W / cols;
    const ch = H / rows;
    list.forEach((v, i) => {
      if (!v.videoWidth) return;
      const scale = Math.min(cw / v.videoWidth, ch / v.videoHeight);
      const w = v.videoWidth * scale;
      const h = v.videoHeight * scale;
      const x = (i % cols) * cw + (cw - w) / 2;
      const y = Math.floor(i / cols) * ch + (ch - h) / 2;
      g.drawImage(v, x, y, w, h);
    });
  }

  private enqueue(blob: Blob): void {
    // the recorder's first blob can be a byte or two of the header (audio starting late): the first chunk goes out
    // once it holds the whole WebM header, so the server can check what it receives
    if (this.nextSeq === 0) {
      this.head = this.head ? new Blob([this.head, blob]) : blob;
      if (this.head.size < HEAD_BYTES && !this.stopped) return;
      blob = this.head;
      this.head = null;
    }
    this.queue.push({ seq: this.nextSeq++, blob, last: false });
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.queue.length) {
        const c = this.queue[0];
        this.inFlight = c.seq;
        const { res, refused } = await this.send(c);
        this.inFlight = -1;
        if (!res) {
          // a refusal (the recording was closed) is final after a few tries; no answer (offline) is retried
          // until the socket is back: the same seq again, which the server dedupes
          if (refused && ++this.refusals >= 3) {
            this.error = refused;
            this.resolveDone(null);
            return;
          }
          await new Promise((r) => window.setTimeout(r, 1500));
          continue;
        }
        this.queue.shift();
        this.bytes = res.bytes;
        if (c.last) {
          this.resolveDone(res.file ?? null);
          return;
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private async send(c: Chunk): Promise<{ res: CallRecordingChunkResult | null; refused: string | null }> {
    const data = new Uint8Array(await c.blob.arrayBuffer());
    return new Promise((resolve) => {
      this.socket
        .timeout(15_000)
        .emit(
          'call:recording-chunk',
          { sessionId: this.sessionId, recordingId: this.recordingId, seq: c.seq, data, last: c.last },
          (err, ack) =>
            resolve({
              res: !err && ack?.ok ? ack.data : null,
              refused: !err && ack && !ack.ok ? ack.error.message : null,
            }),
        );
    });
  }

  /** Stops recording; the last chunk is marked so the server finalises the file. */
  stop(): Promise<StoredFile | null> {
    if (!this.stopped) {
      this.stopped = true;
      window.clearInterval(this.timer);
      if (this.recorder.state !== 'inactive') this.recorder.stop();
      for (const v of this.videos.values()) v.srcObject = null;
      window.setTimeout(() => void this.audio.close(), 3000);
    }
    return this.done;
  }
}
