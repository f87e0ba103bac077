import 'reflect-metadata';
import { loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { createApi } from '../apps/api/src/bootstrap';
import { SocketPublisher } from '../apps/api/src/gateway/socket.publisher';
import { createWorker } from '../apps/worker/src/bootstrap';

/** All in one process: api (HTTP + socket.io) and the worker, on embedded PGlite unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const db = await DbService.connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await db.migrate();
  const api = await createApi(config, db);
  const worker = config.runWorker
    ? await createWorker(config, db, { publisher: api.app.get(SocketPublisher) })
    : null;
  console.log(
    `Tiaojie 调解 is up in ${((Date.now() - started) / 1000).toFixed(1)} s on ${api.url} (database: ${db.engine}${db.engine === 'pglite' ? ` at ${config.dataDir}` : ''}) — docs at ${api.url}/api/docs`,
  );
  const stop = async () => {
    await worker?.close();
    await api.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
