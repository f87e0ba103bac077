import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { IncomingMessage } from 'node:http';
import type { Pool, PoolClient } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { PubSubPublisher, batchNotifications } from './notify-batcher';
import { CoalescableConnection, coalesceWrites } from './write-coalescing';

const CHANNEL_PREFIX = 'socket.io';

/**
 * The PostgreSQL adapter keeps one pooled client checked out for LISTEN; pg-pool takes its idle 'error' listener
 * off while a client is checked out, and the adapter adds none, so a server restart or failover ("terminating
 * connection due to administrator command") would crash the process with an unhandled 'error' event. Every client
 * gets a listener that logs; queries in flight still fail normally, and the adapter reconnects on the client's 'end'.
 */
function guardClients(pool: Pool, logger: Logger): void {
  const guarded = new WeakSet<PoolClient>();
  const guard = (client: PoolClient) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (err: Error) => logger.warn(`database connection lost: ${err.message}`));
  };
  pool.on('connect', guard);
  pool.on('acquire', guard);
}

/**
 * A browser's handshake is accepted from an allowed origin or from the api's own origin (the web app it serves);
 * clients that send no Origin (servers, the CLI, native apps) are not browsers and stay allowed.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** socket.io over the PostgreSQL adapter, so rooms span every api instance on the same database. */
export class PgIoAdapter extends IoAdapter {
  private readonly logger = new Logger('PgIoAdapter');

  constructor(
    app: INestApplicationContext,
    private readonly pool: Pool | null,
    private readonly origins: string[],
  ) {
    super(app);
    if (pool) guardClients(pool, this.logger);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.origins, credentials: true },
      connectionStateRecovery: undefined,
      // CORS does not bind WebSockets: the handshake itself checks Origin (OWASP ASVS 5.0 V4.4)
      allowRequest: (req: IncomingMessage, done: (err: string | null, ok: boolean) => void) =>
        done(null, originAllowed(req.headers.origin, req.headers.host, this.origins)),
    });
    server.engine.on('connection', (conn: CoalescableConnection) => coalesceWrites(conn));
    if (this.pool) {
      const pool = this.pool;
      const onError = (err: Error) => this.logger.warn(`postgres adapter: ${err.message}`);
      const base = createAdapter(pool, {
        tableName: 'socket_io_attachments',
        channelPrefix: CHANNEL_PREFIX,
        errorHandler: onError,
      });
      const batched = new WeakSet<object>();
      // socket.io calls `new adapter(nsp)`: a plain function whose returned object becomes the instance
      type AdapterFactory = Parameters<Server['adapter']>[0];
      server.adapter(function batchedAdapter(nsp: unknown) {
        const adapter = (base as unknown as (n: unknown) => { client: object })(nsp);
        // one PubSubClient is shared by every namespace's adapter: batch its notifications once
        if (!batched.has(adapter.client)) {
          batched.add(adapter.client);
          batchNotifications(adapter.client as PubSubPublisher, pool, CHANNEL_PREFIX, onError);
        }
        return adapter;
      } as unknown as AdapterFactory);
    }
    return server;
  }
}
