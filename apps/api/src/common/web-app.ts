import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as path from 'node:path';

/** Vite names built assets by content hash, so a file under /assets/ never changes: cache it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: cache, but revalidate with the ETag every time so a deploy shows at once. */
const REVALIDATE = 'no-cache';

/**
 * Brotli or gzip for every text response, negotiated by Accept-Encoding. Dynamic responses use brotli quality 4
 * (fast); the built web app ships .br/.gz files made at build time at the highest quality (see serveWebApp).
 * Request bodies are never decompressed: webhook signatures are computed over the bytes as sent.
 */
export async function installCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(compress as never, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  });
}

/** The built front end: files as they are, index.html for every other non-API path (client-side routes). */
export async function serveWebApp(app: NestFastifyApplication, webDist: string): Promise<void> {
  await app.register(fastifyStatic as never, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply: FastifyReply, file: string) => {
      const rel = path.relative(webDist, file).split(path.sep);
      void reply.header('cache-control', rel[0] === 'assets' ? IMMUTABLE : REVALIDATE);
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req: FastifyRequest, reply: FastifyReply) => {
      if (
        req.url.startsWith('/api/') ||
        req.url.startsWith('/socket.io/') ||
        req.url.startsWith('/metrics')
      ) {
        return reply.status(404).send({
          error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` },
        });
      }
      // a missing hashed asset is a 404, not the app shell (a stale page must not parse HTML as script)
      if (req.url.startsWith('/assets/')) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '文件不存在' } });
      }
      return reply.sendFile('index.html');
    });
}
