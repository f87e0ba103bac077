import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DbService } from '@tiaojie/db';

/** Prometheus metrics: HTTP, sockets, jobs and the database. One registry per api instance. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'tiaojie_http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'tiaojie_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  readonly socketConnections = new Gauge({
    name: 'tiaojie_socket_connections',
    help: 'Connected sockets on this instance',
    registers: [this.registry],
  });
  readonly socketEvents = new Counter({
    name: 'tiaojie_socket_events_total',
    help: 'Socket events received',
    labelNames: ['event', 'outcome'],
    registers: [this.registry],
  });
  private readonly jobs = new Gauge({
    name: 'tiaojie_jobs',
    help: 'pg-boss jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  private readonly dbPool = new Gauge({
    name: 'tiaojie_db_pool_clients',
    help: 'node-postgres pool clients',
    labelNames: ['state'],
    registers: [this.registry],
  });
  private readonly dbPing = new Gauge({
    name: 'tiaojie_db_ping_seconds',
    help: 'Round trip of a trivial query at scrape time',
    registers: [this.registry],
  });
  private readonly dbUp = new Gauge({
    name: 'tiaojie_db_up',
    help: '1 when the database answers',
    registers: [this.registry],
  });

  constructor(private readonly db: DbService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tiaojie_' });
  }

  /** Label children per (method, route, status): prom-client hashes a label object on every call otherwise. */
  private readonly httpChildren = new Map<
    string,
    { count: { inc(): void }; duration: { observe(v: number): void } }
  >();

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let child = this.httpChildren.get(key);
    if (!child) {
      // routes are templates and statuses a few codes, so this map stays small
      child = {
        count: this.httpRequests.labels(method, route, String(status)),
        duration: this.httpDuration.labels(method, route),
      };
      this.httpChildren.set(key, child);
    }
    child.count.inc();
    child.duration.observe(seconds);
  }

  async render(): Promise<string> {
    const started = process.hrtime.bigint();
    const up = await this.db.ping().catch(() => false);
    this.dbUp.set(up ? 1 : 0);
    this.dbPing.set(Number(process.hrtime.bigint() - started) / 1e9);
    if (this.db.pool) {
      this.dbPool.set({ state: 'total' }, this.db.pool.totalCount);
      this.dbPool.set({ state: 'idle' }, this.db.pool.idleCount);
      this.dbPool.set({ state: 'waiting' }, this.db.pool.waitingCount);
    }
    if (up) {
      const r = await this.db
        .raw()
        .query<{ name: string; state: string; n: number }>(
          `select name, state, count(*)::int as n from pgboss.job group by name, state`,
        )
        .catch(() => ({ rows: [] }));
      this.jobs.reset();
      for (const row of r.rows) this.jobs.set({ queue: row.name, state: row.state }, Number(row.n));
    }
    return this.registry.metrics();
  }
}
