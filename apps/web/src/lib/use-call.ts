import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { CallEngine } from './call-engine';
import type { CallSnapshot } from './call-types';
import { CallRecorder } from './call-recorder';
import { linkStats, type PeerFlags } from './call-peer';
import { useSocket, type TjSocket } from './use-socket';

/** Set by the browser tests before the app loads: exposes the call's statistics on window.__tjCall. */
interface TestWindow {
  __tjTestHooks?: boolean;
  __tjCall?: {
    engine: CallEngine;
    stats: () => ReturnType<CallEngine['stats']>;
    snapshot: () => CallSnapshot;
    timing: CallEngine['timing'];
    recorder: () => { bytes: number; file: unknown; error: string | null } | null;
    /** When the first remote video frame was decoded (performance.now), polled every 5 ms (the benchmark). */
    firstFrame: () => Promise<{ at: number; signalsSent: number; signalsReceived: number }>;
  };
}

/** The call while the page shows it: joined on mount, left on unmount (the camera is released by the caller). */
export function useCall(opts: {
  sessionId: string;
  local: MediaStream;
  iceServers: RTCIceServer[];
  flags: PeerFlags;
  /** The assigned mediator's page records the call when every participant consents. */
  records: boolean;
}) {
  const { socket } = useSocket();
  const [engine, setEngine] = useState<CallEngine | null>(null);
  const init = useRef(opts);

  useEffect(() => {
    if (!socket) return;
    const o = init.current;
    const e = new CallEngine(socket, o.sessionId, o.local, o.iceServers, o.flags);
    setEngine(e);
    e.join();
    return () => e.leave();
  }, [socket]);

  const snap = useSyncExternalStore(
    (fn) => engine?.subscribe(fn) ?? (() => undefined),
    () => engine?.snapshot ?? null,
  );
  const recording = useCallRecording(engine, snap, opts.records && !!socket ? socket : null);

  useEffect(() => {
    const w = window as unknown as TestWindow;
    if (!engine || !w.__tjTestHooks) return;
    w.__tjCall = {
      engine,
      stats: () => engine.stats(),
      snapshot: () => engine.snapshot,
      timing: engine.timing,
      firstFrame: async () => {
        for (;;) {
          for (const l of engine.connectedLinks)
            if ((await linkStats(l)).framesDecoded > 0) return { at: performance.now(), ...engine.timing };
          await new Promise((r) => window.setTimeout(r, 5));
        }
      },
      recorder: () => {
        const r = recording.current.current;
        return r ? { bytes: r.bytes, file: recording.file.current, error: r.error } : null;
      },
    };
  }, [engine, recording]);

  return { engine, snap };
}

/** Starts the mediator's recorder while the recording is on and stops it (last chunk) when it goes off. */
function useCallRecording(engine: CallEngine | null, snap: CallSnapshot | null, socket: TjSocket | null) {
  const current = useRef<CallRecorder | null>(null);
  const file = useRef<unknown>(null);
  const on = socket && snap?.recording?.state === 'on' ? (snap.recording.recordingId ?? null) : null;

  useEffect(() => {
    if (!engine || !on || !socket) return;
    const streams = () => [
      engine.localStream,
      ...engine.connectedLinks.map((l) => l.remote).filter((s) => s.getTracks().length),
    ];
    const r = new CallRecorder(socket, engine.sessionId, on, streams);
    current.current = r;
    r.start();
    void r.done.then((f) => (file.current = f));
    return () => void r.stop();
  }, [engine, on, socket]);

  return useMemo(() => ({ current, file }), []);
}
