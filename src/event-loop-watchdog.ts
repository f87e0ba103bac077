import { Worker } from 'node:worker_threads';

/**
 * Ends the process when its event loop has not turned for `limitMs`. Embedded PGlite runs on the main thread: when
 * it cannot write its WAL (a full disk at a segment switch) it spins there for ever, and nothing on that thread,
 * not even a SIGTERM handler, runs again. A thread of its own watches a heartbeat the main thread stores every
 * second; when it stops, the thread writes why (synchronously: the main thread cannot relay it) and kills the
 * process, so a supervisor (`npm start`, the compose file) starts it again on intact data.
 */
export function startEventLoopWatchdog(limitMs: number, what: string): () => void {
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const started = Date.now();
  const now = () => Math.floor((Date.now() - started) / 1000);
  Atomics.store(beat, 0, now());
  const timer = setInterval(() => Atomics.store(beat, 0, now()), 1000);
  timer.unref();
  const source = `
    const { workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const { beat, started, limitMs, what } = workerData;
    setInterval(() => {
      const stalled = Date.now() - (started + Atomics.load(beat, 0) * 1000);
      if (stalled < limitMs) return;
      fs.writeSync(2, 'the process has not answered for ' + Math.round(stalled / 1000) + ' s (' + what +
        '): exiting so that it is started again\\n');
      process.kill(process.pid, 'SIGKILL');
    }, 1000);
  `;
  const watcher = new Worker(source, { eval: true, workerData: { beat, started, limitMs, what } });
  watcher.unref();
  return () => {
    clearInterval(timer);
    void watcher.terminate();
  };
}
