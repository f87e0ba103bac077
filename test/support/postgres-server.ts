import * as net from 'node:net';
import { Client } from 'pg';

const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A PostgreSQL server for tests that run several processes (PGlite is single-process): DATABASE_URL if set,
 * else the local server if it answers; otherwise a clear failure that says why, never a silent skip.
 */
export async function postgresBase(why: string): Promise<string> {
  const url = process.env.DATABASE_URL || LOCAL_PG;
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch (err) {
    await c.end().catch(() => undefined);
    throw new Error(
      `${why} and needs a PostgreSQL server: ${url} is not reachable (${(err as Error).message}). Set DATABASE_URL (CI does), or start the local one. PGlite cannot be shared between processes.`,
    );
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
