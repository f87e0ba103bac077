import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { Logger } from 'nestjs-pino';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig, Clock } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { DemoSeeder } from '@tiaojie/org';
import { ApiModule } from './api.module';
import { createValidationPipe } from './common/validation.pipe';
import { PgIoAdapter } from './gateway/pg-io.adapter';
import { SocketPublisher } from './gateway/socket.publisher';
import { installHttpMetrics, installSocketMetrics } from './metrics/http-metrics.hook';
import { MetricsService } from './metrics/metrics.service';
import type { RoomLimits } from './gateway/room-limits';

export interface ApiHandle {
  app: NestFastifyApplication;
  url: string;
  close: () => Promise<void>;
}

/** Builds the api (HTTP + socket.io) on an already migrated database. Used by apps/api, src/ and tests. */
export async function createApi(config: AppConfig, db: DbService, opts: { clock?: Clock; listen?: boolean; roomLimits?: RoomLimits } = {}): Promise<ApiHandle> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024, trustProxy: true, maxParamLength: 200,
    // Router-level refusals (malformed percent-encoding, over-long path parameters) in the api's error shape.
    frameworkErrors: (err: any, _req: any, reply: any) => {
      const status = typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      void reply.status(status).header('content-type', 'application/json; charset=utf-8')
        .send({ error: { code: status === 414 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: `请求地址无效 (invalid URL: ${err?.code ?? 'bad request'})` } });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({ config, db, clock: opts.clock, roomLimits: opts.roomLimits }), adapter, {
    bufferLogs: true, abortOnError: false, rawBody: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  installHttpMetrics(app, app.get(MetricsService));
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.useWebSocketAdapter(new PgIoAdapter(app, db.pool, config.corsOrigins));
  await app.register(helmet as any, { contentSecurityPolicy: false, global: true });
  // multipart/form-data (room attachments, intake files) is registered once, here; each route passes its own
  // limits to req.parts()/req.file(). Guarded so a second registration elsewhere cannot throw at boot.
  if (!app.getHttpAdapter().getInstance().hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart as any, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  }

  const doc = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Tiaojie 调解 API').setDescription('District dispute mediation platform (三调联动)').setVersion('0.1.0').addBearerAuth().build());
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'))) {
    // The built front end: files as they are, and index.html for every other non-API path (client-side routes).
    await app.register(fastifyStatic as any, { root: config.webDist, prefix: '/', wildcard: false });
    const index = fs.readFileSync(path.join(config.webDist, 'index.html'));
    app.getHttpAdapter().getInstance().get('/*', (req: any, reply: any) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/socket.io/') || req.url.startsWith('/metrics')) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
      }
      return reply.type('text/html; charset=utf-8').send(index);
    });
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
