import { Client } from 'pg';
import { HttpClient, expectStatus } from '../support/http-client';
import { waitFor } from '../support/socket-client';
import { MessageLoad } from '../faults/support/load';
import {
  ApiProcess,
  buildServer,
  freshDatabase,
  postgresBase,
  removeBuild,
  startApiProcess,
} from './support/api-process';
import { RoomFollower } from './support/room-follower';

/**
 * Rooms tell their head. Two api instances on one PostgreSQL database; A is killed with SIGKILL in the middle of a
 * burst. Broadcasts A had committed but not yet relayed die with it: a reader on B in a room that goes on sees the
 * hole and fills it, but a reader in a room that falls silent would never know. The surviving instance tells its
 * sockets every joined room's latest seq (`room:head`) as soon as its adapter finds A gone; every reader, on either
 * instance, ends with every acknowledged message. The periodic `room:head` is set to 10 minutes here, so only the
 * loss of A (and the joins) can tell the readers. Needs PostgreSQL (see support/api-process.ts).
 */
describe('rooms tell their head when an instance dies (e2e, PostgreSQL)', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let drop: () => Promise<void>;
  let pg: Client;
  let build: string;
  const closers: (() => void)[] = [];
  const env = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_HEAD_INTERVAL_MS: '600000' };

  beforeAll(async () => {
    const base = await postgresBase();
    const db = await freshDatabase(base);
    drop = db.drop;
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    build = buildServer();
    a = await startApiProcess(build, db.url, env);
    b = await startApiProcess(build, db.url, env);
  }, 240_000);
  afterAll(async () => {
    closers.reverse().forEach((c) => c());
    await pg?.end();
    await Promise.all([a?.kill('SIGKILL'), b?.kill()]);
    await drop?.();
    if (build) removeBuild(build);
  });

  it('brings every reader on every instance every acknowledged message, in a busy room and in a silent one', async () => {
    const signIn = (user: string) => new HttpClient(a.url).signInStaff(user);
    const [judge, clerk, official, admin] = await Promise.all(
      ['judge1', 'clerk1', 'official1', 'admin'].map(signIn),
    );
    const me = async (c: HttpClient) => (await c.get('/auth/me')).body;
    const [clerkMe, officialMe, adminMe] = await Promise.all([clerk, official, admin].map(me));
    const room = async (title: string) => {
      const r = await judge.post('/rooms/linkage', {
        title,
        topic: '实例故障',
        userIds: [clerkMe.id, officialMe.id, adminMe.id],
      });
      expectStatus(r, 201);
      return r.body.id as string;
    };
    const busy = await room('持续会商');
    const silent = await room('沉寂会商');

    // readers: one on A (reconnects to B after the kill), two on B
    const follower = (name: string, token: string) => {
      const f = new RoomFollower(name, token);
      closers.push(() => f.close());
      return f;
    };
    const readerA = follower('admin-on-A', admin.token!);
    const readerB = follower('clerk-on-B', clerk.token!);
    const silentB = follower('official-on-B', official.token!);
    await readerA.connect(a.url, [busy, silent]);
    await readerB.connect(b.url, [busy, silent]);
    await silentB.connect(b.url, [silent]);

    // writers: the busy room from both instances (A's writer fails over to B and resends what had no ack);
    // the silent room only from A, and never again once A is gone
    const alive =
      (...ps: ApiProcess[]) =>
      () =>
        ps.filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => p.url);
    let stopped = false;
    let silentStopped = false;
    let drainUntil = Infinity;
    closers.push(() => {
      stopped = silentStopped = true;
      drainUntil = 0;
    });
    const busyA = new MessageLoad('busy-A', busy, judge.token!, alive(a, b));
    const busyB = new MessageLoad('busy-B', busy, official.token!, alive(b));
    const silentA = new MessageLoad('silent-A', silent, clerk.token!, alive(a));
    const silentA2 = new MessageLoad('silent-A2', silent, judge.token!, alive(a));
    closers.push(...[busyA, busyB, silentA, silentA2].map((l) => () => l.close()));
    const busyRuns = [busyA, busyB].map((l) =>
      l.run(
        () => stopped,
        2,
        () => drainUntil,
      ),
    );
    const silentRuns = [silentA, silentA2].map((l) =>
      l.run(
        () => silentStopped,
        0,
        () => 0,
      ),
    );
    const acked = () => [busyA, busyB, silentA, silentA2].reduce((n, l) => n + l.acked.size, 0);
    await waitFor(() => busyA.acked.size >= 60 && busyB.acked.size >= 30 && silentA.acked.size >= 60, 90_000);

    // the silent room's last message: committed for A, never relayed (what A leaves behind when it dies between
    // its commit and its notification); the room's writers stop first, so no later message reveals the hole
    silentStopped = true;
    await Promise.all(silentRuns);
    const unrelayed = (
      await pg.query(
        `with s as (update rooms set last_seq = last_seq + 1 where id = $1 returning last_seq)
         insert into messages (room_id, seq, sender_id, sender_name, sender_role, client_msg_id, kind, body)
         select $1, last_seq, $2, $3, $4, 'unrelayed', 'text', '已提交、未转发' from s returning seq`,
        [silent, clerkMe.id, clerkMe.displayName, clerkMe.role],
      )
    ).rows[0].seq as string;
    const beforeKill = acked();
    await a.kill('SIGKILL');
    expect(a.child.signalCode).toBe('SIGKILL');

    // the reader on A reconnects to B and re-joins from what it holds
    await waitFor(() => !readerA.connected, 10_000);
    await readerA.connect(b.url, [busy, silent]);
    await waitFor(() => busyA.acked.size >= 100 && busyB.acked.size >= 60, 90_000);
    stopped = true;
    drainUntil = Date.now() + 30_000;
    await Promise.all(busyRuns);
    expect(acked()).toBeGreaterThan(beforeKill);
    expect(busyA.socketBase).toBe(b.url);

    // what the database holds is the truth every reader must reach
    const heads = new Map<string, number>(
      (await pg.query(`select id, last_seq from rooms where id = any($1)`, [[busy, silent]])).rows.map(
        (r) => [r.id, Number(r.last_seq)],
      ),
    );
    expect(heads.get(silent)).toBe(Number(unrelayed));
    const readers: [RoomFollower, string[]][] = [
      [readerA, [busy, silent]],
      [readerB, [busy, silent]],
      [silentB, [silent]],
    ];
    const complete = () =>
      readers.every(([f, rooms]) => rooms.every((r) => f.contiguous(r) >= heads.get(r)!));
    await waitFor(complete, 60_000).catch(() => {
      throw new Error(
        `readers incomplete: ${JSON.stringify(
          readers.map(([f, rooms]) => [f.name, rooms.map((r) => [f.contiguous(r), heads.get(r)])]),
        )}`,
      );
    });

    // every acknowledged message, with the seq it was acknowledged with, reached every reader of its room
    const expected: [string, Map<string, number>][] = [
      [busy, new Map([...busyA.acked, ...busyB.acked])],
      [silent, new Map([...silentA.acked, ...silentA2.acked, ['unrelayed', Number(unrelayed)]])],
    ];
    const missing: string[] = [];
    for (const [f, rooms] of readers)
      for (const [roomId, ids] of expected)
        if (rooms.includes(roomId))
          for (const [id, seq] of ids)
            if (f.rooms.get(roomId)!.get(seq)?.clientMsgId !== id) missing.push(`${f.name} ${id}@${seq}`);
    expect(missing).toEqual([]);

    // the readers on B learnt the silent room's head from B once A was gone (the periodic one is 10 minutes away)
    for (const f of [readerB, silentB]) expect(f.heads.get(silent) ?? []).toContain(Number(unrelayed));
    console.log(
      `room head: ${acked()} acknowledged (${beforeKill} before the kill); filled after room:head: ${readers
        .map(([f, rooms]) => `${f.name} ${rooms.map((r) => f.filledByHead.get(r) ?? 0).join('/')}`)
        .join(', ')}`,
    );
  });
});
