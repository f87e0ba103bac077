import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { call } from '../support/clients';
import { Proc, spawnPglite, until, waitHealthy } from '../support/cluster';
import { MessageLoad } from '../support/load';
import { caseInMediation, messagesTally } from './room-record';
import { Outcome, crashed, say } from './tally';

const SIZE_MB = 160;
/** What is left free once the filler is written: less than one WAL segment. */
const LEFT_FREE = 1024 * 1024;
/** Bulky messages that make more than one 16 MB WAL segment. */
const WAL_SEGMENT_MESSAGES = 1400;

/** 4,900 CJK characters drawn from the id (a resend has the same body): hardly compressible, ~15 kB of WAL each. */
function bulkyBody(id: string): string {
  const chars: string[] = [];
  for (let block = 0; chars.length < 4900; block++) {
    const h = createHash('sha256').update(`${id}:${block}`).digest();
    for (let i = 0; i + 1 < h.length && chars.length < 4900; i += 2)
      chars.push(String.fromCharCode(0x4e00 + (h.readUInt16BE(i) % 0x51a5)));
  }
  return chars.join('');
}
const ENV = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_TYPING_RATE: '100000/1000' };

/** /api/health: its status, or 'timeout' when it does not answer in 3 s, or 'down' when nothing listens. */
async function health(p: Proc): Promise<number | 'timeout' | 'down'> {
  try {
    const r = await fetch(`${p.url}/api/health`, { signal: AbortSignal.timeout(3000) });
    return r.status;
  } catch (err) {
    return /timeout|abort/i.test(String((err as Error).name)) ? 'timeout' : 'down';
  }
}

function mountTmpfs(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount -t tmpfs refused: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`;
  }
}

/**
 * The all-in-one process on PGlite with its DATA_DIR on a small tmpfs, under message traffic; a filler file takes
 * the space. What happens is recorded (503 STORAGE_UNAVAILABLE, timeouts, a hang, an exit); then the space comes
 * back. The process must either recover by itself or have exited (a supervisor restarts it); a process that no
 * longer answers counts as hung and is killed. Afterwards, on the same folder, every acknowledged message is there.
 */
export async function diskFull(): Promise<Outcome> {
  const scenario = 'disk full (tmpfs)';
  const started = Date.now();
  const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-faults-tmpfs-'));
  const refused = mountTmpfs(mnt);
  if (refused) {
    fs.rmSync(mnt, { recursive: true, force: true });
    return { scenario, tallies: [], skipped: refused, seconds: 0 };
  }
  const dataDir = path.join(mnt, 'data');
  const filler = path.join(mnt, 'filler');
  let current: Proc | null = null;
  const loads: MessageLoad[] = [];
  let stopped = false;
  try {
    current = await spawnPglite('disk-1', dataDir, ENV);
    // a fresh folder is created, migrated and seeded first: minutes on a busy machine
    await waitHealthy(current, 300_000);
    const first = current;
    const { party, mediator, rooms } = await caseInMediation(first);
    const bases = () => (current && current.alive() ? [current.url] : []);
    // bulky messages fill the WAL segment, so the next one is needed while the disk is full
    loads.push(
      new MessageLoad('party', rooms.joint, party, bases, bulkyBody),
      new MessageLoad('mediator', rooms.joint, mediator, bases, bulkyBody),
      new MessageLoad('mediator-2', rooms.joint, mediator, bases, bulkyBody),
    );
    let drainUntil = Infinity;
    const running = loads.map((l) =>
      l.run(
        () => stopped,
        0,
        () => drainUntil,
      ),
    );
    const acked = () => loads.reduce((n, l) => n + l.acked.size, 0);
    await until('traffic before the disk fills', async () => acked() >= 40, 60_000, 50);
    const { bavail, bsize } = fs.statfsSync(mnt);
    const fill = Math.max(0, bavail * bsize - LEFT_FREE);
    execFileSync('fallocate', ['-l', String(fill), filler]);
    say(scenario, `${(fill / 1048576).toFixed(0)} MB filler written; ${acked()} messages acked so far`);
    const ackedAtFull = acked();
    // the state the disk-full leaves: refusals named STORAGE_UNAVAILABLE, health 503, no answer, or an exit
    // the disk stays full under traffic until the process stops answering or exits, or until more than a WAL
    // segment (16 MB) of messages was acknowledged, so the segment switch happens while nothing is free
    const states = new Set<string>();
    let unanswered = 0;
    const seen = await until(
      'the full disk to show',
      async () => {
        const h = await health(first);
        if (!first.alive()) return `exited (${first.child.exitCode ?? first.child.signalCode})`;
        // three probes in a row (about 10 s): one slow answer on a busy machine is not a stop
        unanswered = h === 'timeout' ? unanswered + 1 : 0;
        if (unanswered >= 3) return `health does not answer (${[...states].join(', ')})`;
        states.add(`health ${h}`);
        for (const r of loads.flatMap((l) => l.refusals)) states.add(`refused ${String(r.status)}`);
        return acked() - ackedAtFull > WAL_SEGMENT_MESSAGES ? `answering (${[...states].join(', ')})` : null;
      },
      180_000,
      250,
    ).catch(() => `still answering after 180 s (${[...states].join(', ')})`);
    const ackedWhileFull = acked() - ackedAtFull;
    say(scenario, `with the disk full: ${seen}; ${ackedWhileFull} messages acked meanwhile`);
    fs.rmSync(filler, { force: true });
    const freedAt = Date.now();
    const after = await until(
      'recovery or exit once space is back',
      async () => {
        if (!first.alive()) return `exited with ${first.child.exitCode ?? first.child.signalCode}`;
        return (await health(first)) === 200 ? 'recovered by itself' : null;
      },
      90_000,
      250,
    ).catch(() => 'hung: no answer 90 s after space came back');
    say(scenario, `${after} (${((Date.now() - freedAt) / 1000).toFixed(1)} s after space came back)`);
    if (after.startsWith('recovered')) {
      const more = acked();
      await until('messages acked after the recovery', async () => acked() >= more + 10, 60_000, 50).catch(
        () => undefined,
      );
    } else {
      // what `npm start`'s supervisor (or the compose restart policy) does
      const said = /the process has not answered[^\n]*/.exec(first.log.join(''))?.[0];
      if (said) say(scenario, `it said: ${said}`);
      await first.kill('SIGKILL');
      current = await spawnPglite('disk-2', dataDir, ENV);
      await waitHealthy(current, 300_000);
    }
    stopped = true;
    drainUntil = Date.now() + 30_000;
    await Promise.all(running);
    loads.forEach((l) => l.close());
    const t = await messagesTally(scenario, current.url, mediator, rooms.joint, loads, [
      `disk full: ${seen}`,
      `${ackedWhileFull} acked while full`,
      `space back: ${after}`,
    ]);
    if (after.startsWith('hung')) t.problems.push('the process hung on a full disk');
    const status = await call(current.url, 'GET', '/health');
    if (status.status !== 200) t.problems.push(`health ${status.status} at the end`);
    return { scenario, tallies: [t], seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return crashed(scenario, started, err, current);
  } finally {
    stopped = true;
    loads.forEach((l) => l.close());
    await current?.kill('SIGKILL');
    try {
      execFileSync('umount', [mnt], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mnt], { stdio: 'pipe' });
    }
    fs.rmSync(mnt, { recursive: true, force: true });
  }
}
