import 'reflect-metadata';
import { loadConfig } from '@tiaojie/core';
import { DataDirUnusableError, DbService } from '@tiaojie/db';

const SHUTDOWN_LIMIT_MS = 10_000;

/** The api alone (docker-compose runs it beside a separate worker). */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await DbService.connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await db.migrate();
  // loaded after the data folder was checked and locked, so an unusable folder fails in about a second
  const { createApi } = await import('./bootstrap');
  const api = await createApi(config, db);
  const stop = () => {
    // a shutdown stuck on the database (a full disk) must not outlive its supervisor's patience
    setTimeout(() => {
      console.error(`shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000} s: exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  // an unusable data folder is the operator's to fix: its message names the path and the cause, no stack
  console.error(err instanceof DataDirUnusableError ? err.message : err);
  process.exit(1);
});
