import Fastify from 'fastify';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { installRequestLogging } from './request-logger';

describe('installRequestLogging', () => {
  it('writes one line per answered request with its id, method, URL, status and time; errors at error level; health is quiet', async () => {
    const lines: any[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const app = Fastify({ requestIdHeader: 'x-request-id' });
    installRequestLogging(app, pino({ level: 'info' }, sink));
    app.get('/api/cases/queue', async () => []);
    app.get('/api/boom', async (_req, reply) => reply.status(503).send({}));
    app.get('/api/health', async () => ({ ok: true }));
    await app.inject({
      method: 'GET',
      url: '/api/cases/queue?open=true',
      headers: { 'x-request-id': 'r-1', 'user-agent': 'jest' },
    });
    await app.inject({ method: 'GET', url: '/api/boom', headers: { 'x-request-id': 'r-2' } });
    await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'r-3' } });
    await app.close();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'r-1', method: 'GET', url: '/api/cases/queue?open=true', userAgent: 'jest' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: 'request errored',
      req: { id: 'r-2' },
      res: { statusCode: 503 },
    });
    // nothing a request line does not need: no headers (authorization, cookies)
    expect(JSON.stringify(lines)).not.toMatch(/authorization|cookie/i);
  });
});
