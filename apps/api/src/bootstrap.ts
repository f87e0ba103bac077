import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import * as fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import * as path from 'node:path';
import { AppConfig, Clock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { DemoSeeder } from '@tiaojie/org';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './common/openapi-document';
import { createValidationPipe } from './common/validation.pipe';
import { ROOT_LOGGER, installRequestLogging } from './common/request-logger';
import { securityHeaders } from './common/security-headers';
import { installCompression, serveWebApp } from './common/web-app';
import { PgIoAdapter } from './gateway/pg-io.adapter';
import { SocketPublisher } from './gateway/socket.publisher';
import { installHttpMetrics, installSocketMetrics } from './metrics/http-metrics.hook';
import { MetricsService } from './metrics/metrics.service';
import type { RoomLimits } from './gateway/room-limits';

/** Node's parser refused the request: answer in the api's error shape on the raw socket, then close it. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({
    error: {
      code: status === 431 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
      message: status === 431 ? '请求头过大' : `请求格式错误`,
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface ApiHandle {
  app: NestFastifyApplication;
  url: string;
  close: () => Promise<void>;
}

/** Builds the api (HTTP + socket.io) on an already migrated database. Used by apps/api, src/ and tests. */
export async function createApi(
  config: AppConfig,
  db: DbService,
  opts: { clock?: Clock; listen?: boolean; roomLimits?: RoomLimits } = {},
): Promise<ApiHandle> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    maxParamLength: 200,
    // request ids: the caller's X-Request-Id (a proxy's) or a new UUID; logged on every line and echoed back
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Router-level refusals (malformed percent-encoding, over-long path parameters) in the api's error shape.
    // Refusals by Node's HTTP parser (431 headers over 16 KiB, malformed requests) before any handler runs.
    clientErrorHandler: answerClientError,
    frameworkErrors: (err: FastifyError, _req: unknown, reply: FastifyReply) => {
      const status =
        typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500
          ? err.statusCode
          : 400;
      void reply
        .status(status)
        .header('content-type', 'application/json; charset=utf-8')
        .send({
          error: {
            code: status === 414 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
            message: `请求地址无效`,
          },
        });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot({ config, db, clock: opts.clock, roomLimits: opts.roomLimits }),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      rawBody: true,
    },
  );
  app.useLogger(app.get(Logger));
  installRequestLogging(app.getHttpAdapter().getInstance(), app.get(ROOT_LOGGER));
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  installHttpMetrics(app, app.get(MetricsService));
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.useWebSocketAdapter(new PgIoAdapter(app, db.pool, config.corsOrigins));
  const headers = securityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      reply.headers(headers).header('x-request-id', req.id);
      done();
    });
  await installCompression(app);
  // multipart/form-data (room attachments, intake files) is registered once, here; each route passes its own
  // limits to req.parts()/req.file(). Guarded so a second registration elsewhere cannot throw at boot.
  if (!app.getHttpAdapter().getInstance().hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  }

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'))) {
    await serveWebApp(app, config.webDist);
  }

  if (config.demoData) await app.get(DemoSeeder).seedOnce();
  await app.init();
  const io = app.get(SocketPublisher).io;
  if (io) installSocketMetrics(io, app.get(MetricsService));
  let url = '';
  if (opts.listen !== false) {
    await app.listen(config.port, config.host);
    const addr = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : config.port}`;
  }
  return { app, url, close: () => app.close() };
}
