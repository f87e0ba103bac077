import { Client } from 'pg';
import { call, mediatingCase, partyToken, staffToken, application } from './support/clients';
import {
  Proc,
  buildServer,
  freshDatabase,
  postgresBase,
  sql,
  startApi,
  startWorker,
  until,
} from './support/cluster';
import { IntakeLoad, MessageLoad, TransitionLoad, WebhookLoad } from './support/load';

/**
 * Two api instances and a worker on one PostgreSQL database under load (socket messages
 * on both instances, applications, signed 12345 webhook deliveries, case transitions); one api instance is
 * killed with SIGKILL mid-load; clients fail over to the other and resend what was not acknowledged with the
 * same idempotency key. Afterwards every acknowledged message, transition, application and webhook row is in
 * the database exactly once, and nothing was applied twice. Needs PostgreSQL (see support/cluster.ts).
 */
describe('SIGKILL of an api instance under load (fault)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let api1: Proc;
  let api2: Proc;
  let worker: Proc;
  let pg: Client;
  const env = { ROOM_MESSAGE_RATE: '100000/1000', ROOM_TYPING_RATE: '100000/1000' };

  beforeAll(async () => {
    const base = await postgresBase();
    buildServer();
    db = await freshDatabase(base);
    api1 = await startApi('api-1', db.url, env);
    api2 = await startApi('api-2', db.url, env);
    worker = await startWorker('worker', db.url);
    pg = await sql(db.url);
  });
  afterAll(async () => {
    await pg?.end();
    for (const p of [api1, api2, worker]) await p?.kill('SIGKILL');
    await db?.drop();
  });

  it('loses no acknowledged message, transition, application or import row, and applies none twice', async () => {
    const party = await partyToken(api1, '13800000001');
    const admin = await staffToken(api1.url, 'js_admin');
    const mediator = await staffToken(api1.url, 'js_mediator');
    const { rooms } = await mediatingCase(api1.url, party, admin, mediator);
    // cases for the transition load: one party's repeated applications go to the district queue; the district routes them to body A
    const district = await staffToken(api1.url, 'admin');
    const bodyA = (await call(api1.url, 'GET', '/auth/me', { token: admin })).body.orgId;
    const routed: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await call(api1.url, 'POST', '/cases', { token: party, body: application() });
      expect(r.status).toBe(201);
      if (r.body.status !== 'routed') {
        const v = (await call(api1.url, 'GET', `/cases/${r.body.id}`, { token: district })).body.version;
        expect(
          (
            await call(api1.url, 'POST', `/cases/${r.body.id}/route`, {
              token: district,
              body: { version: v, bodyId: bodyA, reason: '故障测试分派' },
            })
          ).status,
        ).toBe(200);
      }
      routed.push(r.body.id);
    }

    const both = () => [api1, api2].filter((p) => p.alive()).map((p) => p.url);
    const second = () => [api2, api1].filter((p) => p.alive()).map((p) => p.url);
    let stopped = false;
    let drainUntil = Infinity;
    const stop = () => stopped;
    const drain = () => drainUntil;
    const messages = [
      new MessageLoad('party-on-1', rooms.joint, party, both),
      new MessageLoad('mediator-on-1', rooms.joint, mediator, both),
      new MessageLoad('party-on-2', rooms.joint, party, second),
      new MessageLoad('mediator-on-2', rooms.staff, mediator, second),
    ];
    const intake = new IntakeLoad(party, both);
    const webhooks = new WebhookLoad('SW7', both);
    const transitions = new TransitionLoad(admin, routed, both);
    const running = [
      ...messages.map((m) => m.run(stop, 15, drain)),
      intake.run(stop, 40),
      webhooks.run(stop, 40, drain),
      transitions.run(stop, 120, drain),
    ];

    // kill once every load has been acknowledged a few times (adapts to a slow, shared machine) …
    const counts = () => ({
      messages: messages.reduce((n, m) => n + m.acked.size, 0),
      intake: intake.acked.length,
      webhooks: webhooks.acked.size,
      transitions: transitions.acked.length,
    });
    await until(
      'load to run before the kill',
      async () => {
        const c = counts();
        return c.messages >= 40 && c.intake >= 5 && c.webhooks >= 5 && c.transitions >= 5;
      },
      120_000,
      50,
    );
    const beforeKill = counts();
    api1.child.kill('SIGKILL');
    const killed = await api1.exited;
    expect(killed.signal).toBe('SIGKILL');
    // … and keep going until every load has been acknowledged a few more times by the survivor
    await until(
      'load to go on after the kill',
      async () => {
        const c = counts();
        return (
          c.messages >= beforeKill.messages + 40 &&
          c.intake >= beforeKill.intake + 5 &&
          c.webhooks >= beforeKill.webhooks + 5 &&
          (c.transitions >= beforeKill.transitions + 5 || c.transitions === routed.length)
        );
      },
      120_000,
      50,
    );
    stopped = true;
    drainUntil = Date.now() + 30_000;
    await Promise.all(running);
    messages.forEach((m) => m.close());

    // load really ran on both sides of the kill
    const histogram = (log: { status: unknown }[]) =>
      log.reduce<Record<string, number>>(
        (h, o) => ({ ...h, [String(o.status)]: (h[String(o.status)] ?? 0) + 1 }),
        {},
      );
    console.log(
      'outcomes',
      JSON.stringify({
        intake: histogram(intake.log),
        webhooks: histogram(webhooks.log),
        transitions: histogram(transitions.log),
        messages: histogram(messages.flatMap((m) => m.log)),
      }),
    );
    const acked = [...messages.flatMap((m) => [...m.acked])];
    expect(acked.length).toBeGreaterThan(beforeKill.messages);
    expect(messages.every((m) => m.socketBase === api2.url)).toBe(true);
    expect(api2.alive()).toBe(true);
    expect(worker.alive()).toBe(true);

    // messages: every acknowledged one stored once with the seq it was acknowledged with; no clientMsgId twice; seqs gapless
    const stored = (
      await pg.query(
        `select room_id, client_msg_id, seq from messages where client_msg_id is not null and room_id = any($1)`,
        [[rooms.joint, rooms.staff]],
      )
    ).rows;
    const byId = new Map<string, number[]>();
    for (const r of stored)
      byId.set(`${r.room_id}|${r.client_msg_id}`, [
        ...(byId.get(`${r.room_id}|${r.client_msg_id}`) ?? []),
        Number(r.seq),
      ]);
    const lost: string[] = [];
    const wrongSeq: string[] = [];
    for (const m of messages) {
      const room = m.name === 'mediator-on-2' ? rooms.staff : rooms.joint;
      for (const [id, seq] of m.acked) {
        const seqs = byId.get(`${room}|${id}`);
        if (!seqs) lost.push(id);
        else if (seqs.length !== 1 || seqs[0] !== seq)
          wrongSeq.push(`${id}: acknowledged seq ${seq}, stored ${seqs.join(',')}`);
      }
    }
    const twice = [...byId].filter(([, seqs]) => seqs.length > 1).map(([k]) => k);
    const gaps = (
      await pg.query(
        `select room_id, count(*)::int as n, max(seq)::int as max from messages where room_id = any($1) group by room_id`,
        [[rooms.joint, rooms.staff]],
      )
    ).rows
      .filter((r) => r.n !== r.max)
      .map((r) => `${r.room_id}: ${r.n} messages, max seq ${r.max}`);
    expect({ lost, wrongSeq, twice, gaps }).toEqual({ lost: [], wrongSeq: [], twice: [], gaps: [] });

    // applications: every acknowledged one stored
    const apps = (await pg.query(`select id from disputes where id = any($1)`, [intake.acked])).rows.map(
      (r) => r.id,
    );
    expect(apps.sort()).toEqual([...intake.acked].sort());

    // transitions: each case accepted exactly once, every acknowledged accept stored
    const accepts = (
      await pg.query(
        `select dispute_id, count(*)::int as n from case_transitions where action = 'accept' and dispute_id = any($1) group by dispute_id`,
        [routed],
      )
    ).rows;
    const acceptCount = new Map(accepts.map((r) => [r.dispute_id, r.n]));
    expect(transitions.acked.filter((id) => acceptCount.get(id) !== 1)).toEqual([]);
    expect(accepts.filter((r) => r.n > 1)).toEqual([]);

    // webhook deliveries: each acknowledged key stored once, processed by the worker into exactly one intake record
    await until(
      'the worker to process every delivery',
      async () => {
        const r = await pg.query(
          `select count(*)::int as n from webhook_deliveries where status <> 'processed'`,
        );
        return r.rows[0].n === 0;
      },
      90_000,
      500,
    );
    const keys = (
      await pg.query(
        `select idempotency_key, count(*)::int as n from webhook_deliveries group by idempotency_key`,
      )
    ).rows;
    const keyCount = new Map(keys.map((r) => [r.idempotency_key, r.n]));
    expect([...webhooks.acked].filter((o) => keyCount.get(`order-${o}`) !== 1)).toEqual([]);
    expect(keys.filter((r) => r.n > 1)).toEqual([]);
    const records = (
      await pg.query(
        `select source_id, count(*)::int as n from intake_records where source_id = any($1) group by source_id`,
        [webhooks.sent],
      )
    ).rows;
    const recordCount = new Map(records.map((r) => [r.source_id, r.n]));
    expect([...webhooks.acked].filter((o) => recordCount.get(o) !== 1)).toEqual([]);
    expect(records.filter((r) => r.n > 1)).toEqual([]);

    // the survivor still serves
    expect((await call(api2.url, 'GET', '/health')).status).toBe(200);
    console.log(
      `kill test: ${acked.length} messages, ${intake.acked.length} applications (${intake.unanswered} unanswered at the kill), ${webhooks.acked.size} webhook rows, ${transitions.acked.length} accepts acknowledged; ${transitions.conflictsAfterRetry.length} accepts found applied on retry`,
    );
  });
});
