import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, buildServer, until } from './support/cluster';

/**
 * A process whose main thread never returns to its event loop (what embedded PGlite does on a full disk at a WAL
 * segment switch) ignores SIGTERM and answers nothing. The watchdog thread of `dist/src/main.js` ends it with a
 * message saying why, so `npm start`'s supervisor starts it again. Real processes; the spin is a busy loop.
 */
function spinning(limitMs: number) {
  const watchdog = path.join(ROOT, 'dist/src/event-loop-watchdog.js');
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(watchdog)}).startEventLoopWatchdog(${limitMs}, 'database at /tmp/x');
       process.on('SIGTERM', () => process.exit(0));
       setTimeout(() => { console.log('spinning'); for (;;) {} }, 100);`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: string[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (_code, signal) => resolve({ signal })),
  );
  return { child, out, exited };
}

describe('a process stuck on its main thread (fault)', () => {
  beforeAll(() => buildServer());

  it('is ended by its watchdog with the reason, SIGTERM or not', async () => {
    const p = spinning(3000);
    await until('the main thread to spin', async () => p.out.join('').includes('spinning'), 30_000, 20);
    // the SIGTERM handler cannot run: the main thread never comes back
    p.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      p.exited,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 60_000))),
    ]);
    clearTimeout(timer);
    if (!exit) p.child.kill('SIGKILL');
    expect(exit?.signal).toBe('SIGKILL');
    expect(p.out.join('')).toMatch(
      /the process has not answered for \d+ s \(database at \/tmp\/x\): exiting/,
    );
  });

  it('leaves a process that keeps turning alone', async () => {
    const watchdog = path.join(ROOT, 'dist/src/event-loop-watchdog.js');
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const stop = require(${JSON.stringify(watchdog)}).startEventLoopWatchdog(2000, 'x');
         let n = 0; const t = setInterval(() => { if (++n === 8) { clearInterval(t); stop(); console.log('done'); } }, 500);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'done' });
  });
});
