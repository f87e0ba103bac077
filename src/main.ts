import 'reflect-metadata';
import { loadConfig, readEnv } from '@tiaojie/core';
import { DataDirUnusableError, DbService } from '@tiaojie/db';
import { startEventLoopWatchdog } from './event-loop-watchdog';

const SHUTDOWN_LIMIT_MS = 10_000;

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
  // loaded after the data folder was checked and locked, so an unusable folder fails in about a second
  const { createApi } = await import('../apps/api/src/bootstrap');
  const { SocketPublisher } = await import('../apps/api/src/gateway/socket.publisher');
  const { createWorker } = await import('../apps/worker/src/bootstrap');
  const api = await createApi(config, db);
  const worker = config.runWorker
    ? await createWorker(config, db, { publisher: api.app.get(SocketPublisher) })
    : null;
  // embedded PGlite can spin on the main thread for ever (a full disk at a WAL segment switch): end it instead
  if (db.engine === 'pglite')
    startEventLoopWatchdog(readEnv().STALL_EXIT_SECONDS * 1000, `database at ${config.dataDir}`);
  console.log(
    `Tiaojie 调解 is up in ${((Date.now() - started) / 1000).toFixed(1)} s on ${api.url} (database: ${db.engine}${db.engine === 'pglite' ? ` at ${config.dataDir}` : ''}) — docs at ${api.url}/api/docs`,
  );
  const stop = async () => {
    // a shutdown stuck on the database (a full disk) must not outlive its supervisor's patience
    setTimeout(() => {
      console.error(`shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await worker?.close();
    await api.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  // an unusable data folder is the operator's to fix: its message names the path and the cause, no stack
  console.error(err instanceof DataDirUnusableError ? err.message : err);
  process.exit(1);
});
