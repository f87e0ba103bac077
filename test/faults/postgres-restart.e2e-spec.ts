import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { connectSocket, mediatingCase, partyToken, staffToken } from './support/clients';
import {
  Proc,
  buildServer,
  freshDatabase,
  postgresBase,
  sleep,
  sql,
  startApi,
  until,
} from './support/cluster';
import { IntakeLoad, MessageLoad, Outcome } from './support/load';

/**
 * PostgreSQL restarts (`pg_ctlcluster --skip-systemctl-redirect 15 main restart`) while
 * two api instances serve HTTP and socket traffic. During the outage requests may fail, but only with 5xx
 * (503 from the health check) and never hang; afterwards both instances recover on their own (health, writes,
 * realtime across instances through the PostgreSQL adapter) and nothing acknowledged is lost.
 *
 * This restarts the machine's PostgreSQL server: every other test using it at that moment loses its
 * connections. It is its own file and the suite runs with --runInBand (npm test does), so nothing else runs
 * meanwhile. PG_RESTART_COMMAND overrides the command (e.g. for another cluster version or a container).
 */
const RESTART = (
  process.env.PG_RESTART_COMMAND ?? 'pg_ctlcluster --skip-systemctl-redirect 15 main restart'
).split(' ');

describe('PostgreSQL restart during activity (fault)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let api1: Proc;
  let api2: Proc;
  const env = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_TYPING_RATE: '100000/1000' };

  beforeAll(async () => {
    const base = await postgresBase();
    buildServer();
    db = await freshDatabase(base);
    api1 = await startApi('api-1', db.url, env);
    api2 = await startApi('api-2', db.url, env);
  });
  afterAll(async () => {
    for (const p of [api1, api2]) await p?.kill('SIGKILL');
    await until(
      'PostgreSQL to accept connections',
      async () => {
        const c = new Client({ connectionString: db.url });
        await c.connect();
        await c.end();
        return true;
      },
      60_000,
    ).catch(() => undefined);
    await db?.drop();
  });

  it('answers 5xx at most during the outage, recovers by itself, and loses nothing acknowledged', async () => {
    const party = await partyToken(api1, '13800000001');
    const admin = await staffToken(api1.url, 'js_admin');
    const mediator = await staffToken(api2.url, 'js_mediator');
    const { rooms } = await mediatingCase(api1.url, party, admin, mediator);

    let stopped = false;
    let drainUntil = Infinity;
    const only1 = () => [api1.url];
    const only2 = () => [api2.url];
    const messages = [
      new MessageLoad('party-on-1', rooms.joint, party, only1),
      new MessageLoad('mediator-on-2', rooms.joint, mediator, only2),
    ];
    const intake = new IntakeLoad(party, () => [api1.url, api2.url]);
    const health: Outcome[] = [];
    const probeHealth = async () => {
      while (!stopped) {
        for (const p of [api1, api2]) {
          const at = Date.now();
          try {
            const r = await fetch(`${p.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
            health.push({ at, target: p.name, status: r.status });
          } catch (err) {
            health.push({
              at,
              target: p.name,
              status: /timeout|abort/i.test(String(err)) ? 'timeout' : 'network',
            });
          }
        }
        await sleep(100);
      }
    };
    const running = [
      ...messages.map((m) =>
        m.run(
          () => stopped,
          50,
          () => drainUntil,
        ),
      ),
      intake.run(() => stopped, 100),
      probeHealth(),
    ];

    const diagnose = async () => {
      const states = await Promise.all(
        [api1, api2].map(
          async (p) =>
            `${p.name}: ${p.alive() ? 'running' : `exited ${JSON.stringify(await p.exited)}`}\n${p.log
              .join('')
              .split('\n')
              .filter((l) => /error|fatal|exit|terminat/i.test(l))
              .slice(-8)
              .join('\n')
              .slice(0, 2500)}`,
        ),
      );
      return `${states.join('\n---\n')}\nlast health probes: ${JSON.stringify(health.slice(-6))}`;
    };
    try {
      await sleep(3000);
      const restartStarted = Date.now();
      // asynchronously: the probes and the load keep running in this process while the server restarts
      await promisify(execFile)(RESTART[0], RESTART.slice(1));
      const restartEnded = Date.now();
      // recovery: both healthy again, a write through each instance, realtime across instances
      const healthyAgain = await until(
        'both instances healthy after the restart',
        async () => {
          const r = await Promise.all(
            [api1, api2].map((p) =>
              fetch(`${p.url}/api/health`, { signal: AbortSignal.timeout(5000) })
                .then((x) => x.status)
                .catch(() => 0),
            ),
          );
          return r.every((s) => s === 200) ? Date.now() : null;
        },
        60_000,
        250,
      ).catch(async (err) => {
        throw new Error(`${(err as Error).message}\n${await diagnose()}`);
      });
      await sleep(3000);
      stopped = true;
      drainUntil = Date.now() + 30_000;
      await Promise.all(running);

      // realtime across instances after the restart: a message sent on api-1 reaches a socket on api-2
      const listener: Socket = await connectSocket(api2.url, mediator);
      const sender: Socket = await connectSocket(api1.url, party);
      const got: string[] = [];
      listener.on('message:new', (m: any) => got.push(m.clientMsgId));
      expect((await listener.timeout(10_000).emitWithAck('room:join', { roomId: rooms.joint })).ok).toBe(
        true,
      );
      const after = await sender.timeout(10_000).emitWithAck('message:send', {
        roomId: rooms.joint,
        clientMsgId: 'after-restart',
        body: '数据库重启之后',
      });
      expect(after.ok).toBe(true);
      const crossInstance = await until(
        'the message on the other instance',
        async () => got.includes('after-restart'),
        10_000,
        50,
      ).catch(() => false);
      listener.disconnect();
      sender.disconnect();
      messages.forEach((m) => m.close());

      // both processes survived
      expect({ api1: api1.alive(), api2: api2.alive() }).toEqual({ api1: true, api2: true });
      // during the whole run: 2xx or 5xx, never another 4xx, never a hang
      const everything = [...health, ...intake.log, ...messages.flatMap((m) => m.log)];
      const bad = everything.filter((o) =>
        typeof o.status === 'number' ? o.status >= 400 && o.status < 500 : o.status === 'timeout',
      );
      const outage = health.filter((o) => o.status !== 200);
      console.log(
        `restart took ${restartEnded - restartStarted} ms; healthy again ${healthyAgain - restartEnded} ms after it returned; ${outage.length} failed health probes (${[...new Set(outage.map((o) => o.status))].join(', ')}); messages acked ${messages.reduce((n, m) => n + m.acked.size, 0)}, refused during the outage ${messages.reduce((n, m) => n + m.refusals.length, 0)} (${[...new Set(messages.flatMap((m) => m.refusals.map((r) => r.status)))].join(', ')}); applications acked ${intake.acked.length}, answers ${JSON.stringify(intake.log.reduce<Record<string, number>>((h, o) => ({ ...h, [String(o.status)]: (h[String(o.status)] ?? 0) + 1 }), {}))}`,
      );
      expect(bad.map((o) => `${o.target}: ${o.status}`)).toEqual([]);
      // the health check says what is wrong: 503 Service Unavailable while the database is unreachable
      expect([...new Set(outage.map((o) => o.status))].filter((s) => s !== 503)).toEqual([]);
      expect(healthyAgain - restartEnded).toBeLessThan(30_000);
      expect(crossInstance).toBe(true);

      // nothing acknowledged is lost, nothing stored twice
      const pg = await sql(db.url);
      try {
        const stored = (
          await pg.query(
            `select client_msg_id, count(*)::int as n from messages where room_id = $1 and client_msg_id is not null group by client_msg_id`,
            [rooms.joint],
          )
        ).rows;
        const count = new Map(stored.map((r) => [r.client_msg_id, r.n]));
        const acked = messages.flatMap((m) => [...m.acked.keys()]);
        expect(acked.length).toBeGreaterThan(50);
        expect(acked.filter((id) => count.get(id) !== 1)).toEqual([]);
        expect(stored.filter((r) => r.n > 1)).toEqual([]);
        const apps = (
          await pg.query(`select count(*)::int as n from disputes where id = any($1)`, [intake.acked])
        ).rows[0].n;
        expect(apps).toBe(intake.acked.length);
      } finally {
        await pg.end();
      }
    } finally {
      stopped = true;
      drainUntil = 0;
      await Promise.all(running);
      messages.forEach((m) => m.close());
    }
  });
});
