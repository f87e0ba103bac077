/**
 * Benchmark wiring: a fresh database (a new database on a PostgreSQL server, or PGlite in a temp
 * folder on disk), migrated, with the domain modules in a Nest application context.
 */
import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { CoreModule, loadConfig, NoopRealtimePublisher, RealtimePublisher } from '@tiaojie/core';
import { DbModule, DbService } from '@tiaojie/db';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

@Module({})
class BenchRealtime {
  static forRoot() {
    return {
      module: BenchRealtime,
      global: true,
      providers: [{ provide: RealtimePublisher, useClass: NoopRealtimePublisher }],
      exports: [RealtimePublisher],
    };
  }
}

export interface BenchContext {
  app: INestApplicationContext;
  db: DbService;
  engine: 'postgres' | 'pglite';
  close: () => Promise<void>;
}

export async function openBenchContext(
  engine: 'postgres' | 'pglite',
  modules: any[],
  baseUrl = process.env.DATABASE_URL || DEFAULT_PG_URL,
): Promise<BenchContext> {
  let db: DbService;
  let drop: () => Promise<void>;
  if (engine === 'postgres') {
    const name = `tj_bench_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    db = await DbService.connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
    drop = async () => {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'tj-bench-'));
    db = await DbService.connect({ databaseUrl: null, dataDir: dir });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  await db.migrate();
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'bench-secret-bench-secret-bench-secret' });
  @Module({
    imports: [CoreModule.forRoot(config), DbModule.forRoot(db), BenchRealtime.forRoot(), ...modules],
  })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  return {
    app,
    db,
    engine,
    close: async () => {
      await app.close();
      await db.close();
      await drop();
    },
  };
}

/** Wall-clock milliseconds of an async step. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}
