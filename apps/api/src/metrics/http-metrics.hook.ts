import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'socket.io';
import { MetricsService } from './metrics.service';

const STARTED = Symbol('tiaojie.metrics.started');

/** Times every request by its route template (not the raw URL, so ids do not explode the label set). */
export function installHttpMetrics(app: NestFastifyApplication, metrics: MetricsService): void {
  const fastify = app.getHttpAdapter().getInstance();
  // callback hooks (no promise per request)
  fastify.addHook('onRequest', (req, _reply, done) => {
    (req as any)[STARTED] = process.hrtime.bigint();
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const started = (req as any)[STARTED] as bigint | undefined;
    if (started !== undefined) {
      metrics.observeHttp(req.method, req.routeOptions?.url ?? 'unmatched', reply.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    }
    done();
  });
}

/** Counts connected sockets on this instance. */
export function installSocketMetrics(io: Server, metrics: MetricsService): void {
  io.on('connection', (socket) => {
    metrics.socketConnections.inc();
    socket.on('disconnect', () => metrics.socketConnections.dec());
  });
}
