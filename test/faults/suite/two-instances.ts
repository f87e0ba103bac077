import { RoomFollower } from '../../rooms/support/room-follower';
import { call, staffToken } from '../support/clients';
import { Proc, freshDatabase, postgresBase, startApi, until } from '../support/cluster';
import { MessageLoad } from '../support/load';
import { roomRecord } from './room-record';
import { Outcome, Tally, say, tally } from './tally';

const ENV = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_TYPING_RATE: '100000/1000' };

/**
 * Two api instances on one PostgreSQL database; readers on both, writers on both; instance 1 is killed with
 * SIGKILL mid-burst. A busy room goes on from instance 2; a silent room is written only through instance 1 and
 * stays silent after the kill. Its clients fail over to instance 2 and resend what had no ack. Afterwards the
 * database holds every acknowledged message once, and every reader holds every message of its rooms (the ones
 * instance 1 committed but never relayed come back through `room:head` and re-joins).
 */
export async function twoInstances(): Promise<Outcome> {
  const scenario = 'two instances, one killed';
  const started = Date.now();
  let base: string;
  try {
    base = await postgresBase();
  } catch (err) {
    return { scenario, tallies: [], skipped: (err as Error).message, seconds: 0 };
  }
  const db = await freshDatabase(base, 'tj_faults');
  const procs: Proc[] = [];
  const closers: (() => void)[] = [];
  try {
    const one = await startApi('api-1', db.url, ENV);
    procs.push(one);
    const two = await startApi('api-2', db.url, ENV);
    procs.push(two);
    const tokens = Object.fromEntries(
      await Promise.all(
        ['judge1', 'clerk1', 'official1', 'admin'].map(
          async (u) => [u, await staffToken(one.url, u)] as const,
        ),
      ),
    );
    const ids = await Promise.all(
      ['clerk1', 'official1', 'admin'].map(
        async (u) => (await call(one.url, 'GET', '/auth/me', { token: tokens[u] })).body.id as string,
      ),
    );
    const room = async (title: string) => {
      const r = await call(one.url, 'POST', '/rooms/linkage', {
        token: tokens.judge1,
        body: { title, topic: '故障演练', userIds: ids },
      });
      if (r.status !== 201) throw new Error(`linkage room: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    };
    const busy = await room('持续会商');
    const silent = await room('沉寂会商');

    const readers: [RoomFollower, string[]][] = [
      [new RoomFollower('reader on 1', tokens.admin), [busy, silent]],
      [new RoomFollower('reader on 2', tokens.clerk1), [busy, silent]],
      [new RoomFollower('silent-room reader on 2', tokens.official1), [silent]],
    ];
    closers.push(
      ...readers.map(
        ([f]) =>
          () =>
            f.close(),
      ),
    );
    await readers[0][0].connect(one.url, readers[0][1]);
    await readers[1][0].connect(two.url, readers[1][1]);
    await readers[2][0].connect(two.url, readers[2][1]);

    const alive =
      (...ps: Proc[]) =>
      () =>
        ps.filter((p) => p.alive()).map((p) => p.url);
    let stopped = false;
    let drainUntil = Infinity;
    closers.push(() => {
      stopped = true;
      drainUntil = 0;
    });
    const writers = [
      new MessageLoad('busy-1', busy, tokens.judge1, alive(one, two)),
      new MessageLoad('busy-2', busy, tokens.official1, alive(two)),
      new MessageLoad('silent-1', silent, tokens.clerk1, alive(one)),
      new MessageLoad('silent-1b', silent, tokens.judge1, alive(one)),
    ];
    closers.push(...writers.map((w) => () => w.close()));
    const running = writers.map((w) =>
      w.run(
        () => stopped || (w.name.startsWith('silent') && !one.alive()),
        2,
        () => (w.name.startsWith('silent') ? 0 : drainUntil),
      ),
    );
    const acked = () => writers.reduce((n, w) => n + w.acked.size, 0);
    await until('the burst', async () => writers.every((w) => w.acked.size >= 50), 120_000, 50);
    one.child.kill('SIGKILL');
    await one.exited;
    const atKill = acked();
    say(scenario, `instance 1 killed with ${atKill} messages acknowledged`);
    await until('instance 1 readers to see the loss', async () => !readers[0][0].connected, 15_000, 50);
    await readers[0][0].connect(two.url, readers[0][1]);
    await until('traffic on instance 2', async () => writers[0].acked.size >= 100, 120_000, 50);
    stopped = true;
    drainUntil = Date.now() + 30_000;
    await Promise.all(running);
    writers.forEach((w) => w.close());

    const records = new Map(
      await Promise.all(
        [busy, silent].map(async (r) => [r, await roomRecord(two.url, tokens.judge1, r)] as const),
      ),
    );
    const t0 = Date.now();
    await until(
      'every reader to hold every message',
      async () => readers.every(([f, rs]) => rs.every((r) => f.contiguous(r) >= records.get(r)!.seqs)),
      90_000,
      100,
    ).catch(() => undefined);
    const settled = ((Date.now() - t0) / 1000).toFixed(1);
    // instance 2 tells its sockets the silent room's head once its adapter drops instance 1
    const silentHead = records.get(silent)!.seqs;
    const told = await until(
      'room:head of the silent room on instance 2',
      async () => readers[2][0].heads.get(silent)?.includes(silentHead),
      60_000,
      100,
    ).catch(() => false);
    const ackedIn = (r: string) =>
      writers
        .filter((w) => w.name.startsWith(r === busy ? 'busy' : 'silent'))
        .flatMap((w) => [...w.acked.keys()]);
    const tallies: Tally[] = [];
    for (const [r, label] of [
      [busy, 'busy room'],
      [silent, 'silent room'],
    ] as const) {
      const record = records.get(r)!;
      const stored = tally(scenario, `${label}: stored`, ackedIn(r), record.counts, [
        `${record.seqs} stored`,
      ]);
      if (!record.gapless) stored.problems.push('seqs have gaps');
      tallies.push(stored);
      for (const [f, rs] of readers) {
        if (!rs.includes(r)) continue;
        const held = new Map<string, number>();
        for (const m of f.rooms.get(r)!.values())
          if (m.clientMsgId) held.set(m.clientMsgId, (held.get(m.clientMsgId) ?? 0) + 1);
        tallies.push(
          tally(scenario, `${label}: ${f.name}`, ackedIn(r), held, [
            `holds ${f.contiguous(r)}/${record.seqs} in order`,
            `${f.filledByHead.get(r) ?? 0} came after room:head`,
          ]),
        );
      }
    }
    tallies[0].notes.push(`${atKill} acked before the kill; readers complete ${settled} s after the traffic`);
    const silentReader = tallies.find((t) => t.what.includes('silent-room reader'))!;
    if (told)
      silentReader.notes.push(
        `room:head ${silentHead} received ${((Date.now() - t0) / 1000).toFixed(1)} s after the traffic`,
      );
    else silentReader.problems.push('no room:head for the silent room after the kill');
    return { scenario, tallies, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    return {
      scenario,
      tallies: [],
      error: `${(err as Error).message}\n${procs.map((p) => p.log.join('').slice(-1500)).join('\n')}`,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    closers.reverse().forEach((c) => c());
    for (const p of procs) await p.kill('SIGKILL');
    await db.drop().catch(() => undefined);
  }
}
