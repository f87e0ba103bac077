import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Injection token of the api's root pino logger (the one the Nest logger writes through). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Paths not worth a line each (load balancers poll them). */
const QUIET = new Set(['/api/health']);

/**
 * One structured line per answered request, written from Fastify's onResponse hook: the request id (the caller's
 * X-Request-Id or a UUID, see bootstrap.ts), method, URL, client address and agent, status and response time.
 * This replaces pino-http behind nestjs-pino's middleware, which ran through middie, built a child logger and an
 * AsyncLocalStorage context per request and halved the throughput of a cheap route (docs/decisions.md).
 * Lines that need the request id elsewhere take it from the request (ErrorFilter) rather than from a context.
 */
export function installRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const path = req.url.split('?', 1)[0];
    if (!QUIET.has(path)) {
      const status = reply.statusCode;
      const line = {
        req: {
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.socket?.remoteAddress,
          userAgent: req.headers['user-agent'],
        },
        res: { statusCode: status },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (status >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
