import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/** socket.io over the PostgreSQL adapter, so rooms span every api instance on the same database. */
export class PgIoAdapter extends IoAdapter {
  constructor(app: INestApplicationContext, private readonly pool: Pool | null, private readonly origins: string[]) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.origins, credentials: true },
      connectionStateRecovery: undefined,
    });
    if (this.pool) server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    return server;
  }
}
