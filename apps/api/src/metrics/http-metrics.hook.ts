import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'socket.io';
import { MetricsService } from './metrics.service';

/** Times every request by its route template (not the raw URL, so ids do not explode the label set). */
export function installHttpMetrics(app: NestFastifyApplication, metrics: MetricsService): void {
  const fastify = app.getHttpAdapter().getInstance();
  // a callback hook (no promise per request); Fastify times the request itself (reply.elapsedTime, ms)
  fastify.addHook('onResponse', (req, reply, done) => {
    metrics.observeHttp(
      req.method,
      req.routeOptions?.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
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
