import 'reflect-metadata';
import { loadConfig } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { createApi } from './bootstrap';

/** The api alone (docker-compose runs it beside a separate worker). */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await DbService.connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await db.migrate();
  const api = await createApi(config, db);
  const stop = () => {
    void api.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
