import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { call } from '../support/clients';
import {
  Proc,
  freshDatabase,
  postgresBase,
  spawnPglite,
  startAllInOne,
  until,
  waitHealthy,
} from '../support/cluster';
import { IntakeLoad, MessageLoad } from '../support/load';
import { caseInMediation, messagesTally } from './room-record';
import { Outcome, Tally, crashed, say, tally } from './tally';

const FIRST_START_MS = 300_000;
const ENV = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_TYPING_RATE: '100000/1000' };

/**
 * `kill -9` of the all-in-one process (`npm start`'s `dist/src/main.js`) mid-traffic, `rounds` times, restarted each
 * time on the same storage: messages from two clients in a joint room and applications keep coming. Afterwards every
 * acknowledged message and application is read back through the api.
 */
export async function killMidTraffic(storage: 'pglite' | 'postgres', rounds: number): Promise<Outcome> {
  const scenario = `kill-9 ${storage}`;
  const started = Date.now();
  let dataDir: string | null = null;
  let db: { url: string; drop: () => Promise<void> } | null = null;
  let current: Proc | null = null;
  const loads: MessageLoad[] = [];
  let stopped = false;
  try {
    if (storage === 'postgres') {
      let base: string;
      try {
        base = await postgresBase();
      } catch (err) {
        return { scenario, tallies: [], skipped: (err as Error).message, seconds: 0 };
      }
      db = await freshDatabase(base, 'tj_faults');
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tj-faults-pglite-'));
    }
    const start = async (name: string): Promise<Proc> => {
      if (db) return startAllInOne(name, db.url, ENV);
      const p = await spawnPglite(name, dataDir!, ENV);
      // a fresh folder is created, migrated and seeded first: minutes on a busy machine
      await waitHealthy(p, FIRST_START_MS);
      return p;
    };
    current = await start(`${storage}-1`);
    const first = current;
    const { party, mediator, rooms } = await caseInMediation(first);
    const bases = () => (current && current.alive() ? [current.url] : []);
    loads.push(
      new MessageLoad('party', rooms.joint, party, bases),
      new MessageLoad('mediator', rooms.joint, mediator, bases),
    );
    const intake = new IntakeLoad(party, bases);
    let drainUntil = Infinity;
    const running = [
      ...loads.map((l) =>
        l.run(
          () => stopped,
          10,
          () => drainUntil,
        ),
      ),
      intake.run(() => stopped, 50),
    ];
    const acked = () => loads.reduce((n, l) => n + l.acked.size, 0);
    for (let round = 1; round <= rounds; round++) {
      const before = { messages: acked(), apps: intake.acked.length };
      await until(
        `traffic before kill ${round}`,
        async () => acked() >= before.messages + 40 && intake.acked.length >= before.apps + 4,
        120_000,
        50,
      );
      current.child.kill('SIGKILL');
      await current.exited;
      say(
        scenario,
        `round ${round}: killed with ${acked()} messages and ${intake.acked.length} applications acked`,
      );
      const t0 = Date.now();
      current = await start(`${storage}-${round + 1}`);
      say(scenario, `round ${round}: healthy again after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    await until('traffic after the last restart', async () => acked() >= 40 * rounds + 40, 120_000, 50);
    stopped = true;
    drainUntil = Date.now() + 30_000;
    await Promise.all(running);
    loads.forEach((l) => l.close());

    const messages = await messagesTally(scenario, current.url, mediator, rooms.joint, loads, [
      `${rounds} kills`,
    ]);
    const tallies: Tally[] = [messages];
    const found = new Map<string, number>();
    for (const id of intake.acked) {
      const r = await call(current.url, 'GET', `/cases/${id}`, { token: party });
      if (r.status === 200) found.set(id, 1);
    }
    tallies.push(
      tally(scenario, 'applications (POST /cases)', intake.acked, found, [
        `${intake.unanswered} unanswered while down (not acknowledged, not counted)`,
      ]),
    );
    return { scenario, tallies, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return crashed(scenario, started, err, current);
  } finally {
    stopped = true;
    loads.forEach((l) => l.close());
    await current?.kill('SIGKILL');
    await db?.drop().catch(() => undefined);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
