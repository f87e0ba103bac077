import { Client } from 'pg';
import { HttpClient, expectStatus } from '../support/http-client';
import { waitFor } from '../support/socket-client';
import {
  ApiProcess,
  buildServer,
  freshDatabase,
  postgresBase,
  removeBuild,
  startApiProcess,
} from './support/api-process';
import { RecordingSocket, contiguousSeq, sleep } from './support/room-fixtures';

/**
 * Two api processes on one PostgreSQL database share rooms through @socket.io/postgres-adapter. A message sent on
 * one reaches clients on the other; when one is killed with SIGKILL mid-stream, its clients reconnect to the other,
 * resend what was not acknowledged (same clientMsgId) and miss nothing that was acknowledged.
 * Needs PostgreSQL (DATABASE_URL, or a local server): see support/api-process.ts.
 */
describe('two api instances (e2e, PostgreSQL)', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let drop: () => Promise<void>;
  let dbUrl: string;
  let build: string;
  const sockets: RecordingSocket[] = [];
  const open = async (url: string, token: string) => {
    const s = await RecordingSocket.open(url, token);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    const base = await postgresBase();
    const db = await freshDatabase(base);
    drop = db.drop;
    dbUrl = db.url;
    build = buildServer();
    a = await startApiProcess(build, db.url, { ROOM_MESSAGE_RATE: '1000/1000' });
    b = await startApiProcess(build, db.url, { ROOM_MESSAGE_RATE: '1000/1000' });
  }, 240_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a?.kill(), b?.kill()]);
    await drop?.();
    if (build) removeBuild(build);
  });

  it('delivers across instances, and survives SIGKILL of one without losing an acknowledged message', async () => {
    const signIn = (url: string, user: string) => new HttpClient(url).signInStaff(user);
    const [judge, clerk, official, admin] = await Promise.all([
      signIn(a.url, 'judge1'),
      signIn(a.url, 'clerk1'),
      signIn(b.url, 'official1'),
      signIn(b.url, 'admin'),
    ]);
    const ids = await Promise.all(
      [clerk, official, admin].map(async (c) => (await c.get('/auth/me')).body.id),
    );
    const created = await judge.post('/rooms/linkage', {
      title: '跨实例会商',
      topic: '多实例验证',
      userIds: ids,
    });
    expectStatus(created, 201);
    const roomId: string = created.body.id;

    const judgeA = await open(a.url, judge.token!);
    const clerkA = await open(a.url, clerk.token!);
    const officialB = await open(b.url, official.token!);
    const adminB = await open(b.url, admin.token!);
    for (const s of [judgeA, clerkA, officialB, adminB])
      expect((await s.ack('room:join', { roomId })).ok).toBe(true);

    // across instances, both ways; presence sees sockets on both
    const hello = await judgeA.ack('message:send', { roomId, clientMsgId: 'hello', body: '实例 A 发出' });
    expect(hello.ok).toBe(true);
    await waitFor(() => adminB.of('message:new').find((m) => m.clientMsgId === 'hello'));
    expect((await officialB.ack('message:send', { roomId, clientMsgId: 'hi', body: '实例 B 发出' })).ok).toBe(
      true,
    );
    await waitFor(() => clerkA.of('message:new').find((m) => m.clientMsgId === 'hi'));
    const presence = await judgeA.ack('presence:list', { roomId });
    expect(presence.data.users.map((u: any) => u.name).sort()).toEqual(
      ['何立案', '周区管', '蒋科长', '许法官'].sort(),
    );

    // a stream from both instances; B is killed while it runs
    const acked = new Map<string, number>([['hello', hello.data.message.seq]]);
    const unacked = new Set<string>();
    let officialSocket = officialB;
    const stream = async (who: string, total: number, socket: () => RecordingSocket) => {
      for (let i = 0; i < total; i++) {
        const clientMsgId = `${who}-${i}`;
        unacked.add(clientMsgId);
        if (!socket().socket.connected) {
          await sleep(5);
          continue;
        } // its instance is gone: resent after reconnecting
        try {
          const r = await socket().ack('message:send', { roomId, clientMsgId, body: `${who} 第 ${i} 条` });
          if (r.ok) {
            acked.set(clientMsgId, r.data.message.seq);
            unacked.delete(clientMsgId);
          }
        } catch {
          /* no ack: the connection died; resent after reconnecting */
        }
        await sleep(5);
      }
    };
    const judgeStream = stream('judgeA', 150, () => judgeA);
    const officialStream = stream('officialB', 60, () => officialSocket);
    const seenByAdmin = new Map<number, any>();
    await waitFor(() => {
      for (const m of adminB.of('message:new')) seenByAdmin.set(m.seq, m);
      return seenByAdmin.size >= 60;
    });
    await b.kill('SIGKILL');
    expect(b.child.signalCode).toBe('SIGKILL');
    for (const m of adminB.of('message:new')) seenByAdmin.set(m.seq, m);
    await officialStream;

    // B's clients reconnect to A, rejoin from the last contiguous seq they hold, and resend what had no ack
    adminB.close();
    officialB.close();
    const adminA = await open(a.url, admin.token!);
    const rejoin = await adminA.ack('room:join', { roomId, lastSeq: contiguousSeq(seenByAdmin.keys()) });
    expect(rejoin.ok).toBe(true);
    // presence still answers while the adapter has not yet noticed B is gone (then only A's sockets: partial)
    const after = await adminA.ack('presence:list', { roomId });
    expect(after.ok).toBe(true);
    expect(after.data.users.map((u: any) => u.name)).toEqual(
      expect.arrayContaining(['许法官', '何立案', '周区管']),
    );
    officialSocket = await open(a.url, official.token!);
    expect((await officialSocket.ack('room:join', { roomId })).ok).toBe(true);
    const resent = [...unacked].filter((id) => id.startsWith('officialB'));
    for (const clientMsgId of resent) {
      const r = await officialSocket.ack('message:send', {
        roomId,
        clientMsgId,
        body: `officialB 第 ${clientMsgId.split('-')[1]} 条`,
      });
      expect(r.ok).toBe(true);
      acked.set(clientMsgId, r.data.message.seq);
      unacked.delete(clientMsgId);
    }
    await stream('officialB-after', 20, () => officialSocket);
    await judgeStream;
    expect([...unacked]).toEqual([]);

    const merged = new Map<number, any>(seenByAdmin);
    for (const m of rejoin.data.messages) merged.set(m.seq, m);
    await waitFor(() => {
      for (const m of adminA.of('message:new')) merged.set(m.seq, m);
      return [...acked.values()].every((seq) => merged.has(seq));
    }, 20_000);
    const byClientId = new Map<string, number[]>();
    for (const m of merged.values())
      if (m.clientMsgId) byClientId.set(m.clientMsgId, [...(byClientId.get(m.clientMsgId) ?? []), m.seq]);
    for (const [clientMsgId, seq] of acked)
      expect([clientMsgId, byClientId.get(clientMsgId)]).toEqual([clientMsgId, [seq]]);
    expect(contiguousSeq(merged.keys())).toBe(Math.max(...merged.keys()));

    // the record on the surviving instance: gapless, every acknowledged message once
    const history = await new HttpClient(a.url)
      .signInStaff('judge1')
      .then((c) => c.get(`/rooms/${roomId}/messages?afterSeq=0&limit=1000`));
    const seqs = history.body.map((m: any) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const texts = history.body.filter((m: any) => m.clientMsgId);
    expect(new Set(texts.map((m: any) => `${m.senderId}|${m.clientMsgId}`)).size).toBe(texts.length);
    for (const [clientMsgId, seq] of acked) expect(history.body[seq - 1].clientMsgId).toBe(clientMsgId);

    // judgeA never disconnected: a broadcast lost with B (committed, not yet announced) shows as a seq gap, filled by a rejoin
    const judgeSeen = new Map<number, any>(judgeA.of('message:new').map((m) => [m.seq, m]));
    const fill = await judgeA.ack('room:join', {
      roomId,
      lastSeq: contiguousSeq(judgeSeen.keys(), hello.data.message.seq - 1),
    });
    for (const m of fill.data.messages) judgeSeen.set(m.seq, m);
    expect(contiguousSeq(judgeSeen.keys(), hello.data.message.seq - 1)).toBe(seqs.length);
  });

  it('survives the database dropping every connection, and relays across instances again afterwards', async () => {
    b = await startApiProcess(build, dbUrl, { ROOM_MESSAGE_RATE: '1000/1000' });
    const [judge, official] = await Promise.all([
      new HttpClient(a.url).signInStaff('judge1'),
      new HttpClient(b.url).signInStaff('official1'),
    ]);
    const officialId = (await official.get('/auth/me')).body.id;
    const roomId = (
      await judge.post('/rooms/linkage', { title: '断线会商', topic: '连接中断', userIds: [officialId] })
    ).body.id;
    // what a PostgreSQL restart or failover does to each instance: every connection, the adapter's LISTEN one included, is cut
    const dbName = new URL(dbUrl).pathname.slice(1);
    const admin = new Client({ connectionString: dbUrl });
    await admin.connect();
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    await admin.end();
    await sleep(500);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
    // the adapter reconnects its LISTEN connection (after 1-3 s); then a message from A reaches B again
    const judgeA = await open(a.url, judge.token!);
    const officialB = await open(b.url, official.token!);
    for (const s of [judgeA, officialB]) expect((await s.ack('room:join', { roomId })).ok).toBe(true);
    const started = Date.now();
    while (!officialB.of('message:new').some((m) => m.clientMsgId?.startsWith('probe-'))) {
      if (Date.now() - started > 20_000)
        throw new Error(
          `no message relayed from A to B within 20 s after the connections were cut\nA: ${a.log.join('').slice(-2000)}\nB: ${b.log.join('').slice(-2000)}`,
        );
      expect(
        (await judgeA.ack('message:send', { roomId, clientMsgId: `probe-${Date.now()}`, body: '还在吗' })).ok,
      ).toBe(true);
      await sleep(300);
    }
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
  });
});
