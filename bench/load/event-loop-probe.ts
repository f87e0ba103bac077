/**
 * A probe for the api under load (not used by the app): every second, the event loop's delay (p50 / p99 / max),
 * the GC pause time and the heap in use, appended to PROBE_LOG (default /tmp/tiaojie-probe.log). Load it with
 *   API_NODE_ARGS="--require $PWD/dist-bench/bench/load/event-loop-probe.js" node dist-bench/bench/load/scenario.js
 */
import * as fs from 'node:fs';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let gcMs = 0;
let gcMax = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcMax = Math.max(gcMax, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
const out = fs.openSync(process.env.PROBE_LOG ?? '/tmp/tiaojie-probe.log', 'a');
const ms = (ns: number) => (ns / 1e6).toFixed(0);
setInterval(() => {
  fs.writeSync(
    out,
    `${new Date().toISOString().slice(11, 21)} pid ${process.pid} loop delay p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} ` +
      `max ${ms(delay.max)} ms; gc ${gcMs.toFixed(0)} ms (longest ${gcMax.toFixed(0)}); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB\n`,
  );
  delay.reset();
  gcMs = 0;
  gcMax = 0;
}, 1000).unref();
