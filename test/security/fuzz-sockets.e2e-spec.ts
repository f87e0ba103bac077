import fc from 'fast-check';
import { CLIENT_EVENTS } from '@tiaojie/core';
import { ClientSocket, connect } from '../support/socket-client';
import { TestApp, startTestApp } from '../support/test-app';
import { DbSnapshot, DbSnapshotter, diffSnapshots } from './support/db-snapshot';
import { pathValueArb } from './support/fuzz-arbitraries';
import { authHeader } from './support/fuzz-auth';
import { FUZZ_PRINCIPALS, SEED, setFuzzEnv } from './support/fuzz-setup';
import { nastyString, wrongValue } from './support/fuzz-values';
import { Principal, World, buildWorld, worldIds } from './support/world';
import { Problem, report, socketAnswerProblems } from './support/fuzz-report';

/**
 * Property-based bad input over socket.io, the counterpart of fuzz.e2e-spec.ts for HTTP. Every client event is
 * sent by every signed-in role with fast-check payloads (real and random ids, wrong types, unusual Unicode,
 * frames around the 1 MB buffer), with and without an ack. Asserted for every event: an ack or `error` event
 * of a known shape, and a refused event changes nothing in the database; the server lives on afterwards.
 *
 * Every problem is collected (not only the first), so one run lists them all. Reproduce a run with
 * FUZZ_SEED=<seed printed on failure>; FUZZ_SOCKET_RUNS sets the runs per event.
 */

const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS ?? 80);

describe('fuzzing every socket event (e2e)', () => {
  let t: TestApp;
  let w: World;
  let snap: DbSnapshotter;
  let last: DbSnapshot;
  let ids: string[];
  let restoreEnv: (() => void) | undefined;
  const problems: Problem[] = [];

  beforeAll(async () => {
    restoreEnv = setFuzzEnv();
    t = await startTestApp();
    w = await buildWorld(t);
    ids = worldIds(w);
    snap = new DbSnapshotter(t.db);
    last = await snap.take();
  });
  afterAll(async () => {
    await t?.close();
    restoreEnv?.();
  });

  it('answers every client socket event with an ack of a known shape, never crashes, changes nothing when it refuses', async () => {
    // Nobody without a token gets a connection.
    await expect(connect(t.url, '')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(
      connect(t.url, authHeader('expired', null, t.config.jwtSecret)!.slice(7)),
    ).rejects.toMatchObject({ data: { code: 'TOKEN_EXPIRED' } });
    const sockets = new Map<Principal, ClientSocket>();
    const open = async (who: Principal) => {
      const s = await connect(t.url, w.clients[who].token!);
      sockets.set(who, s);
      return s;
    };
    const startProblems = problems.length;
    const roomIds = Object.values(w.rooms);
    const field = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...roomIds, ...Object.values(w.cases)) },
      {
        weight: 1,
        arbitrary: pathValueArb('id', ids).map((v) => {
          try {
            return decodeURIComponent(v);
          } catch {
            return v;
          }
        }),
      },
      { weight: 2, arbitrary: wrongValue },
    );
    const payload = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            roomId: field,
            disputeId: field,
            lastSeq: fc.oneof(fc.nat(50), wrongValue),
            seq: fc.oneof(fc.nat(50), wrongValue),
            clientMsgId: fc.oneof(nastyString, wrongValue),
            body: fc.oneof(nastyString, wrongValue),
            typing: fc.oneof(fc.boolean(), wrongValue),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(undefined, null, 0, '', 'room:join', [], [{}], Buffer.from([0, 1, 2])),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          roomId: fc.constantFrom(...roomIds),
          clientMsgId: fc.string({ minLength: 1, maxLength: 64 }),
          body: fc.constantFrom('调'.repeat(200_000), 'x'.repeat(300_000)),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FUZZ_PRINCIPALS.filter((p) => p !== 'anonymous')),
        fc.constantFrom(...CLIENT_EVENTS),
        payload,
        fc.boolean(),
        async (who, event, data, withAck) => {
          const s = sockets.get(who)?.connected ? sockets.get(who)! : await open(who);
          const shown = `${event} ${(() => {
            try {
              const j = JSON.stringify(data);
              return j === undefined ? String(data) : j.length > 300 ? `${j.slice(0, 300)}…(${j.length})` : j;
            } catch {
              return String(data);
            }
          })()}`;
          const before = last;
          let res: any;
          if (withAck) {
            try {
              res = await s.timeout(10_000).emitWithAck(event, data);
            } catch (err) {
              problems.push({
                where: `socket ${event}`,
                who,
                what: `no ack: ${(err as Error).message}`,
                request: shown,
              });
              last = await snap.take();
              return true;
            }
          } else {
            // Without an ack a refusal arrives as an `error` event naming the event.
            const got = new Promise<any>((resolve) => {
              const timer = setTimeout(() => resolve(null), 300);
              s.once('error', (e: any) => {
                clearTimeout(timer);
                resolve({ ok: false, error: e });
              });
            });
            s.emit(event, data);
            res = await got;
          }
          last = await snap.take();
          if (res === null) return true; // accepted without an ack: nothing to answer
          for (const what of socketAnswerProblems(res, diffSnapshots(before, last)))
            problems.push({ where: `socket ${event}`, who, what, request: shown });
          return true;
        },
      ),
      { numRuns: SOCKET_RUNS * CLIENT_EVENTS.length, seed: SEED },
    );

    // Events nobody declared are ignored, frames over the 1 MB socket buffer close only that connection; the server lives on.
    const s = await open('partyA');
    s.emit('no:such:event', { roomId: w.rooms.jointA });
    s.emit('__proto__', {});
    const closed = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    s.emit('message:send', { roomId: w.rooms.jointA, clientMsgId: 'too-big', body: 'x'.repeat(1_100_000) });
    expect(await closed).toBe('transport close');
    const again = await open('partyA');
    const ack = await again.timeout(10_000).emitWithAck('message:send', {
      roomId: w.rooms.jointA,
      clientMsgId: `after-fuzz-${SEED}`,
      body: '模糊测试之后还能正常发言',
    });
    expect(ack).toMatchObject({ ok: true });
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    sockets.forEach((x) => x.disconnect());
    again.disconnect();
    last = await snap.take();
    const mine = problems.slice(startProblems);
    if (mine.length)
      throw new Error(report(mine, `seed ${SEED}, ${SOCKET_RUNS * CLIENT_EVENTS.length} socket events`));
  });
});
