/**
 * Load scenario: SOCKETS sockets (default 2,000) in ROOMS case rooms (default 200) chatting while
 * RPS requests per second (default 200) hit intake and the work queues, for DURATION seconds (default 600),
 * against PostgreSQL, with the api and the worker as separate processes. Reports the 5xx rate, p50/p99
 * latency (HTTP, message acks, message delivery), CPU and memory of the server processes, against the
 * thresholds of a healthy system (5xx < 0.025 %, p99 < 2 s, api CPU < 85 % of one core on average).
 *
 *   npm run -s build:server
 *   npx swc bench/load -d dist-bench -q
 *   DURATION=60 node dist-bench/bench/load/scenario.js      # short run; omit DURATION for 10 minutes
 *
 * DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a fresh database is
 * created on it and dropped afterwards (KEEP_DB=1 keeps it). Exit code 1 when a threshold is missed. Not part of npm test.
 * On a server with autovacuum off (this machine's) a stand-in runs autovacuum's per-table thresholds every
 * AUTOVACUUM_EVERY seconds (60; 0: never); AUTOVACUUM_STANDIN=all runs VACUUM ANALYZE on the whole database instead.
 * Phases: WARMUP seconds (default 30: every socket chatting, HTTP ramping up to RPS, nothing recorded), then
 * DURATION seconds measured. Processes: API_INSTANCES api processes (default 2, one per core; sockets and requests
 * alternate between them, rooms span both through the PostgreSQL adapter, as behind a load balancer) and one
 * worker at niceness WORKER_NICE (default 10); the generator lowers itself to GENERATOR_NICE (default 10).
 *
 * Sockets: per room the applicant ×4, the respondent ×4 and the assigned mediator ×2 (several devices per
 * person), each sending one message every MSG_INTERVAL seconds (default 10, ±20 %), acked by the server and
 * broadcast to the room. HTTP, open loop (a slow server does not slow the arrivals): 35 % applications
 * (POST /api/cases, routed on arrival), 15 % signed 12345 webhook deliveries (processed by the worker),
 * 30 % a body's queue (GET /api/cases/queue as its admin or mediator), 20 % the district's queue (MIX changes it).
 */
import { io, Socket } from 'socket.io-client';
import { call, inBatches } from './load-http';
import * as os from 'node:os';
import { Client } from 'pg';
import {
  ProcessSampler,
  Proc,
  autovacuumStandIn,
  buildServer,
  freshDatabase,
  heapUsedMb,
  machine,
  machineCpu,
  mean,
  percentile,
  signWebhook,
  startProcess,
} from './support';
import { application, setup } from './scenario-world';

const DURATION = Number(process.env.DURATION ?? 600);
const SOCKETS = Number(process.env.SOCKETS ?? 2000);
const ROOMS = Number(process.env.ROOMS ?? 200);
const RPS = Number(process.env.RPS ?? 200);
const MSG_INTERVAL = Number(process.env.MSG_INTERVAL ?? 10);
/** The generator's CPU priority once the servers run (niceness, default 10; 0 leaves it equal to theirs). */
const GENERATOR_NICE = Number(process.env.GENERATOR_NICE ?? 10);
/** The worker's CPU priority (niceness, default 10): background jobs run below the api that answers people (0: equal). */
const WORKER_NICE = Number(process.env.WORKER_NICE ?? 10);
/** Seconds of warm-up before the measured DURATION (default 30): sockets chat, HTTP ramps up to RPS, nothing is recorded. */
const WARMUP = Math.max(0, Number(process.env.WARMUP ?? 30));
/** Seconds between progress lines (default 30). */
const REPORT_EVERY = Number(process.env.REPORT_EVERY ?? 30);
const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Shares of the HTTP mix, e.g. MIX=apply=35,webhook=15,bodyQueue=30,districtQueue=20 (the default). */
const MIX = (() => {
  const m: Record<string, number> = { apply: 35, webhook: 15, bodyQueue: 30, districtQueue: 20 };
  for (const part of (process.env.MIX ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (k in m) m[k] = Number(v);
  }
  const total = Object.values(m).reduce((a, b) => a + b, 0);
  return {
    apply: m.apply / total,
    webhook: m.webhook / total,
    bodyQueue: m.bodyQueue / total,
    districtQueue: m.districtQueue / total,
  };
})();
const SKIP_BUILD = process.env.SKIP_BUILD === '1';
/**
 * api processes on the same database (rooms span them through the PostgreSQL adapter); sockets and requests
 * alternate, as behind a load balancer. Default 2: one Node.js process per core of this 2-core machine (one event
 * loop cannot use a second core; with one instance its loop, not the database, was the queue: docs/decisions.md).
 */
const API_INSTANCES = Math.max(1, Number(process.env.API_INSTANCES ?? 2));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Samples {
  lat: number[];
  statuses: Map<string, number>;
}
const bucket = (): Samples => ({ lat: [], statuses: new Map() });
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function main(): Promise<void> {
  if (!SKIP_BUILD) buildServer();
  const db = await freshDatabase(BASE);
  const apis: Proc[] = [];
  let worker: Proc | null = null;
  try {
    console.log(`setup: ${ROOMS} cases in mediation on ${db.url.replace(/\/\/[^@]*@/, '//')} …`);
    const t0 = Date.now();
    const world = await setup(db.url, ROOMS);
    console.log(`setup done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    // PROFILE_DIR=<dir> writes a V8 CPU profile of the measured api there (node --cpu-prof); API_NODE_ARGS adds
    // node options (e.g. `--require /path/to/probe.js`)
    const nodeArgs = [
      ...(process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : []),
      ...(process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ];
    for (let i = 0; i < API_INSTANCES; i++) {
      apis.push(
        await startProcess('api', db.url, { LOG_LEVEL: 'info', DEMO_DATA: 'false' }, false, nodeArgs),
      );
    }
    worker = await startProcess('worker', db.url, { LOG_LEVEL: 'info' }, false);
    if (WORKER_NICE !== 0) os.setPriority(worker.child.pid!, WORKER_NICE);
    const apiSamplers = apis.map((a) => new ProcessSampler(a.child.pid!));
    let rr = 0;
    const nextApi = () => apis[rr++ % apis.length];
    const workerSampler = new ProcessSampler(worker.child.pid!);
    const selfSampler = new ProcessSampler(process.pid);
    // the generator shares the machine with what it measures: below the server processes, it takes the CPU they
    // leave (its own delays can only add to the latencies it records)
    if (GENERATOR_NICE !== 0) os.setPriority(GENERATOR_NICE);

    // —— sockets ——
    const perRoom = Math.max(1, Math.round(SOCKETS / ROOMS));
    const sockets: { s: Socket; roomId: string }[] = [];
    let connectFailures = 0;
    const specs = world.rooms.flatMap((r) =>
      [...Array(perRoom).keys()].map((k) => ({
        roomId: r.roomId,
        api: apis[k % apis.length],
        token: k < perRoom * 0.4 ? r.applicant : k < perRoom * 0.8 ? r.respondent : world.mediator,
      })),
    );
    const ackLat: number[] = [];
    const deliveryLat: number[] = [];
    const msgStatus = new Map<string, number>();
    let delivered = 0;
    const connectStarted = Date.now();
    await inBatches(specs.slice(0, SOCKETS), 50, async (spec) => {
      const s = io(spec.api.url, {
        auth: { token: spec.token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 20_000,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          s.once('connect', () => resolve());
          s.once('connect_error', reject);
        });
        const joined = await s.timeout(20_000).emitWithAck('room:join', { roomId: spec.roomId, lastSeq: 0 });
        if (!joined?.ok) throw new Error(JSON.stringify(joined));
        s.on('message:new', (m: any) => {
          const sent = /@(\d{13})$/.exec(m?.body ?? '')?.[1];
          if (sent && Number(sent) >= started) {
            delivered += 1;
            deliveryLat.push(Date.now() - Number(sent));
          }
        });
        sockets.push({ s, roomId: spec.roomId });
      } catch {
        connectFailures += 1;
        s.disconnect();
      }
    });
    console.log(
      `${sockets.length} sockets connected and joined in ${((Date.now() - connectStarted) / 1000).toFixed(0)} s (${connectFailures} failed)`,
    );

    // —— warm-up (WARMUP s: every socket chatting, HTTP ramping up to RPS; nothing recorded), then the measured phase ——
    const warmupStarted = Date.now();
    const started = warmupStarted + WARMUP * 1000;
    const endAt = started + DURATION * 1000;
    let machineStart = machineCpu();

    const measuring = () => Date.now() >= started;
    const vacuum = await autovacuumStandIn(
      db.url,
      Number(process.env.AUTOVACUUM_EVERY ?? 60),
      process.env.AUTOVACUUM_STANDIN === 'all' ? 'all' : 'thresholds',
    );
    // each api's heap in use at the start and end of the measured phase: a leak climbs, a growing RSS alone need not
    let heapStart: Promise<(number | null)[]> = Promise.resolve([]);
    const startSamplers = setTimeout(() => {
      heapStart = Promise.all(apis.map((a) => heapUsedMb(a.url)));
      for (const a of apiSamplers) a.start();
      workerSampler.start();
      selfSampler.start();
      machineStart = machineCpu();
    }, WARMUP * 1000);
    let stopping = false;
    let msgSeq = 0;
    let inflightMsgs = 0;
    const chat = sockets.map(({ s, roomId }) =>
      (async () => {
        await sleep(Math.random() * MSG_INTERVAL * 1000);
        while (!stopping) {
          const t = Date.now();
          const recorded = measuring();
          inflightMsgs += 1;
          try {
            const r = await s.timeout(30_000).emitWithAck('message:send', {
              roomId,
              clientMsgId: `load-${process.pid}-${++msgSeq}`,
              body: `负载测试消息 @${t}`,
            });
            if (recorded) {
              ackLat.push(Date.now() - t);
              count(msgStatus, r?.ok ? 'ok' : `refused ${r?.error?.code}`);
            }
          } catch {
            if (recorded) count(msgStatus, 'ack timeout');
          } finally {
            inflightMsgs -= 1;
          }
          await sleep(MSG_INTERVAL * 1000 * (0.8 + 0.4 * Math.random()));
        }
      })(),
    );

    const http = { apply: bucket(), webhook: bucket(), bodyQueue: bucket(), districtQueue: bucket() };
    let fired = 0;
    let inflight = 0;
    let dropped = 0;
    let order = 0;
    const bodyTokens = [world.bodyAdmin, world.mediator];
    const fire = async () => {
      const roll = Math.random();
      const kind: keyof typeof http =
        roll < MIX.apply
          ? 'apply'
          : roll < MIX.apply + MIX.webhook
            ? 'webhook'
            : roll < MIX.apply + MIX.webhook + MIX.bodyQueue
              ? 'bodyQueue'
              : 'districtQueue';
      const t = Date.now();
      const b = measuring() ? http[kind] : bucket(); // warm-up answers are not recorded
      inflight += 1;
      try {
        let status: number;
        if (kind === 'apply') {
          const i = Math.floor(Math.random() * world.applicants.length);
          status = (
            await call(
              nextApi().url,
              'POST',
              '/cases',
              world.applicants[i],
              application(i, ++order),
              {},
              false,
            )
          ).status;
        } else if (kind === 'webhook') {
          const no = `SW9${String(process.pid % 1000).padStart(3, '0')}${String(++order).padStart(7, '0')}`;
          const body = {
            工单编号: no,
            工单来源: '省市网',
            受理时间: '2024-06-03 09:10:00',
            诉求类型: '投诉',
            诉求人: '韩梅',
            联系电话: `139${no.slice(-8)}`,
            事发地址: '东湖街道东湖社区崇川路49号',
            所属街道: '东湖街道',
            诉求内容: '楼上装修噪声，物业不处理，要求调解。',
            问题分类: '矛盾纠纷-物业纠纷',
            承办单位: '东湖街道办事处',
            '办理时限(工作日)': '5',
            签收时间: '2024-06-03 10:00:00',
            回复时间: '2024-06-05 16:00:00',
            办结时间: '2024-06-07 10:00:00',
            办理状态: '已办结',
            回访满意度: '满意',
          };
          const ts = String(Math.floor(Date.now() / 1000));
          status = (
            await call(
              nextApi().url,
              'POST',
              '/webhooks/12345',
              undefined,
              body,
              {
                'x-tiaojie-timestamp': ts,
                'x-tiaojie-signature': signWebhook(ts, JSON.stringify(body)),
                'idempotency-key': `load-${no}`,
              },
              false,
            )
          ).status;
        } else if (kind === 'bodyQueue') {
          status = (
            await call(nextApi().url, 'GET', '/cases/queue', bodyTokens[order++ % 2], undefined, {}, false)
          ).status;
        } else {
          status = (await call(nextApi().url, 'GET', '/cases/queue', world.district, undefined, {}, false))
            .status;
        }
        b.lat.push(Date.now() - t);
        count(b.statuses, String(status));
      } catch (err) {
        b.lat.push(Date.now() - t);
        count(
          b.statuses,
          /timeout|abort/i.test(String(err))
            ? 'timeout'
            : `network ${(err as any)?.code ?? (err as any)?.cause?.code ?? ''}`.trim(),
        );
      } finally {
        inflight -= 1;
      }
    };
    let lastReport = warmupStarted;
    // arrivals due by now: a linear ramp from 0 to RPS over the warm-up, then RPS
    const dueBy = (sinceStart: number) =>
      sinceStart < WARMUP
        ? (RPS * sinceStart * sinceStart) / (2 * WARMUP)
        : (RPS * WARMUP) / 2 + RPS * (sinceStart - WARMUP);
    while (Date.now() < endAt) {
      const due = Math.floor(dueBy((Date.now() - warmupStarted) / 1000));
      while (fired < due) {
        fired += 1;
        if (inflight >= 5000) {
          if (measuring()) dropped += 1;
          continue;
        }
        void fire(); // fire never rejects: every outcome is counted inside
      }
      if (Date.now() - lastReport >= REPORT_EVERY * 1000) {
        lastReport = Date.now();
        const done = Object.values(http).reduce((n, b) => n + b.lat.length, 0);
        console.log(
          `  ${((Date.now() - started) / 1000).toFixed(0)} s${measuring() ? '' : ' (warm-up)'}: ${done} HTTP answered, ${inflight} in flight; ${ackLat.length} messages acked, ${inflightMsgs} in flight; api CPU ${apiSamplers.map((a) => (a.cpu.slice(-30).length ? mean(a.cpu.slice(-30)).toFixed(0) : '-')).join(' / ')} %`,
        );
      }
      await sleep(5);
    }
    clearTimeout(startSamplers);
    const elapsed = (Date.now() - started) / 1000;
    // CPU is judged over the measured phase only: while the answers still in flight drain, the api idles and the
    // worker catches up, which is not the load the thresholds are about (the means were diluted otherwise)
    const machineEnd = machineCpu();
    const heaps = { start: await heapStart, end: await Promise.all(apis.map((a) => heapUsedMb(a.url))) };
    vacuum.stop();
    for (const a of apiSamplers) a.stop();
    workerSampler.stop();
    selfSampler.stop();
    stopping = true;
    for (let i = 0; i < 350 && inflight > 0; i++) await sleep(100);
    await Promise.race([Promise.all(chat), sleep(35_000)]);
    for (const { s } of sockets) s.disconnect();

    // —— report ——
    const httpAll = Object.values(http);
    const httpCount = httpAll.reduce((n, b) => n + b.lat.length, 0);
    const http5xx = httpAll.reduce(
      (n, b) =>
        n +
        [...b.statuses]
          .filter(([k]) => /^5/.test(k) || k === 'timeout' || k.startsWith('network'))
          .reduce((a, [, v]) => a + v, 0),
      0,
    );
    const http4xx = httpAll.reduce(
      (n, b) => n + [...b.statuses].filter(([k]) => /^4/.test(k)).reduce((a, [, v]) => a + v, 0),
      0,
    );
    const msgCount = [...msgStatus.values()].reduce((a, b) => a + b, 0);
    const msgFailed = (msgStatus.get('ack timeout') ?? 0) + (msgStatus.get('refused INTERNAL') ?? 0);
    const errorRate = (http5xx + msgFailed + dropped) / Math.max(1, httpCount + msgCount + dropped);
    const allHttpLat = httpAll.flatMap((b) => b.lat);
    const row = (name: string, b: Samples) =>
      `| ${name} | ${b.lat.length} | ${(b.lat.length / elapsed).toFixed(1)} | ${JSON.stringify(Object.fromEntries(b.statuses))} | ${percentile(b.lat, 0.5)} | ${percentile(b.lat, 0.99)} |`;
    const apiCpuMean = Math.max(...apiSamplers.map((a) => mean(a.cpu)));
    // the system under test as a share of the machine: everything but the generator (api, worker, PostgreSQL, the
    // kernel's network and disk work, idle services). PostgreSQL's backends cannot be summed from /proc: the pool
    // closes idle connections, and a backend that exits takes its CPU seconds with it.
    const cores = os.cpus().length;
    const machineBusy =
      (100 * (machineEnd.busy - machineStart.busy)) / (machineEnd.total - machineStart.total);
    const apisCpu = apiSamplers.reduce((n, a) => n + mean(a.cpu), 0);
    const restCpu = machineBusy * cores - apisCpu - mean(workerSampler.cpu) - mean(selfSampler.cpu);
    const serversCpu = machineBusy - mean(selfSampler.cpu) / cores;
    const stealPct =
      (100 * (machineEnd.steal - machineStart.steal)) / (machineEnd.total - machineStart.total);
    const thresholds = {
      '5xx (and unanswered) rate < 0.025 %': errorRate < 0.00025,
      'HTTP p99 < 2 s': percentile(allHttpLat, 0.99) < 2000,
      'message ack p99 < 2 s': percentile(ackLat, 0.99) < 2000,
      'api CPU < 85 % of a core (mean, busiest instance)': apiCpuMean < 85,
      [`machine CPU less the generator's < 85 % (the servers' share of ${cores} cores, mean)`]:
        serversCpu < 85,
    };
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const sizes = (
      await pg.query(
        `select (select count(*) from disputes)::int as disputes, (select count(*) from messages)::int as messages, (select count(*) from webhook_deliveries where status = 'processed')::int as processed, (select count(*) from webhook_deliveries)::int as deliveries, pg_size_pretty(pg_database_size(current_database())) as size`,
      )
    ).rows[0];
    await pg.end();
    await vacuum.end();
    const lines = [
      `Load scenario: ${DURATION} s after ${WARMUP} s of warm-up, ${API_INSTANCES} api instance${API_INSTANCES > 1 ? 's' : ''}, ${sockets.length} sockets in ${ROOMS} rooms (1 message / ${MSG_INTERVAL} s each), ${RPS} HTTP requests/s open loop, mix ${JSON.stringify(MIX)}; ${machine()} (at the end); ${new Date().toISOString()}`,
      '',
      '| HTTP | answered | per s | statuses | p50 (ms) | p99 (ms) |',
      '|---|---:|---:|---|---:|---:|',
      row('POST /api/cases (apply)', http.apply),
      row('POST /api/webhooks/12345', http.webhook),
      row('GET /api/cases/queue (body)', http.bodyQueue),
      row('GET /api/cases/queue (district)', http.districtQueue),
      `| all HTTP | ${httpCount} | ${(httpCount / elapsed).toFixed(1)} | 5xx/unanswered ${http5xx}, 4xx ${http4xx}, not sent (client cap) ${dropped} | ${percentile(allHttpLat, 0.5)} | ${percentile(allHttpLat, 0.99)} |`,
      '',
      `| socket | count | per s | outcome | p50 (ms) | p99 (ms) |`,
      '|---|---:|---:|---|---:|---:|',
      `| message:send → ack | ${msgCount} | ${(msgCount / elapsed).toFixed(1)} | ${JSON.stringify(Object.fromEntries(msgStatus))} | ${percentile(ackLat, 0.5)} | ${percentile(ackLat, 0.99)} |`,
      `| message:new delivered | ${delivered} | ${(delivered / elapsed).toFixed(1)} | to the room's other sockets | ${percentile(deliveryLat, 0.5)} | ${percentile(deliveryLat, 0.99)} |`,
      '',
      '| process | CPU mean (% of one core) | CPU p95 | CPU max | RSS mean (MB) | RSS max (MB) |',
      '|---|---:|---:|---:|---:|---:|',
      ...[
        ...apiSamplers.map((a, i) => [apis.length > 1 ? `api ${i + 1}` : 'api', a] as const),
        ['worker', workerSampler] as const,
        ['load generator', selfSampler] as const,
      ].map(
        ([n, s]) =>
          `| ${n} | ${mean(s.cpu).toFixed(1)} | ${percentile(s.cpu, 0.95).toFixed(1)} | ${Math.max(...s.cpu).toFixed(1)} | ${mean(s.rss).toFixed(0)} | ${Math.max(...s.rss).toFixed(0)} |`,
      ),
      `| PostgreSQL, kernel and the rest (machine − the above) | ${restCpu.toFixed(1)} | | | | |`,
      `| whole machine (${cores} cores) | ${machineBusy.toFixed(1)} % busy; without the generator ${serversCpu.toFixed(1)} %; of which steal ${stealPct.toFixed(1)} % | | | | |`,
      '',
      `5xx + unanswered rate: ${(100 * errorRate).toFixed(4)} % of ${httpCount + msgCount} requests and messages; database at the end: ${JSON.stringify(sizes)}`,
      `api V8 heap in use, start → end of the measured phase (MB): ${heaps.start.map((h, i) => `${h?.toFixed(0) ?? '?'} → ${heaps.end[i]?.toFixed(0) ?? '?'}`).join('; ')}`,
      vacuum.summary(),
      '',
      ...Object.entries(thresholds).map(([k, ok]) => `- ${ok ? 'PASS' : 'FAIL'} ${k}`),
    ];
    console.log(`\n${lines.join('\n')}`);
    for (const p of [...apis, worker]) {
      if (p.child.exitCode !== null || p.child.signalCode !== null)
        console.log(
          `\n${p.name} EXITED during the run (code ${p.child.exitCode}, signal ${p.child.signalCode}):\n${p.log.join('').slice(-4000)}`,
        );
    }
    process.exitCode = Object.values(thresholds).every(Boolean) ? 0 : 1;
  } finally {
    await worker?.stop();
    for (const a of apis) await a.stop();
    // KEEP_DB=1 leaves the database for EXPLAIN at the sizes of a run (drop it yourself afterwards)
    if (process.env.KEEP_DB === '1') console.log(`database kept: ${db.url}`);
    else await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
