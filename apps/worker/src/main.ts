import 'reflect-metadata';
import { loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { createWorker } from './bootstrap';

/** The worker alone (docker-compose runs it beside the api). */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await DbService.connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await db.migrate();
  const worker = await createWorker(config, db);
  const stop = () => {
    void worker.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
