import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * `npm start`'s supervisor: runs the all-in-one process (main.js next to this file) and starts it again when it
 * ends on its own (a crash, or the watchdog ending a process stuck on a full disk), after a pause that grows while
 * it keeps failing fast. SIGTERM / SIGINT are passed on, and then its exit is this process's exit.
 */
const MAIN = path.join(__dirname, 'main.js');
const MAX_PAUSE_MS = 30_000;
/** A run this long resets the pause: the failure was not at start-up. */
const HEALTHY_RUN_MS = 60_000;

let child: ChildProcess | null = null;
let stopping = false;
let pauseMs = 1000;
/** Whether any run has come up: a first start that fails (bad settings, a folder held by another process) is the
 * operator's to fix, so it ends the supervisor too instead of repeating the same refusal. */
let everUp = false;

function run(): void {
  const startedAt = Date.now();
  child = spawn(process.execPath, [...process.execArgv, MAIN, ...process.argv.slice(2)], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  // the child's output passes through; its "is up" line tells that this configuration can start
  child.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!everUp && chunk.toString().includes(' is up in ')) everUp = true;
  });
  child.once('exit', (code, signal) => {
    child = null;
    if (stopping || !everUp) process.exit(code ?? 1);
    if (Date.now() - startedAt > HEALTHY_RUN_MS) pauseMs = 1000;
    console.error(
      `the server ended (${signal ?? `exit code ${code}`}); starting it again in ${pauseMs / 1000} s`,
    );
    setTimeout(run, pauseMs);
    pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    stopping = true;
    if (child) child.kill(signal);
    else process.exit(0);
  });

run();
